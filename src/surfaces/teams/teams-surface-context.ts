import type { Attachment } from "@microsoft/teams.api";
import type { AnswerService } from "../../answer/answer-service.ts";
import type { FeedbackStore } from "../../feedback/feedback-store.ts";
import type { SqliteDatabase } from "../../index/sqlite-database.ts";
import type { Group } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import type { ScopedDocument } from "../../retrieval/scope.ts";
import type { BackgroundWork } from "./background-work.ts";
import type { ConversationReferenceStore } from "./conversation-references.ts";
import type { SamsynTeamsApp } from "./samsyn-teams-app.ts";
import type { TeamsScopeResolver } from "./teams-scope-resolver.ts";
import type { TeamsStore } from "./teams-store.ts";

/** What the Teams surface needs from the core; `Core` from `app/compose.ts` fits. */
export interface TeamsCore {
  answers: Pick<AnswerService, "ask">;
  index: { database: SqliteDatabase; catalog: { documents(): ScopedDocument[] } };
}

/** A reply a command hook gives: Markdown text, optionally with cards (e.g. an Adaptive Card). */
export interface TeamsCommandReply {
  text: string;
  attachments?: Attachment[];
}

/** Who typed a command, and where. */
export interface TeamsCommandContext {
  /** The person's Teams id (`29:…`) and Entra object id. */
  userId: string;
  aadObjectId: string | null;
  /** Conversation id without a thread suffix. */
  conversationId: string;
  conversationType: "personal" | "groupChat" | "channel";
  /** The words after the command. */
  argument: string;
  /** Ids of the groups whose documents this conversation may see (the channel's group, or the person's in a personal chat). */
  groupIds: string[];
}

/** Commands that later modules provide; a missing one answers that it is not set up yet. */
export interface TeamsCommandHooks {
  /** `möten`: upcoming meetings. */
  meetings?(context: TeamsCommandContext): Promise<TeamsCommandReply>;
  /** `påminnelser`: the person's reminders. */
  reminders?(context: TeamsCommandContext): Promise<TeamsCommandReply>;
  /** `intro`: the guided introduction to a group. */
  intro?(context: TeamsCommandContext): Promise<TeamsCommandReply>;
  /** `ordlista [FÖRKORTNING]`: the conversation's acronyms, or one explained. */
  glossary?(context: TeamsCommandContext): Promise<TeamsCommandReply>;
  /** `årshjul [grupp] [år]`: the group's year of meetings and deadlines as a picture. */
  arshjul?(context: TeamsCommandContext): Promise<TeamsCommandReply>;
  /** A click on a button of a notification (`Notification.actions`); the reply goes to the conversation. */
  notificationAction?(action: {
    id: string;
    value: string;
    userId: string;
    conversationId: string;
  }): Promise<TeamsCommandReply | null>;
}

/** Everything the Teams handlers share. */
export interface TeamsSurfaceContext {
  app: SamsynTeamsApp;
  core: TeamsCore;
  store: TeamsStore;
  references: ConversationReferenceStore;
  scopes: TeamsScopeResolver;
  /** The groups, for per-group settings such as the welcome. */
  groups: readonly Group[];
  feedback: FeedbackStore;
  commands: TeamsCommandHooks;
  background: BackgroundWork;
  /** Personal chats whose person's UPN was already asked for in this process (found or not). */
  principalLookups: Set<string>;
  logger: Logger;
}
