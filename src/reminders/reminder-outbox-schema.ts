import type { OutboxRow, OutboxState } from "./reminder-outbox.ts";
import { reminderPayloadSchema } from "./reminder-payload.ts";

/** Migrations of the reminders module's tables (outbox, done occurrences, meta, audit log). */
export const REMINDER_MIGRATIONS = [
  `CREATE TABLE reminder_outbox (
     key TEXT PRIMARY KEY,
     occurrence_key TEXT NOT NULL,
     event_id TEXT NOT NULL,
     group_id TEXT NOT NULL,
     rule_id TEXT NOT NULL,
     surface TEXT NOT NULL,
     target_kind TEXT NOT NULL CHECK (target_kind IN ('channel', 'user')),
     target_id TEXT NOT NULL,
     due_at INTEGER NOT NULL,
     useful_until INTEGER NOT NULL,
     payload TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('planned', 'claimed', 'sent', 'missed', 'done', 'snoozed', 'unknown', 'failed', 'cancelled')),
     claim_token TEXT,
     claimed_at INTEGER,
     first_claimed_at INTEGER,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER,
     sent_at INTEGER,
     message_id TEXT,
     note TEXT,
     snoozed_from TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX reminder_outbox_due ON reminder_outbox(state, due_at);
   CREATE INDEX reminder_outbox_occurrence ON reminder_outbox(occurrence_key);
   CREATE TABLE reminder_done (occurrence_key TEXT PRIMARY KEY, done_by TEXT NOT NULL, done_at INTEGER NOT NULL);
   CREATE TABLE reminder_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE reminder_log (
     id INTEGER PRIMARY KEY,
     key TEXT NOT NULL,
     at INTEGER NOT NULL,
     state TEXT NOT NULL,
     note TEXT
   );`,
];

/** An outbox row as SQLite returns it. */
export interface OutboxRecord {
  key: string;
  occurrence_key: string;
  event_id: string;
  group_id: string;
  rule_id: string;
  surface: string;
  target_kind: "channel" | "user";
  target_id: string;
  due_at: number;
  useful_until: number;
  payload: string;
  state: OutboxState;
  claim_token: string | null;
  claimed_at: number | null;
  first_claimed_at: number | null;
  attempts: number;
  next_attempt_at: number | null;
  sent_at: number | null;
  message_id: string | null;
  note: string | null;
  snoozed_from: string | null;
}

/** Maps a stored row to the port's shape, validating the payload. */
export function toOutboxRow(row: OutboxRecord): OutboxRow {
  return {
    key: row.key,
    occurrenceKey: row.occurrence_key,
    eventId: row.event_id,
    groupId: row.group_id,
    ruleId: row.rule_id,
    surface: row.surface,
    target: { kind: row.target_kind, id: row.target_id },
    dueAt: row.due_at,
    usefulUntil: row.useful_until,
    payload: reminderPayloadSchema.parse(JSON.parse(row.payload)),
    state: row.state,
    claimToken: row.claim_token,
    claimedAt: row.claimed_at,
    firstClaimedAt: row.first_claimed_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    messageId: row.message_id,
    note: row.note,
    snoozedFrom: row.snoozed_from,
  };
}
