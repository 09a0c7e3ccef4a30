import { randomUUID } from "node:crypto";
import type { Logger } from "../logger.ts";
import type { Notifier } from "../surfaces/notifier.ts";
import type { Clock } from "./clock.ts";
import type { OutboxRow, ReminderOutbox } from "./reminder-outbox.ts";
import { reminderActions, reminderText } from "./reminder-text.ts";
import { inStockholm } from "./stockholm-time.ts";

/** Settings of the dispatcher. */
export interface DispatcherOptions {
  outbox: ReminderOutbox;
  notifiers: readonly Notifier[];
  clock: Clock;
  logger: Logger;
  /** A reminder sent later than this after its time gets the "försenad påminnelse" note. */
  lateAfterMs?: number;
  /** A claim older than this belongs to a crashed or hung dispatcher and is examined again. */
  claimTimeoutMs?: number;
  batchSize?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** Attempts before a failing delivery is given up (and recorded as failed). */
  maxAttempts?: number;
}

/** What one dispatch pass did. */
export interface DispatchReport {
  sent: number;
  late: number;
  missed: number;
  recovered: number;
  unknown: number;
  done: number;
  retried: number;
  failed: number;
}

/** The lookup window before a claim: clocks of two machines may differ a little. */
const LOOKUP_MARGIN_MS = 5 * 60_000;

/**
 * Sends due outbox rows through the notifier of their surface. Rows are claimed atomically, so two
 * dispatchers (processes or ticks) never send the same row; a claim left by a crash is reconciled
 * with `findDelivered` when the surface can look messages up, and otherwise recorded as "unknown"
 * and not resent (at most once).
 */
export class ReminderDispatcher {
  private readonly lateAfterMs: number;
  private readonly claimTimeoutMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: DispatcherOptions) {
    this.lateAfterMs = options.lateAfterMs ?? 15 * 60_000;
    this.claimTimeoutMs = options.claimTimeoutMs ?? 2 * 60_000;
    this.batchSize = options.batchSize ?? 100;
    this.concurrency = options.concurrency ?? 4;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /** Reconciles stale claims, then sends everything due by `now`. */
  async dispatch(now: Date): Promise<DispatchReport> {
    const report: DispatchReport = {
      sent: 0,
      late: 0,
      missed: 0,
      recovered: 0,
      unknown: 0,
      done: 0,
      retried: 0,
      failed: 0,
    };
    // The notifiers are read at every pass, never copied at construction: surfaces are started
    // after the reminder service exists, and a surface unknown here would leave its rows planned.
    const notifiers = new Map(this.options.notifiers.map((notifier) => [notifier.surface, notifier]));
    const surfaces = [...notifiers.keys()];
    const token = randomUUID();
    const { outbox } = this.options;
    for (;;) {
      const stale = outbox.claimStale(
        now.getTime() - this.claimTimeoutMs,
        now.getTime(),
        surfaces,
        this.batchSize,
        token,
      );
      if (stale.length === 0) break;
      await this.runPool(stale, (row) => this.deliverHoldingClaim(notifiers, row, token, now, true, report));
    }
    for (;;) {
      const due = outbox.claimDue(now.getTime(), surfaces, this.batchSize, token);
      if (due.length === 0) break;
      await this.runPool(due, (row) => this.deliverHoldingClaim(notifiers, row, token, now, false, report));
    }
    return report;
  }

  /**
   * Delivers one row while renewing its claim, so a send that stalls (a slow API, a long
   * `Retry-After`) is never taken for a crashed dispatcher and sent a second time by another one.
   */
  private async deliverHoldingClaim(
    notifiers: ReadonlyMap<string, Notifier>,
    row: OutboxRow,
    token: string,
    now: Date,
    afterCrash: boolean,
    report: DispatchReport,
  ): Promise<void> {
    const notifier = notifiers.get(row.surface);
    if (!notifier) return;
    const { outbox, clock, logger } = this.options;
    const heartbeat = setInterval(
      () => {
        if (!outbox.renewClaim(row.key, token, clock.now().getTime()))
          logger.warn("reminder claim could not be renewed during a send", { reminder: row.key });
      },
      Math.max(10, Math.floor(this.claimTimeoutMs / 3)),
    );
    heartbeat.unref();
    try {
      await this.deliver(notifier, row, token, now, afterCrash, report);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async deliver(
    notifier: Notifier,
    row: OutboxRow,
    token: string,
    now: Date,
    afterCrash: boolean,
    report: DispatchReport,
  ): Promise<void> {
    const { outbox, logger } = this.options;
    const log = logger.child({ reminder: row.key });
    const finish = (
      state: "sent" | "missed" | "unknown" | "done",
      details: { messageId?: string; note?: string },
    ) => {
      if (!outbox.finish(row.key, token, state, this.options.clock.now().getTime(), details)) {
        log.warn("reminder claim was taken over before it could be marked", { state });
      }
    };
    if (outbox.isOccurrenceDone(row.occurrenceKey)) {
      finish("done", { note: "tillfället är markerat klart" });
      report.done++;
      return;
    }
    if (afterCrash || row.attempts > 1) {
      if (notifier.canFindDelivered) {
        const since = new Date((row.firstClaimedAt ?? row.dueAt) - LOOKUP_MARGIN_MS);
        const found = await notifier.findDelivered(row.target, row.key, since).catch((error: unknown) => {
          log.warn("reminder lookup failed; retrying later", { error });
          return undefined;
        });
        if (found === undefined)
          return this.retry(row, token, now, "kunde inte söka efter tidigare utskick", report);
        if (found) {
          finish("sent", { messageId: found.messageId, note: "återfunnen efter avbrott; inte skickad igen" });
          log.info("reminder found delivered after an interruption; not sent again");
          report.recovered++;
          return;
        }
      } else if (afterCrash) {
        finish("unknown", {
          note: "avbrott mellan utskick och bokföring; kanalen kan inte söka efter meddelandet, så påminnelsen skickas inte igen (högst en gång)",
        });
        log.warn(
          "reminder interrupted between send and mark on a surface without lookup; recorded as unknown, not resent",
        );
        report.unknown++;
        return;
      }
    }
    const nowMs = now.getTime();
    if (nowMs >= row.usefulUntil) {
      finish("missed", {
        note: "Samsyn var inte igång när påminnelsen skulle skickas, och tillfället har redan börjat",
      });
      log.warn("reminder missed: came due while Samsyn was down and the occasion has passed", {
        dueAt: new Date(row.dueAt).toISOString(),
      });
      report.missed++;
      return;
    }
    const late = nowMs - row.dueAt > this.lateAfterMs;
    if (late && outbox.hasLaterDue(row, nowMs)) {
      finish("missed", { note: "ersatt av en senare påminnelse om samma tillfälle (efter driftstopp)" });
      report.missed++;
      return;
    }
    const text = reminderText(row.payload, {
      now: inStockholm(now),
      dueAt: row.dueAt,
      late,
      snoozed: row.snoozedFrom !== null,
    });
    let messageId: string;
    try {
      ({ messageId } = await notifier.send({
        target: row.target,
        text,
        deliveryKey: row.key,
        actions: reminderActions(row.key, row.payload.kind),
      }));
    } catch (error) {
      log.warn("reminder send failed", { error });
      return this.retry(
        row,
        token,
        now,
        `utskicket misslyckades: ${error instanceof Error ? error.message : String(error)}`,
        report,
      );
    }
    finish("sent", { messageId, ...(late ? { note: "skickad som försenad påminnelse" } : {}) });
    report.sent++;
    if (late) report.late++;
  }

  private retry(row: OutboxRow, token: string, now: Date, note: string, report: DispatchReport): void {
    const giveUp = row.attempts >= this.maxAttempts || now.getTime() >= row.usefulUntil;
    const next = giveUp ? null : now.getTime() + Math.min(60_000 * 2 ** (row.attempts - 1), 30 * 60_000);
    this.options.outbox.retryLater(row.key, token, this.options.clock.now().getTime(), next, note);
    if (giveUp) {
      this.options.logger.error("reminder given up after repeated failures", {
        reminder: row.key,
        attempts: row.attempts,
      });
      report.failed++;
    } else report.retried++;
  }

  private async runPool(rows: readonly OutboxRow[], work: (row: OutboxRow) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        if (row) await work(row);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, rows.length) }, worker));
  }
}
