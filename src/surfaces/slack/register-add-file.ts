import type { App, webApi } from "@slack/bolt";
import { z } from "zod";
import { addFilesToGroup, type TellAsker } from "./add-files-to-group.ts";
import type { SlackSurfaceContext } from "./slack-surface-context.ts";

/** The `callback_id` of the message shortcut "Lägg till i Samsyn" (see slack/manifest.yaml). */
export const ADD_FILE_SHORTCUT = "add_to_samsyn";

/** What people write after @Samsyn to add a message's file; compared in lower case, without end punctuation. */
const ADD_FILE_PHRASES = new Set([
  "lägg till",
  "lägg till i samsyn",
  "lägg till dokumentet",
  "lägg till filen",
]);

const filesSchema = z.array(z.object({ id: z.string().min(1) })).default([]);

const shortcutSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }),
  message: z.object({ ts: z.string().min(1), thread_ts: z.string().optional(), files: filesSchema }),
});

/** A thread's first message, from `conversations.replies`. */
const repliesSchema = z.object({
  messages: z.array(z.object({ ts: z.string(), files: filesSchema })).default([]),
});

/** Whether a mention's text (mentions removed) asks Samsyn to add the message's file. */
export function isAddFileRequest(text: string): boolean {
  return ADD_FILE_PHRASES.has(
    text
      .toLowerCase()
      .replace(/[.!]+$/, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/**
 * The message shortcut "Lägg till i Samsyn": acknowledged at once (Slack allows 3 seconds), then
 * the message's files are added; refusals go to the clicker only, through the response URL.
 */
export function registerAddFile(app: App, context: SlackSurfaceContext): void {
  app.shortcut(
    { type: "message_action", callback_id: ADD_FILE_SHORTCUT },
    async ({ ack, body, client, respond }) => {
      await ack();
      const parsed = shortcutSchema.safeParse(body);
      if (!parsed.success) {
        context.logger.warn("slack shortcut payload not understood", { issues: parsed.error.issues.length });
        return;
      }
      const { user, channel, message } = parsed.data;
      const tell: TellAsker = async (text) => {
        await respond({ response_type: "ephemeral", replace_original: false, text });
      };
      await addFilesToGroup(
        context,
        client,
        {
          channelId: channel.id,
          userId: user.id,
          fileIds: message.files.map((file) => file.id),
          threadTs: message.thread_ts ?? message.ts,
        },
        tell,
      );
    },
  );
}

/** An `@Samsyn lägg till` mention, on a message with a file or in the thread of one. */
export interface AddFileMention {
  channelId: string;
  userId: string;
  ts: string;
  threadTs?: string;
  /** Files of the mentioning message itself. */
  files: readonly { id: string }[];
}

/**
 * Adds the files of the mentioning message or, when it has none and is a thread reply, of the
 * thread's first message. Handled once per message, as Slack may deliver it twice.
 */
export async function addFileOnMention(
  context: SlackSurfaceContext,
  client: webApi.WebClient,
  mention: AddFileMention,
): Promise<void> {
  const { channelId, userId } = mention;
  if (!context.store.claimMessage(`${channelId}:${mention.ts}`)) return;
  const root = mention.threadTs ?? mention.ts;
  const tell: TellAsker = async (text) => {
    await client.chat.postEphemeral({ channel: channelId, user: userId, text, thread_ts: root });
  };
  let fileIds = mention.files.map((file) => file.id);
  if (fileIds.length === 0 && mention.threadTs && mention.threadTs !== mention.ts) {
    try {
      fileIds = await threadStarterFiles(client, channelId, mention.threadTs);
    } catch (error) {
      context.logger.warn("slack thread starter not readable", { channelId, error });
    }
  }
  await addFilesToGroup(context, client, { channelId, userId, fileIds, threadTs: root }, tell);
}

async function threadStarterFiles(
  client: webApi.WebClient,
  channelId: string,
  threadTs: string,
): Promise<string[]> {
  const replies = repliesSchema.parse(
    await client.conversations.replies({ channel: channelId, ts: threadTs, limit: 1 }),
  );
  const starter = replies.messages.find((message) => message.ts === threadTs);
  return (starter?.files ?? []).map((file) => file.id);
}
