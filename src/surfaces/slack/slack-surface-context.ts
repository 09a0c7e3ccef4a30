import type { AnswerService } from "../../answer/answer-service.ts";
import type { FeedbackStore } from "../../feedback/feedback-store.ts";
import type { SqliteDatabase } from "../../index/sqlite-database.ts";
import type { Group } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import type { ScopedDocument } from "../../retrieval/scope.ts";
import type { SourceInbox } from "../../sources/source-port.ts";
import type { SlackScopeResolver } from "./slack-scope-resolver.ts";
import type { SlackStore } from "./slack-store.ts";

/** What the Slack surface needs from the core; `Core` from `app/compose.ts` fits. */
export interface SlackCore {
  answers: Pick<AnswerService, "ask">;
  index: { database: SqliteDatabase; catalog: { documents(): ScopedDocument[] } };
}

/** A file a subcommand posts into the channel, e.g. the årshjul as PNG. */
export interface SlackFile {
  data: Buffer;
  /** With its extension, e.g. "arshjul-laholm-2027.png". */
  filename: string;
  title: string;
  /** For screen readers. */
  altText: string;
}

/**
 * A reply a subcommand hook gives: mrkdwn text, optionally with Block Kit blocks. With `file`,
 * the file is posted into the channel for everyone, `text` as its comment, instead of a reply
 * only the asker sees.
 */
export interface SlackCommandReply {
  text: string;
  blocks?: unknown[];
  file?: SlackFile;
}

/** Who ran a subcommand, and where. */
export interface SlackCommandContext {
  userId: string;
  channelId: string;
  /** The words after the subcommand. */
  argument: string;
  /** Ids of the groups whose documents this conversation may see (the channel's group, or the user's in a DM). */
  groupIds: string[];
}

/** Subcommands that later modules provide; a missing one answers that it is not set up yet. */
export interface SlackCommandHooks {
  /** `/samsyn möten`: upcoming meetings. */
  meetings?(context: SlackCommandContext): Promise<SlackCommandReply>;
  /** `/samsyn påminnelser`: the user's reminders. */
  reminders?(context: SlackCommandContext): Promise<SlackCommandReply>;
  /** `/samsyn intro`: the guided introduction to a group. */
  intro?(context: SlackCommandContext): Promise<SlackCommandReply>;
  /** `/samsyn ordlista [FÖRKORTNING]`: the conversation's acronyms, or one explained. */
  glossary?(context: SlackCommandContext): Promise<SlackCommandReply>;
  /** `/samsyn årshjul [grupp] [år]`: the group's year of meetings and deadlines as a picture. */
  arshjul?(context: SlackCommandContext): Promise<SlackCommandReply>;
  /** A click on a button of a notification (`Notification.actions`); the reply is shown to the clicker only. */
  notificationAction?(action: {
    id: string;
    value: string;
    userId: string;
    channelId: string | null;
    messageTs: string | null;
  }): Promise<SlackCommandReply | null>;
}

/** Everything the Slack handlers share. */
export interface SlackSurfaceContext {
  core: SlackCore;
  store: SlackStore;
  scopes: SlackScopeResolver;
  /** The groups, for per-group settings such as the welcome. */
  groups: readonly Group[];
  feedback: FeedbackStore;
  commands: SlackCommandHooks;
  /** Where "Lägg till i Samsyn" puts a shared file; absent, adding files is switched off. */
  sourceInbox?: SourceInbox;
  /** Largest file that may be added from Slack (the ingest limit), in bytes. */
  maxFileBytes: number;
  logger: Logger;
}
