import type { App } from "@slack/bolt";
import { z } from "zod";
import { answerInConversation } from "./answer-in-conversation.ts";
import { plainTextFromSlack } from "./mrkdwn.ts";
import { addFileOnMention, isAddFileRequest } from "./register-add-file.ts";
import type { SlackSurfaceContext } from "./slack-surface-context.ts";

const mentionSchema = z.object({
  channel: z.string().min(1),
  user: z.string().min(1),
  text: z.string().default(""),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
  files: z.array(z.object({ id: z.string().min(1) })).default([]),
});

const messageSchema = mentionSchema.extend({
  channel_type: z.enum(["channel", "group", "im", "mpim", "app_home"]),
  subtype: z.string().optional(),
});

/**
 * Questions as messages: an @mention in a channel is answered in its thread; a direct message in
 * the direct conversation; a later message in a thread Samsyn answered, without a new mention.
 * `@Samsyn lägg till` adds the message's (or the thread's first message's) file instead.
 */
export function registerConversationHandlers(app: App, context: SlackSurfaceContext): void {
  app.event("app_mention", async ({ event, context: bolt, client }) => {
    const mention = mentionSchema.safeParse(event);
    if (!mention.success || mention.data.bot_id) return;
    const { channel, user, text, ts, thread_ts: threadTs, files } = mention.data;
    const question = plainTextFromSlack(text, bolt.botUserId);
    if (isAddFileRequest(question)) {
      await addFileOnMention(context, client, {
        channelId: channel,
        userId: user,
        ts,
        ...(threadTs ? { threadTs } : {}),
        files,
      });
      return;
    }
    const root = threadTs ?? ts;
    await answerInConversation(context, client, {
      conversation: { channelId: channel, userId: user, isDirect: channel.startsWith("D") },
      messageTs: ts,
      replyThreadTs: root,
      historyThreadTs: root,
      alwaysUseHistory: true,
      question,
    });
  });

  app.event("message", async ({ event, context: bolt, client }) => {
    const parsed = messageSchema.safeParse(event);
    // Edits, joins, bot posts and file shares carry a subtype or no user: not questions.
    if (!parsed.success || parsed.data.subtype !== undefined || parsed.data.bot_id) return;
    const message = parsed.data;
    const question = plainTextFromSlack(message.text, bolt.botUserId);
    const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
    if (message.channel_type === "im") {
      await answerInConversation(context, client, {
        conversation: { channelId: message.channel, userId: message.user, isDirect: true },
        messageTs: message.ts,
        replyThreadTs: inThread ? (message.thread_ts ?? null) : null,
        historyThreadTs: inThread ? (message.thread_ts ?? "") : "",
        alwaysUseHistory: inThread,
        question,
      });
      return;
    }
    if (!inThread || !message.thread_ts || !context.store.hasThread(message.channel, message.thread_ts))
      return;
    // People talking to each other in the thread ("@Anna, vad tycker du?") are not asking Samsyn.
    if (mentionsOnlyOthers(message.text, bolt.botUserId)) return;
    // "@Samsyn lägg till" also arrives as app_mention, which adds the file; it is no question.
    if (isAddFileRequest(question)) return;
    // A follow-up that also mentions Samsyn arrives as app_mention too; whichever comes first claims it.
    await answerInConversation(context, client, {
      conversation: { channelId: message.channel, userId: message.user, isDirect: false },
      messageTs: message.ts,
      replyThreadTs: message.thread_ts,
      historyThreadTs: message.thread_ts,
      alwaysUseHistory: true,
      question,
    });
  });
}

function mentionsOnlyOthers(text: string, botUserId: string | undefined): boolean {
  const mentioned = [...text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)].map((match) => match[1]);
  return mentioned.length > 0 && !mentioned.includes(botUserId);
}
