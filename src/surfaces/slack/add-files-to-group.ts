import path from "node:path";
import type { webApi } from "@slack/bolt";
import type { SourceItem } from "../../sources/source-port.ts";
import { ADD_FILE_TEXTS } from "./add-file-texts.ts";
import { downloadSlackFile, type SlackFile } from "./download-slack-file.ts";
import type { SlackSurfaceContext } from "./slack-surface-context.ts";

/** Someone asked to add the files of a message to the channel's group. */
export interface AddFilesRequest {
  channelId: string;
  userId: string;
  /** Ids of the message's files (`files[].id`). */
  fileIds: readonly string[];
  /** The thread the confirmation goes to: the message's thread, or the message itself. */
  threadTs: string;
}

/** Tells only the person who asked (an ephemeral message). */
export type TellAsker = (text: string) => Promise<void>;

/**
 * Adds a message's files to the documents of the channel's group through the source inbox, when
 * the channel belongs to exactly one group and the asker is a member of the channel; confirms each
 * file in the thread with the ingest outcome. Never throws: refusals and failures reach the asker
 * in Swedish, causes go to the log.
 */
export async function addFilesToGroup(
  context: SlackSurfaceContext,
  client: webApi.WebClient,
  request: AddFilesRequest,
  tell: TellAsker,
): Promise<void> {
  const { channelId, userId } = request;
  try {
    const inbox = context.sourceInbox;
    if (!inbox) return await tell(ADD_FILE_TEXTS.notSwitchedOn);
    const groupIds = context.scopes.groupsOfChannel(channelId);
    const groups = context.groups.filter((group) => groupIds.includes(group.id));
    const group = groups[0];
    if (!group) return await tell(ADD_FILE_TEXTS.noGroup);
    if (groups.length > 1) return await tell(ADD_FILE_TEXTS.severalGroups(groups.map((g) => g.name)));
    const member = await context.scopes.isMember(channelId, userId);
    if (member === null) return await tell(ADD_FILE_TEXTS.membersUnknown);
    if (!member) {
      context.logger.info("slack file refused: not a channel member", { channelId, groupId: group.id });
      return await tell(ADD_FILE_TEXTS.notMember(group.name));
    }
    if (request.fileIds.length === 0) return await tell(ADD_FILE_TEXTS.noFile);

    for (const fileId of request.fileIds) {
      const outcome = await downloadSlackFile(client, fileId, context.maxFileBytes);
      if (outcome.kind === "refused") {
        context.logger.info("slack file refused", { channelId, fileId, reason: outcome.reason });
        await tell(outcome.text);
        continue;
      }
      const { file } = outcome;
      await tell(ADD_FILE_TEXTS.working(file.name, group.name));
      let message: string;
      try {
        const result = await inbox.add(group.id, sourceItem(file), file.bytes);
        context.logger.info("slack file added", {
          channelId,
          groupId: group.id,
          fileId,
          bytes: file.bytes.byteLength,
          indexed: result.indexed,
        });
        message = ADD_FILE_TEXTS.confirmation(result.message, userId);
      } catch (error) {
        context.logger.error("slack file could not be added", {
          channelId,
          groupId: group.id,
          fileId,
          error,
        });
        await tell(ADD_FILE_TEXTS.addFailed(file.name));
        continue;
      }
      await confirmInThread(context, client, request, message, tell);
    }
  } catch (error) {
    context.logger.error("slack add file failed", { channelId, error });
    await tell(ADD_FILE_TEXTS.somethingFailed).catch((tellError: unknown) => {
      context.logger.error("slack add file reply could not be sent", { channelId, error: tellError });
    });
  }
}

/** The item for the inbox; Slack's default title is the file name, which says less than the document's own. */
function sourceItem(file: SlackFile): SourceItem {
  const stem = path.parse(file.name).name;
  const ownTitle = file.title && file.title !== file.name && file.title !== stem ? file.title : undefined;
  return {
    key: file.id,
    url: file.permalink,
    fileName: file.name,
    ...(ownTitle ? { title: ownTitle } : {}),
  };
}

/** Posts the confirmation in the thread; where Samsyn may not post, the asker gets it instead. */
async function confirmInThread(
  context: SlackSurfaceContext,
  client: webApi.WebClient,
  request: AddFilesRequest,
  text: string,
  tell: TellAsker,
): Promise<void> {
  try {
    await client.chat.postMessage({ channel: request.channelId, thread_ts: request.threadTs, text });
  } catch (error) {
    context.logger.warn("slack file confirmation not posted in the thread", {
      channelId: request.channelId,
      error,
    });
    await tell(text);
  }
}
