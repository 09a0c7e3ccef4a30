import path from "node:path";
import type { SqliteDatabase } from "../index/sqlite-database.ts";
import type { Group } from "../knowledge/groups.ts";
import { type Logger, silentLogger } from "../logger.ts";
import type { Notifier } from "../surfaces/notifier.ts";
import type { CalendarProblem } from "./calendar-problem.ts";
import { type Clock, systemClock } from "./clock.ts";
import { type DispatcherOptions, type DispatchReport, ReminderDispatcher } from "./dispatch-reminders.ts";
import { calendarSignature, type LoadedCalendar, loadCalendar } from "./load-calendar.ts";
import { type DocumentLookup, planDeliveries, plannedTimes } from "./plan-reminders.ts";
import type { PlannedDelivery, PlanWriteResult, ReminderOutbox } from "./reminder-outbox.ts";
import { type GroupReminderSettings, groupReminderSettings } from "./reminder-settings.ts";
import { describeWhen, parseReminderAction } from "./reminder-text.ts";
import { SqliteReminderOutbox } from "./sqlite-reminder-outbox.ts";
import { inStockholm, isoWithOffset, swedishClock, swedishDate } from "./stockholm-time.ts";
import { byStart, type UpcomingOccurrence } from "./upcoming.ts";

const DAY = 86_400_000;

/** What the reminders module needs; `app/compose.ts` passes the product database and the surfaces' notifiers. */
export interface ReminderServiceOptions {
  database: SqliteDatabase;
  /** The knowledge folder; the calendar is its `calendar/` subfolder. */
  knowledgeDir: string;
  groups: readonly Group[];
  notifiers: readonly Notifier[];
  clock?: Clock;
  logger?: Logger;
  /** Titles and links of documents named by events (pass `core.index.catalog`). */
  documents?: DocumentLookup;
  /** Time between planner+dispatcher ticks; 30 s by default. */
  tickIntervalMs?: number;
  /** How far ahead deliveries are written into the outbox; 14 days by default. */
  horizonDays?: number;
  /** How far back the planner looks for deliveries to refresh or cancel; 30 days by default. */
  lookbackDays?: number;
  dispatcher?: Pick<
    DispatcherOptions,
    "lateAfterMs" | "claimTimeoutMs" | "batchSize" | "concurrency" | "maxAttempts"
  >;
}

/** What one tick did. */
export interface TickReport extends DispatchReport, PlanWriteResult {}

/** The answer to a "Klar" or "Påminn mig i morgon" press, in Swedish for the person who pressed. */
export interface ReminderActionResult {
  ok: boolean;
  message: string;
}

/**
 * Plans reminders from the calendar into the outbox and dispatches them through the notifiers,
 * exactly once (see `ReminderDispatcher`). Safe to run in several processes on one database.
 */
export class ReminderService {
  readonly outbox: ReminderOutbox;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly dispatcher: ReminderDispatcher;
  private readonly calendarDir: string;
  private groups: Map<string, Group>;
  private settings: Map<string, GroupReminderSettings>;
  private settingProblems: CalendarProblem[] = [];
  private cached: LoadedCalendar | null = null;
  /** Expanding recurrences is the costly part of a tick, so a plan covers a day ahead and is reused. */
  private plan: { calendar: LoadedCalendar; from: number; to: number; deliveries: PlannedDelivery[] } | null =
    null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(private readonly options: ReminderServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.outbox = new SqliteReminderOutbox(options.database);
    this.calendarDir = path.join(options.knowledgeDir, "calendar");
    this.dispatcher = new ReminderDispatcher({
      outbox: this.outbox,
      notifiers: options.notifiers,
      clock: this.clock,
      logger: this.logger,
      ...options.dispatcher,
    });
    this.groups = new Map();
    this.settings = new Map();
    this.setGroups(options.groups);
  }

  /** Replaces the groups (after the group files were edited). */
  setGroups(groups: readonly Group[]): void {
    this.groups = new Map(groups.map((group) => [group.id, group]));
    this.settingProblems = [];
    this.settings = new Map(
      groups.map((group) => {
        const { settings, problem } = groupReminderSettings(group);
        if (problem)
          this.settingProblems.push({
            file: `groups/${group.id}.yaml`,
            line: null,
            eventId: null,
            message: problem,
          });
        return [group.id, settings];
      }),
    );
    this.cached = null;
    this.plan = null;
  }

  /** Starts ticking: at once (catching up after downtime), then every interval. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      this.running = this.tick().catch((error: unknown) =>
        this.logger.error("reminder tick failed", { error }),
      );
      await this.running;
      this.running = null;
      if (!this.stopped) {
        this.timer = setTimeout(loop, this.options.tickIntervalMs ?? 30_000);
        this.timer.unref();
      }
    };
    void loop();
  }

  /** Stops ticking and waits for a tick in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One planner pass and one dispatcher pass at `now`. */
  async tick(now: Date = this.clock.now()): Promise<TickReport> {
    const nowMs = now.getTime();
    const calendar = await this.calendar();
    const lastTick = this.outbox.lastTick();
    // After a long downtime the window reaches back to the last run (at most a year), so every
    // delivery that fell due meanwhile is recorded, as sent late or as missed.
    const lookback = nowMs - (this.options.lookbackDays ?? 30) * DAY;
    const from = Math.max(nowMs - 365 * DAY, Math.min(lookback, lastTick ?? nowMs));
    const to = nowMs + (this.options.horizonDays ?? 14) * DAY;
    const deliveries = this.deliveries(calendar, from, to);
    // Deliveries that fell due since the last run anywhere (downtime) are still planned, and then sent late or recorded missed.
    const insertFrom = lastTick === null ? nowMs : Math.min(lastTick, nowMs);
    const written = this.outbox.writePlan(deliveries, { insertFrom, from, to }, nowMs);
    this.outbox.recordTick(nowMs);
    const dispatched = await this.dispatcher.dispatch(now);
    return { ...written, ...dispatched };
  }

  /** Problems in the calendar files and the groups' reminder settings, in Swedish. */
  async problems(): Promise<CalendarProblem[]> {
    return [...this.settingProblems, ...(await this.calendar()).problems];
  }

  /** Occurrences in the next `days` days for one group (or all), with their remaining reminder times. */
  async upcoming(
    groupId: string | null,
    days: number,
    now: Date = this.clock.now(),
  ): Promise<UpcomingOccurrence[]> {
    const calendar = await this.calendar();
    const from = inStockholm(now);
    const to = from.plus({ days });
    const items: UpcomingOccurrence[] = [];
    for (const event of calendar.events) {
      if (groupId !== null && event.groupId !== groupId) continue;
      const group = event.groupId ? this.groups.get(event.groupId) : undefined;
      if (!group) continue;
      for (const occurrence of event.occurrences(from, to)) {
        const reminders = plannedTimes(occurrence, this.settings.get(group.id)).filter(
          (planned) => planned.at >= from,
        );
        items.push({ occurrence, group, reminders, done: this.outbox.isOccurrenceDone(occurrence.key) });
      }
    }
    return items.sort(byStart);
  }

  /** "Klar": no more reminders for the occurrence behind an action value, delivery key or occurrence key. */
  markDone(value: string, user: string): ReminderActionResult {
    const { key } = parseReminderAction(value);
    const row = this.outbox.get(key);
    const occurrenceKey = row?.occurrenceKey ?? (key.includes("|") ? null : key);
    if (!occurrenceKey)
      return { ok: false, message: "Hittar inte påminnelsen; den kan ha tagits bort ur kalendern." };
    const title = row
      ? `${row.payload.title} (${describeWhen(row.payload.start, row.payload.end, row.payload.allDay)})`
      : occurrenceKey;
    const earlier = this.outbox.isOccurrenceDone(occurrenceKey);
    if (earlier) {
      return {
        ok: true,
        message: `${title} är redan markerad som klar av ${earlier.by} ${swedishDate(inStockholm(earlier.at))}.`,
      };
    }
    this.outbox.markOccurrenceDone(occurrenceKey, user, this.clock.now().getTime());
    this.logger.info("reminder occurrence marked done", { occurrence: occurrenceKey });
    return { ok: true, message: `Markerad som klar: ${title}. Inga fler påminnelser skickas om detta.` };
  }

  /** "Påminn mig i morgon": sends the reminder again at `until` (default tomorrow 09:00, never after the occasion starts). */
  snooze(value: string, user: string, until?: Date): ReminderActionResult {
    const { key } = parseReminderAction(value);
    const row = this.outbox.get(key);
    if (!row) return { ok: false, message: "Hittar inte påminnelsen; den kan ha tagits bort ur kalendern." };
    if (this.outbox.isOccurrenceDone(row.occurrenceKey)) {
      return {
        ok: false,
        message: `${row.payload.title} är redan markerad som klar; inga fler påminnelser skickas.`,
      };
    }
    const now = inStockholm(this.clock.now());
    let at = until
      ? inStockholm(until)
      : now.plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    // A reminder after the occasion has started helps nobody: come back an hour before instead.
    const latest = inStockholm(row.usefulUntil - 3_600_000);
    if (at > latest) at = latest;
    if (at <= now)
      return {
        ok: false,
        message: `${row.payload.title} börjar snart; det finns ingen tid kvar att påminna igen.`,
      };
    const copy = this.outbox.snooze(key, at.toMillis(), user, now.toMillis());
    if (!copy) return { ok: false, message: "Påminnelsen kan inte skjutas upp i sitt nuvarande läge." };
    return { ok: true, message: `Okej, jag påminner igen ${swedishDate(at)} kl. ${swedishClock(at)}.` };
  }

  private deliveries(calendar: LoadedCalendar, from: number, to: number): PlannedDelivery[] {
    if (!this.plan || this.plan.calendar !== calendar || from < this.plan.from || to > this.plan.to) {
      const planTo = to + DAY;
      const deliveries = planDeliveries({
        events: calendar.events,
        groups: this.groups,
        settings: this.settings,
        surfaces: this.options.notifiers.map((notifier) => notifier.surface),
        from: inStockholm(from),
        to: inStockholm(planTo),
        documents: this.options.documents,
      });
      this.plan = { calendar, from, to: planTo, deliveries };
    }
    return this.plan.deliveries.filter((delivery) => delivery.dueAt >= from && delivery.dueAt <= to);
  }

  private async calendar(): Promise<LoadedCalendar> {
    const signature = await calendarSignature(this.calendarDir);
    if (this.cached?.signature === signature) return this.cached;
    const loaded = await loadCalendar(this.calendarDir, [...this.groups.values()]);
    for (const problem of [...this.settingProblems, ...loaded.problems]) {
      this.logger.warn("calendar entry skipped", {
        file: problem.file,
        line: problem.line,
        event: problem.eventId,
        reason: problem.message,
      });
    }
    this.logger.info("calendar loaded", {
      events: loaded.events.length,
      problems: loaded.problems.length,
      at: isoWithOffset(inStockholm(this.clock.now())),
    });
    this.cached = loaded;
    return loaded;
  }
}
