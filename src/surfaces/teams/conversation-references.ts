import type { ConversationReference } from "@microsoft/teams.api";
import type { SqliteDatabase } from "../../index/sqlite-database.ts";
import { ensureTeamsSchema } from "./teams-schema.ts";

/** Where Samsyn can write in Teams, saved from the activities it received. */
export interface TeamsConversation {
  /** Conversation id without a thread suffix (`;messageid=…`). */
  conversationId: string;
  conversationType: "personal" | "groupChat" | "channel";
  /** The Bot Framework connector that serves this conversation (differs per region). */
  serviceUrl: string;
  tenantId: string | null;
  /** Samsyn's own account in the conversation (`28:<app id>`). */
  botId: string;
  botName: string | null;
  teamId: string | null;
  channelId: string | null;
  /** In a personal chat: the person (`29:…`), their Entra object id and, when known, UPN or e-mail. */
  userId: string | null;
  userAadId: string | null;
  userPrincipal: string | null;
  locale: string | null;
}

interface Row {
  conversation_id: string;
  conversation_type: TeamsConversation["conversationType"];
  service_url: string;
  tenant_id: string | null;
  bot_id: string;
  bot_name: string | null;
  team_id: string | null;
  channel_id: string | null;
  user_id: string | null;
  user_aad_id: string | null;
  user_principal: string | null;
  locale: string | null;
}

/**
 * Conversation references in the product database, so reminders reach channels and people after a
 * restart: saved when Samsyn is installed somewhere and whenever someone writes to it.
 */
export class ConversationReferenceStore {
  constructor(private readonly database: SqliteDatabase) {
    ensureTeamsSchema(database);
  }

  /** Saves or refreshes a conversation; a known UPN is kept when the new data lacks it. */
  save(conversation: TeamsConversation): void {
    this.database
      .prepare(
        `INSERT INTO teams_conversations(conversation_id, conversation_type, service_url, tenant_id, bot_id, bot_name,
           team_id, channel_id, user_id, user_aad_id, user_principal, locale, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(conversation_id) DO UPDATE SET
           conversation_type = excluded.conversation_type, service_url = excluded.service_url,
           tenant_id = COALESCE(excluded.tenant_id, tenant_id), bot_id = excluded.bot_id,
           bot_name = COALESCE(excluded.bot_name, bot_name), team_id = COALESCE(excluded.team_id, team_id),
           channel_id = COALESCE(excluded.channel_id, channel_id), user_id = COALESCE(excluded.user_id, user_id),
           user_aad_id = COALESCE(excluded.user_aad_id, user_aad_id),
           user_principal = COALESCE(excluded.user_principal, user_principal),
           locale = COALESCE(excluded.locale, locale), updated_at = excluded.updated_at`,
      )
      .run(
        conversation.conversationId,
        conversation.conversationType,
        conversation.serviceUrl,
        conversation.tenantId,
        conversation.botId,
        conversation.botName,
        conversation.teamId,
        conversation.channelId,
        conversation.userId,
        conversation.userAadId,
        conversation.userPrincipal?.toLowerCase() ?? null,
        conversation.locale,
        new Date().toISOString(),
      );
  }

  /** Forgets a conversation (Samsyn was removed from it). */
  remove(conversationId: string): void {
    this.database.prepare("DELETE FROM teams_conversations WHERE conversation_id = ?").run(conversationId);
  }

  /** A saved conversation by its id. */
  find(conversationId: string): TeamsConversation | null {
    const row = this.database
      .prepare("SELECT * FROM teams_conversations WHERE conversation_id = ?")
      .get(conversationId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * The conversation behind a channel id from a group file: a conversation or channel with that id,
   * or a team with it (the team id is also the id of its General channel).
   */
  findChannel(id: string): TeamsConversation | null {
    const row = this.database
      .prepare(
        `SELECT * FROM teams_conversations
         WHERE conversation_type != 'personal'
           AND (lower(conversation_id) = lower(@value) OR lower(channel_id) = lower(@value) OR lower(team_id) = lower(@value))
         ORDER BY lower(conversation_id) = lower(@value) DESC, lower(channel_id) = lower(@value) DESC, updated_at DESC
         LIMIT 1`,
      )
      .get({ value: id }) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** The personal chat with someone, by their Teams id (`29:…`), Entra object id, UPN or e-mail. */
  findPersonal(user: string): TeamsConversation | null {
    const row = this.database
      .prepare(
        `SELECT * FROM teams_conversations
         WHERE conversation_type = 'personal'
           AND (user_id = @value OR lower(user_aad_id) = lower(@value) OR user_principal = lower(@value))
         ORDER BY updated_at DESC LIMIT 1`,
      )
      .get({ value: user }) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** The most recently used conversation, preferably in `tenantId`: its connector and bot account. */
  latest(tenantId: string | null): TeamsConversation | null {
    const row = this.database
      .prepare(
        "SELECT * FROM teams_conversations ORDER BY (@value IS NOT NULL AND tenant_id = @value) DESC, updated_at DESC LIMIT 1",
      )
      .get({ value: tenantId }) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every saved conversation, newest first. */
  list(): TeamsConversation[] {
    const rows = this.database
      .prepare("SELECT * FROM teams_conversations ORDER BY updated_at DESC")
      .all() as Row[];
    return rows.map(fromRow);
  }
}

/** The Teams SDK's conversation reference for sending to a saved conversation. */
export function toConversationReference(conversation: TeamsConversation): ConversationReference {
  return {
    channelId: "msteams",
    // The SDK appends "/v3/…" itself; it strips the trailing slash from incoming activities as well.
    serviceUrl: conversation.serviceUrl.replace(/\/+$/, ""),
    bot: {
      id: conversation.botId,
      role: "bot",
      ...(conversation.botName ? { name: conversation.botName } : {}),
    },
    conversation: {
      id: conversation.conversationId,
      conversationType: conversation.conversationType,
      isGroup: conversation.conversationType !== "personal",
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
    ...(conversation.locale ? { locale: conversation.locale } : {}),
  };
}

function fromRow(row: Row): TeamsConversation {
  return {
    conversationId: row.conversation_id,
    conversationType: row.conversation_type,
    serviceUrl: row.service_url,
    tenantId: row.tenant_id,
    botId: row.bot_id,
    botName: row.bot_name,
    teamId: row.team_id,
    channelId: row.channel_id,
    userId: row.user_id,
    userAadId: row.user_aad_id,
    userPrincipal: row.user_principal,
    locale: row.locale,
  };
}
