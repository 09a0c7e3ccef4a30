import type { NotificationTarget } from "../surfaces/notifier.ts";
import type { ReminderPayload } from "./reminder-payload.ts";

/**
 * Lifecycle of a delivery: planned → claimed → sent, or missed (too late to help), done (the
 * occurrence was marked "Klar"), snoozed (sent, then postponed by the recipient), unknown (a crash
 * between send and mark on a platform without lookup: not resent, at most once), failed (gave up
 * after retries), cancelled (the calendar changed).
 */
export const OUTBOX_STATES = [
  "planned",
  "claimed",
  "sent",
  "missed",
  "done",
  "snoozed",
  "unknown",
  "failed",
  "cancelled",
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A delivery the planner wants to exist. */
export interface PlannedDelivery {
  /** (event, occurrence, rule, recipient) joined; the idempotency key carried in the message. */
  key: string;
  occurrenceKey: string;
  eventId: string;
  groupId: string;
  ruleId: string;
  surface: string;
  target: NotificationTarget;
  dueAt: number;
  usefulUntil: number;
  payload: ReminderPayload;
}

/** A row of the outbox. */
export interface OutboxRow extends PlannedDelivery {
  state: OutboxState;
  claimToken: string | null;
  claimedAt: number | null;
  /** When the first attempt was claimed: the earliest moment a message with this key can exist. */
  firstClaimedAt: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  sentAt: number | null;
  messageId: string | null;
  note: string | null;
  /** For a snoozed copy: the key of the delivery that was snoozed. */
  snoozedFrom: string | null;
}

/** Outcome of writing a plan. */
export interface PlanWriteResult {
  inserted: number;
  updated: number;
  cancelled: number;
}

/**
 * The persistent outbox. Claims are atomic (only one caller gets a planned row), and a claimed row
 * can only be finished by the holder of its claim token.
 */
export interface ReminderOutbox {
  /** Inserts new deliveries due at or after `insertFrom`, refreshes planned ones, cancels planned ones in [from, to] no longer in the plan. */
  writePlan(
    deliveries: readonly PlannedDelivery[],
    window: { insertFrom: number; from: number; to: number },
    now: number,
  ): PlanWriteResult;
  /** Claims up to `limit` planned rows due by `now` on the given surfaces. */
  claimDue(now: number, surfaces: readonly string[], limit: number, token: string): OutboxRow[];
  /** Re-claims rows whose claim is older than `staleBefore` (a crashed or hung dispatcher). */
  claimStale(
    staleBefore: number,
    now: number,
    surfaces: readonly string[],
    limit: number,
    token: string,
  ): OutboxRow[];
  /** Finishes a claimed row; false when the claim was lost to someone else. */
  finish(
    key: string,
    token: string,
    state: "sent" | "missed" | "unknown" | "done",
    now: number,
    details?: { messageId?: string; note?: string },
  ): boolean;
  /**
   * Keeps a claim alive while its send is still running, so no other dispatcher takes it over;
   * false when the claim is no longer held with `token`.
   */
  renewClaim(key: string, token: string, now: number): boolean;
  /** Gives a claimed row back for a later attempt, or fails it for good. */
  retryLater(key: string, token: string, now: number, nextAttemptAt: number | null, note: string): boolean;
  /** Whether a later reminder for the same occurrence and recipient is already due (then this one is superseded). */
  hasLaterDue(row: OutboxRow, now: number): boolean;
  get(key: string): OutboxRow | undefined;
  /** Rows of an occurrence. */
  ofOccurrence(occurrenceKey: string): OutboxRow[];
  /** Planned rows due in [from, to], optionally for one group, by due time. */
  planned(from: number, to: number, groupId?: string | null): OutboxRow[];
  /** Marks an occurrence done (persisted) and every planned row of it. */
  markOccurrenceDone(occurrenceKey: string, user: string, now: number): number;
  isOccurrenceDone(occurrenceKey: string): { by: string; at: number } | null;
  /** Marks a delivered row snoozed and plans a copy for `until`; returns the copy's key. */
  snooze(key: string, until: number, user: string, now: number): string | null;
  /** Counts per state, for status lines and benchmarks. */
  counts(): Partial<Record<OutboxState, number>>;
  /** The last instant a planner ran, shared by every process on the database. */
  lastTick(): number | null;
  recordTick(now: number): void;
}
