import { ensureModuleSchema, type SqliteDatabase } from "../../index/sqlite-database.ts";

/**
 * The Teams module's tables: conversation references (for proactive messages), handled activities
 * (redeliveries), questions per thread (follow-ups) and answers (feedback refers to them).
 */
const MIGRATIONS = [
  `CREATE TABLE teams_conversations (
     conversation_id TEXT PRIMARY KEY,
     conversation_type TEXT NOT NULL,
     service_url TEXT NOT NULL,
     tenant_id TEXT,
     bot_id TEXT NOT NULL,
     bot_name TEXT,
     team_id TEXT,
     channel_id TEXT,
     user_id TEXT,
     user_aad_id TEXT,
     user_principal TEXT,
     locale TEXT,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX teams_conversations_user ON teams_conversations(user_id);
   CREATE INDEX teams_conversations_user_aad ON teams_conversations(user_aad_id);
   CREATE INDEX teams_conversations_user_principal ON teams_conversations(user_principal);
   CREATE INDEX teams_conversations_channel ON teams_conversations(channel_id);
   CREATE INDEX teams_conversations_team ON teams_conversations(team_id);
   CREATE TABLE teams_handled_activities (
     activity_key TEXT PRIMARY KEY,
     handled_at TEXT NOT NULL
   );
   CREATE TABLE teams_thread_questions (
     thread_key TEXT NOT NULL,
     asked_at TEXT NOT NULL,
     question TEXT NOT NULL
   );
   CREATE INDEX teams_thread_questions_thread ON teams_thread_questions(thread_key);
   CREATE TABLE teams_answers (
     conversation_id TEXT NOT NULL,
     activity_id TEXT NOT NULL,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (conversation_id, activity_id)
   );`,
];

/** Creates or upgrades the Teams tables. */
export function ensureTeamsSchema(database: SqliteDatabase): void {
  ensureModuleSchema(database, "teams", MIGRATIONS);
}
