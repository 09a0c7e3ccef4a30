import type { webApi } from "@slack/bolt";
import type { SlackFile, SlackSurfaceContext } from "./slack-surface-context.ts";

/** Slack's answers when Samsyn may not post in the conversation; anything else is a fault. */
const NOT_ALLOWED_HERE = new Set(["not_in_channel", "channel_not_found", "is_archived", "restricted_action"]);

/**
 * Posts a file into a channel (or thread) with `files.uploadV2`, which asks
 * `files.getUploadURLExternal` for an upload address, sends the bytes there and shares the file
 * with `files.completeUploadExternal`. Returns false when Samsyn may not post there (not invited);
 * other failures (e.g. a missing `files:write` scope) throw, with Slack's reason.
 */
export async function postFile(
  context: Pick<SlackSurfaceContext, "logger">,
  client: webApi.WebClient,
  where: { channelId: string; threadTs?: string; comment: string; file: SlackFile },
): Promise<boolean> {
  try {
    const upload = {
      initial_comment: where.comment,
      file: where.file.data,
      filename: where.file.filename,
      title: where.file.title,
      alt_text: where.file.altText,
    };
    await client.files.uploadV2(
      where.threadTs
        ? { ...upload, channel_id: where.channelId, thread_ts: where.threadTs }
        : { ...upload, channel_id: where.channelId },
    );
    context.logger.info("slack file posted", { channel: where.channelId, bytes: where.file.data.length });
    return true;
  } catch (error) {
    const reason = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof reason === "string" && NOT_ALLOWED_HERE.has(reason)) {
      context.logger.warn("slack file not allowed in channel", { channel: where.channelId, reason });
      return false;
    }
    throw error;
  }
}
