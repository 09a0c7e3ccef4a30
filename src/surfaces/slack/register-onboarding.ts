import type { App, RespondFn, webApi } from "@slack/bolt";
import { z } from "zod";
import { welcomeEnabled } from "../../onboarding/welcome.ts";
import { answerInConversation } from "./answer-in-conversation.ts";
import { INTRODUCTION_ACTIONS, parseIntroductionAction, renderWelcome } from "./render-introduction.ts";
import type { SlackCommandReply, SlackSurfaceContext } from "./slack-surface-context.ts";
import { notSetUpText, SLACK_TEXTS } from "./slack-texts.ts";

const clickSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  container: z
    .object({
      channel_id: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z
    .array(
      z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() }),
    )
    .min(1),
});

type Click = z.output<typeof clickSchema>;

const joinSchema = z.object({
  user: z.string().min(1),
  channel: z.string().min(1),
  event_ts: z.string().optional(),
});

/**
 * The onboarding in Slack: a suggested-question button is answered like a typed question, the
 * welcome's button shows the introduction, and someone joining a group's channel is welcomed
 * (ephemerally, so a large channel sees nothing) when the group has welcomes on.
 */
export function registerOnboarding(app: App, context: SlackSurfaceContext): void {
  app.action(new RegExp(`^${INTRODUCTION_ACTIONS.ask}(?::\\d+)?$`), async ({ ack, body, client }) => {
    await ack();
    const click = clickSchema.safeParse(body);
    const action = click.success ? click.data.actions[0] : undefined;
    const parsed = action ? parseIntroductionAction(action.action_id, action.value) : null;
    const channelId = click.success ? channelOf(click.data) : undefined;
    if (!click.success || !action || parsed?.kind !== "ask" || !channelId) {
      context.logger.warn("slack introduction question not understood");
      return;
    }
    const { message, container, user } = click.data;
    // An ephemeral introduction has no thread of its own; the answer then starts one in the channel.
    const threadTs = container?.is_ephemeral
      ? (container.thread_ts ?? null)
      : (message?.thread_ts ?? message?.ts ?? container?.thread_ts ?? null);
    await answerInConversation(context, client, {
      conversation: { channelId, userId: user.id, isDirect: channelId.startsWith("D") },
      // Each click is its own question; retries of the same click carry the same action_ts.
      messageTs: `intro:${user.id}:${action.action_ts ?? message?.ts ?? ""}:${action.action_id}`,
      replyThreadTs: threadTs,
      historyThreadTs: threadTs ?? "",
      alwaysUseHistory: false,
      question: parsed.question,
    });
  });

  app.action(INTRODUCTION_ACTIONS.start, async ({ ack, body, client, respond }) => {
    await ack();
    const click = clickSchema.safeParse(body);
    if (!click.success) {
      context.logger.warn("slack introduction button not understood");
      return;
    }
    const action = click.data.actions[0];
    const parsed = action ? parseIntroductionAction(action.action_id, action.value) : null;
    const channelId = channelOf(click.data) ?? "";
    let reply: SlackCommandReply;
    try {
      const hook = context.commands.intro;
      if (!hook || parsed?.kind !== "start") {
        reply = { text: notSetUpText("Introduktionen (/samsyn intro)") };
      } else {
        const userId = click.data.user.id;
        const groupIds = await context.scopes.groupIdsFor({
          channelId,
          userId,
          isDirect: channelId.startsWith("D"),
        });
        reply = await hook.call(context.commands, { userId, channelId, argument: parsed.groupId, groupIds });
      }
    } catch (error) {
      context.logger.error("slack introduction failed", { error });
      reply = { text: SLACK_TEXTS.answerFailed };
    }
    try {
      await tellClicker(click.data, reply, client, respond);
    } catch (error) {
      context.logger.error("slack introduction could not be sent", { error });
    }
  });

  app.event("member_joined_channel", async ({ event, context: bolt, client }) => {
    const join = joinSchema.safeParse(event);
    if (!join.success || join.data.user === bolt.botUserId) return;
    const { user, channel, event_ts: eventTs } = join.data;
    const ids = new Set(context.scopes.groupsOfChannel(channel));
    const group = context.groups.find((candidate) => ids.has(candidate.id) && welcomeEnabled(candidate));
    const welcome = group ? renderWelcome(group, user) : null;
    if (!welcome) return;
    // Slack re-sends an event it thinks was lost; one welcome per join is enough.
    if (eventTs && !context.store.claimMessage(`${channel}:joined:${user}:${eventTs}`)) return;
    try {
      await client.chat.postEphemeral({ channel, user, text: welcome.text, blocks: welcome.blocks });
      context.logger.info("slack welcome sent", { channel, group: group?.id });
    } catch (error) {
      context.logger.error("slack welcome could not be sent", { channel, error });
    }
  });
}

function channelOf(click: Click): string | undefined {
  return click.container?.channel_id ?? click.channel?.id;
}

/** Shows a reply to the clicker only: beside a normal message, or through the response URL. */
async function tellClicker(
  click: Click,
  reply: SlackCommandReply,
  client: webApi.WebClient,
  respond: RespondFn | undefined,
): Promise<void> {
  const channel = channelOf(click);
  const blocks = reply.blocks ? { blocks: reply.blocks as webApi.KnownBlock[] } : {};
  if (channel && !click.container?.is_ephemeral) {
    const thread = click.message?.thread_ts ? { thread_ts: click.message.thread_ts } : {};
    await client.chat.postEphemeral({ channel, user: click.user.id, text: reply.text, ...blocks, ...thread });
  } else if (respond) {
    await respond({ response_type: "ephemeral", replace_original: false, text: reply.text, ...blocks });
  }
}
