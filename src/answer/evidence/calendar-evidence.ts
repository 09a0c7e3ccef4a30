import type { DateTime } from "luxon";
import type { Occurrence } from "../../reminders/calendar-event.ts";
import type { CalendarKind, CalendarQuestion, PeriodMention } from "../understand/calendar-question.ts";
import type { GroupCalendarEvents } from "./group-calendar.ts";

/** A stretch of time asked about, [from, to). */
export interface Period {
  from: DateTime;
  to: DateTime;
  mention: PeriodMention | null;
}

/** What the calendar says about one question, relative to the moment of asking. */
export interface CalendarEvidence {
  question: CalendarQuestion;
  now: DateTime;
  /** The occasions that answer, earliest first. */
  occurrences: Occurrence[];
  /** Occasions in the period (or on the date; for the next occasion: before it) that the calendar cancels. */
  cancelled: Occurrence[];
  /** For a date with nothing on it: the next occasion after that day. */
  next: Occurrence | null;
  period: Period | null;
  /** First and last occasion the calendar holds for the events asked about. */
  range: { first: Occurrence; last: Occurrence } | null;
  /** The question asks about a time the calendar does not cover: say so, do not guess. */
  outOfRange: boolean;
  kind: CalendarKind;
}

/** Word stems of a text, each word as [whole, ...compound parts] (the analyzer's `analyzeWords`). */
export type WordStems = (text: string) => string[][];

/** Words for occasions in general; they choose the kind of event, not one event. */
const GENERIC_OCCASION_WORDS =
  "möte möten mötet mötena sammanträde sammanträden sammanträdet träff träffen rapport rapporten rapporter sista dag dagar deadline mötesdatum datum ses";
/** The calendar is expanded this far on each side of the moment asked about. */
const YEARS_BACK = 1;
const YEARS_AHEAD = 2;

/**
 * Picks the occasions of the group's calendar that answer the question: events named by the
 * question's own words ("temamöte", "lägesrapport") or else of the kind it asks about, then the next
 * one, those of a period or of one date, with cancelled and moved ones. Returns null when the
 * question names something the calendar has no event for and no kind of occasion either.
 */
export function gatherCalendarEvidence(
  question: CalendarQuestion,
  calendar: GroupCalendarEvents,
  now: DateTime,
  stems: WordStems,
): CalendarEvidence | null {
  const generic = new Set(stems(GENERIC_OCCASION_WORDS).map(([whole]) => whole));
  const topic = stems(question.topicWords.join(" "))
    .map(([whole]) => whole ?? "")
    .filter((whole) => whole.length >= 4 && !generic.has(whole));
  const scored = calendar.events.map((event) => {
    const titleStems = new Set(stems(event.title).flat());
    return { event, score: topic.filter((stem) => titleStems.has(stem)).length };
  });
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  let kind = question.kind;
  let events = scored.filter((entry) => entry.score === best && best > 0).map((entry) => entry.event);
  if (events.length === 0) {
    if (!question.namesOccasion) return null;
    events = calendar.events.filter((event) => ofKind(event.kind, kind));
  } else kind = "any";
  if (events.length === 0) return null;

  const period = periodFor(question.period, question, now);
  const windowFrom = (period && period.from < now ? period.from : now)
    .minus({ years: YEARS_BACK })
    .startOf("year");
  const windowTo = (period && period.to > now ? period.to : now).plus({ years: YEARS_AHEAD });
  const all = events
    .flatMap((event) => event.occurrences(windowFrom, windowTo))
    .sort((left, right) => left.start.toMillis() - right.start.toMillis());
  const first = all[0];
  const last = all.at(-1);
  const range = first && last ? { first, last } : null;
  const wanted = new Set(events.map((event) => event.id));
  const cancelledIn = (from: DateTime, to: DateTime) =>
    calendar.cancelled(from, to).filter((occurrence) => wanted.has(occurrence.event.id));
  const base = { question, now, period, range, kind, next: null, cancelled: [] as Occurrence[] };

  if (question.ask === "next" || period === null) {
    const upcoming = all.filter((occurrence) => occurrence.usefulUntil > now).slice(question.skip);
    const next = upcoming[0];
    // A cancelled date before the next occasion is what the asker may have in their diary.
    const skipped = next ? cancelledIn(now, next.start) : [];
    return {
      ...base,
      occurrences: upcoming.slice(0, 1),
      cancelled: skipped,
      outOfRange: upcoming.length === 0,
    };
  }
  const outOfRange = range === null || period.from > range.last.start || period.to <= range.first.start;
  const within = all.filter((occurrence) => occurrence.start >= period.from && occurrence.start < period.to);
  if (question.ask === "date") {
    const movedAway = all.filter(
      (occurrence) =>
        nominalStart(occurrence).hasSame(period.from, "day") && !occurrence.start.hasSame(period.from, "day"),
    );
    const after = all.find((occurrence) => occurrence.start >= period.to) ?? null;
    return {
      ...base,
      occurrences: [...within, ...movedAway],
      cancelled: cancelledIn(period.from, period.to),
      next: after,
      outOfRange,
    };
  }
  return { ...base, occurrences: within, cancelled: cancelledIn(period.from, period.to), outOfRange };
}

/** The nominal start of an occurrence (before a move), read from its key `${eventId}@${slot}`. */
export function nominalStart(occurrence: Occurrence): DateTime {
  const slot = occurrence.key.slice(occurrence.key.lastIndexOf("@") + 1);
  const [date, time] = slot.split("T");
  const day = occurrence.start.set({
    year: Number(date?.slice(0, 4)),
    month: Number(date?.slice(5, 7)),
    day: Number(date?.slice(8, 10)),
  });
  if (!time) return day;
  return day.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) });
}

/** Whether an occurrence was moved from its regular date or time. */
export function isMoved(occurrence: Occurrence): boolean {
  return nominalStart(occurrence).toMillis() !== occurrence.start.toMillis();
}

function ofKind(eventKind: string, kind: CalendarKind): boolean {
  if (kind === "any") return true;
  if (kind === "deadline") return eventKind === "deadline" || eventKind === "report";
  return eventKind === "meeting" || eventKind === "other";
}

/** The period a question names, read at `now`; count and list questions without one mean the rest of the year. */
function periodFor(mention: PeriodMention | null, question: CalendarQuestion, now: DateTime): Period | null {
  if (mention === null) {
    if (question.ask !== "count" && question.ask !== "list") return null;
    return { from: now, to: now.plus({ years: 1 }).startOf("year"), mention: null };
  }
  switch (mention.type) {
    case "date": {
      let day = now.set({ month: mention.month, day: mention.day }).startOf("day");
      if (mention.year !== null) day = day.set({ year: mention.year });
      // "den 6 januari" asked in November is next January.
      else if (day < now.minus({ months: 2 })) day = day.plus({ years: 1 });
      return { from: day, to: day.plus({ days: 1 }), mention };
    }
    case "month": {
      let from = now.set({ month: mention.month }).startOf("month");
      if (mention.year !== null) from = from.set({ year: mention.year });
      else if (mention.month < now.month) from = from.plus({ years: 1 });
      return { from, to: from.plus({ months: 1 }), mention };
    }
    case "year": {
      const start = now.set({ year: mention.year ?? now.year }).startOf("year");
      const from = mention.remaining && start.year === now.year ? now : start;
      return { from, to: start.plus({ years: 1 }), mention };
    }
    case "week": {
      const from = now.startOf("week").plus({ weeks: mention.offset });
      return { from, to: from.plus({ weeks: 1 }), mention };
    }
    case "month-relative": {
      const from = now.startOf("month").plus({ months: mention.offset });
      return { from, to: from.plus({ months: 1 }), mention };
    }
  }
}
