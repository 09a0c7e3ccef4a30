import { ensureModuleSchema, type SqliteDatabase } from "../index/sqlite-database.ts";
import type {
  OutboxRow,
  OutboxState,
  PlannedDelivery,
  PlanWriteResult,
  ReminderOutbox,
} from "./reminder-outbox.ts";
import { REMINDER_MIGRATIONS, type OutboxRecord as Row, toOutboxRow } from "./reminder-outbox-schema.ts";

/** The reminder outbox in the product's SQLite database; every state change is also logged in `reminder_log`. */
export class SqliteReminderOutbox implements ReminderOutbox {
  constructor(private readonly database: SqliteDatabase) {
    ensureModuleSchema(database, "reminders", REMINDER_MIGRATIONS);
  }

  writePlan(
    deliveries: readonly PlannedDelivery[],
    window: { insertFrom: number; from: number; to: number },
    now: number,
  ): PlanWriteResult {
    const result = { inserted: 0, updated: 0, cancelled: 0 };
    const existing = this.database.prepare(
      "SELECT state, due_at, useful_until, payload FROM reminder_outbox WHERE key = ?",
    );
    const insert = this.database.prepare(
      `INSERT INTO reminder_outbox(key, occurrence_key, event_id, group_id, rule_id, surface, target_kind, target_id,
         due_at, useful_until, payload, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = this.database.prepare(
      "UPDATE reminder_outbox SET due_at = ?, useful_until = ?, payload = ?, state = 'planned', updated_at = ? WHERE key = ? AND state IN ('planned', 'cancelled')",
    );
    this.database
      .transaction(() => {
        const wanted = new Set<string>();
        const surfaces = new Set<string>();
        for (const delivery of deliveries) {
          wanted.add(delivery.key);
          surfaces.add(delivery.surface);
          const payload = JSON.stringify(delivery.payload);
          const current = existing.get(delivery.key) as
            | Pick<Row, "state" | "due_at" | "useful_until" | "payload">
            | undefined;
          const lateFromStart = delivery.dueAt < window.insertFrom;
          if (!current) {
            // A reminder that fell due before the last run is a calendar edit after the fact, not downtime: not planned.
            if (lateFromStart) continue;
            const state = this.isOccurrenceDone(delivery.occurrenceKey) ? "done" : "planned";
            insert.run(
              delivery.key,
              delivery.occurrenceKey,
              delivery.eventId,
              delivery.groupId,
              delivery.ruleId,
              delivery.surface,
              delivery.target.kind,
              delivery.target.id,
              delivery.dueAt,
              delivery.usefulUntil,
              payload,
              state,
              now,
              now,
            );
            this.log(delivery.key, now, state, null);
            result.inserted++;
            continue;
          }
          const changed =
            current.due_at !== delivery.dueAt ||
            current.useful_until !== delivery.usefulUntil ||
            current.payload !== payload;
          if (current.state === "planned" && current.due_at !== delivery.dueAt && lateFromStart) {
            this.setState(
              delivery.key,
              "cancelled",
              now,
              "kalendern ändrades så att påminnelsens tid redan har passerat",
            );
            result.cancelled++;
          } else if (
            (current.state === "planned" && changed) ||
            (current.state === "cancelled" && !lateFromStart)
          ) {
            update.run(delivery.dueAt, delivery.usefulUntil, payload, now, delivery.key);
            if (current.state === "cancelled") this.log(delivery.key, now, "planned", "åter i kalendern");
            result.updated++;
          }
        }
        const stale = this.database
          .prepare(
            "SELECT key, surface FROM reminder_outbox WHERE state = 'planned' AND snoozed_from IS NULL AND due_at BETWEEN ? AND ?",
          )
          .all(window.from, window.to) as { key: string; surface: string }[];
        for (const row of stale) {
          // Only surfaces that were planned: a surface switched off for now keeps its rows.
          if (wanted.has(row.key) || !surfaces.has(row.surface)) continue;
          this.setState(row.key, "cancelled", now, "händelsen eller regeln finns inte längre i kalendern");
          result.cancelled++;
        }
      })
      .immediate();
    return result;
  }

  claimDue(now: number, surfaces: readonly string[], limit: number, token: string): OutboxRow[] {
    if (surfaces.length === 0) return [];
    const marks = surfaces.map(() => "?").join(", ");
    return this.claim(
      `SELECT * FROM reminder_outbox WHERE state = 'planned' AND due_at <= ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         AND surface IN (${marks}) ORDER BY due_at, key LIMIT ?`,
      [now, now, ...surfaces, limit],
      "state = 'planned'",
      now,
      token,
    );
  }

  claimStale(
    staleBefore: number,
    now: number,
    surfaces: readonly string[],
    limit: number,
    token: string,
  ): OutboxRow[] {
    if (surfaces.length === 0) return [];
    const marks = surfaces.map(() => "?").join(", ");
    return this.claim(
      `SELECT * FROM reminder_outbox WHERE state = 'claimed' AND claimed_at <= ? AND surface IN (${marks}) ORDER BY due_at, key LIMIT ?`,
      [staleBefore, ...surfaces, limit],
      "state = 'claimed' AND claim_token IS ?",
      now,
      token,
    );
  }

  private claim(
    select: string,
    parameters: unknown[],
    guard: string,
    now: number,
    token: string,
  ): OutboxRow[] {
    return this.database
      .transaction(() => {
        const candidates = this.database.prepare(select).all(...parameters) as Row[];
        const claimed: OutboxRow[] = [];
        const take = this.database.prepare(
          `UPDATE reminder_outbox SET state = 'claimed', claim_token = ?, claimed_at = ?, first_claimed_at = COALESCE(first_claimed_at, ?),
             attempts = attempts + 1, updated_at = ? WHERE key = ? AND ${guard}`,
        );
        for (const candidate of candidates) {
          const guardParameters = guard.includes("claim_token") ? [candidate.claim_token] : [];
          if (take.run(token, now, now, now, candidate.key, ...guardParameters).changes !== 1) continue;
          this.log(
            candidate.key,
            now,
            "claimed",
            candidate.state === "claimed" ? "övertagen efter avbrott" : null,
          );
          claimed.push(
            toOutboxRow({
              ...candidate,
              state: "claimed",
              claim_token: token,
              claimed_at: now,
              first_claimed_at: candidate.first_claimed_at ?? now,
              attempts: candidate.attempts + 1,
            }),
          );
        }
        return claimed;
      })
      .immediate();
  }

  finish(
    key: string,
    token: string,
    state: "sent" | "missed" | "unknown" | "done",
    now: number,
    details: { messageId?: string; note?: string } = {},
  ): boolean {
    return this.database
      .transaction(() => {
        const changes = this.database
          .prepare(
            `UPDATE reminder_outbox SET state = ?, sent_at = ?, message_id = COALESCE(?, message_id), note = COALESCE(?, note), updated_at = ?
             WHERE key = ? AND state = 'claimed' AND claim_token = ?`,
          )
          .run(
            state,
            state === "sent" ? now : null,
            details.messageId ?? null,
            details.note ?? null,
            now,
            key,
            token,
          ).changes;
        if (changes === 1) this.log(key, now, state, details.note ?? null);
        return changes === 1;
      })
      .immediate();
  }

  renewClaim(key: string, token: string, now: number): boolean {
    return (
      this.database
        .prepare(
          "UPDATE reminder_outbox SET claimed_at = ?, updated_at = ? WHERE key = ? AND state = 'claimed' AND claim_token = ?",
        )
        .run(now, now, key, token).changes === 1
    );
  }

  retryLater(key: string, token: string, now: number, nextAttemptAt: number | null, note: string): boolean {
    return this.database
      .transaction(() => {
        const state = nextAttemptAt === null ? "failed" : "planned";
        const changes = this.database
          .prepare(
            `UPDATE reminder_outbox SET state = ?, next_attempt_at = ?, note = ?, claim_token = NULL, updated_at = ?
             WHERE key = ? AND state = 'claimed' AND claim_token = ?`,
          )
          .run(state, nextAttemptAt, note, now, key, token).changes;
        if (changes === 1) this.log(key, now, state, note);
        return changes === 1;
      })
      .immediate();
  }

  hasLaterDue(row: OutboxRow, now: number): boolean {
    return (
      this.database
        .prepare(
          `SELECT 1 FROM reminder_outbox WHERE occurrence_key = ? AND surface = ? AND target_kind = ? AND target_id = ?
             AND due_at > ? AND due_at <= ? AND state IN ('planned', 'claimed', 'sent') LIMIT 1`,
        )
        .get(row.occurrenceKey, row.surface, row.target.kind, row.target.id, row.dueAt, now) !== undefined
    );
  }

  get(key: string): OutboxRow | undefined {
    const row = this.database.prepare("SELECT * FROM reminder_outbox WHERE key = ?").get(key) as
      | Row
      | undefined;
    return row && toOutboxRow(row);
  }

  ofOccurrence(occurrenceKey: string): OutboxRow[] {
    return (
      this.database
        .prepare("SELECT * FROM reminder_outbox WHERE occurrence_key = ? ORDER BY due_at, key")
        .all(occurrenceKey) as Row[]
    ).map(toOutboxRow);
  }

  planned(from: number, to: number, groupId: string | null = null): OutboxRow[] {
    const rows = this.database
      .prepare(
        `SELECT * FROM reminder_outbox WHERE state = 'planned' AND due_at BETWEEN ? AND ? AND (? IS NULL OR group_id = ?) ORDER BY due_at, key`,
      )
      .all(from, to, groupId, groupId) as Row[];
    return rows.map(toOutboxRow);
  }

  markOccurrenceDone(occurrenceKey: string, user: string, now: number): number {
    return this.database
      .transaction(() => {
        this.database
          .prepare(
            "INSERT INTO reminder_done(occurrence_key, done_by, done_at) VALUES (?, ?, ?) ON CONFLICT(occurrence_key) DO NOTHING",
          )
          .run(occurrenceKey, user, now);
        const keys = this.database
          .prepare("SELECT key FROM reminder_outbox WHERE occurrence_key = ? AND state = 'planned'")
          .all(occurrenceKey) as { key: string }[];
        for (const { key } of keys) this.setState(key, "done", now, `markerad klar av ${user}`);
        return keys.length;
      })
      .immediate();
  }

  isOccurrenceDone(occurrenceKey: string): { by: string; at: number } | null {
    const row = this.database
      .prepare("SELECT done_by, done_at FROM reminder_done WHERE occurrence_key = ?")
      .get(occurrenceKey) as { done_by: string; done_at: number } | undefined;
    return row ? { by: row.done_by, at: row.done_at } : null;
  }

  snooze(key: string, until: number, user: string, now: number): string | null {
    return this.database
      .transaction(() => {
        const row = this.get(key);
        if (!row) return null;
        if (row.state === "planned") {
          this.database
            .prepare("UPDATE reminder_outbox SET due_at = ?, updated_at = ? WHERE key = ?")
            .run(until, now, key);
          this.log(key, now, "planned", `uppskjuten av ${user}`);
          return key;
        }
        if (!["sent", "unknown", "snoozed"].includes(row.state)) return null;
        const root = row.snoozedFrom ?? row.key;
        const count = (
          this.database
            .prepare("SELECT COUNT(*) AS count FROM reminder_outbox WHERE snoozed_from = ?")
            .get(root) as { count: number }
        ).count;
        const copy = `${root}|snooze-${count + 1}`;
        this.database
          .prepare(
            `INSERT INTO reminder_outbox(key, occurrence_key, event_id, group_id, rule_id, surface, target_kind, target_id,
               due_at, useful_until, payload, state, snoozed_from, created_at, updated_at)
             SELECT ?, occurrence_key, event_id, group_id, rule_id, surface, target_kind, target_id, ?, useful_until, payload,
               'planned', ?, ?, ? FROM reminder_outbox WHERE key = ?`,
          )
          .run(copy, until, root, now, now, key);
        this.log(copy, now, "planned", `påminn igen, begärt av ${user}`);
        if (row.state !== "snoozed") this.setState(key, "snoozed", now, `uppskjuten av ${user}`);
        return copy;
      })
      .immediate();
  }

  counts(): Partial<Record<OutboxState, number>> {
    const rows = this.database
      .prepare("SELECT state, COUNT(*) AS count FROM reminder_outbox GROUP BY state")
      .all() as {
      state: OutboxState;
      count: number;
    }[];
    return Object.fromEntries(rows.map((row) => [row.state, row.count]));
  }

  lastTick(): number | null {
    const row = this.database.prepare("SELECT value FROM reminder_meta WHERE key = 'last_tick'").get() as
      | { value: string }
      | undefined;
    return row ? Number(row.value) : null;
  }

  recordTick(now: number): void {
    // max(): two processes on one database must not move the mark backwards.
    this.database
      .prepare(
        `INSERT INTO reminder_meta(key, value) VALUES ('last_tick', ?)
         ON CONFLICT(key) DO UPDATE SET value = CAST(MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT)`,
      )
      .run(String(now));
  }

  private setState(key: string, state: OutboxState, now: number, note: string | null): void {
    this.database
      .prepare("UPDATE reminder_outbox SET state = ?, note = COALESCE(?, note), updated_at = ? WHERE key = ?")
      .run(state, note, now, key);
    this.log(key, now, state, note);
  }

  private log(key: string, now: number, state: OutboxState, note: string | null): void {
    this.database
      .prepare("INSERT INTO reminder_log(key, at, state, note) VALUES (?, ?, ?, ?)")
      .run(key, now, state, note);
  }
}
