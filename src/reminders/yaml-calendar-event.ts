import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { CalendarEvent, CalendarOrigin, Occurrence } from "./calendar-event.ts";
import { MAX_OCCURRENCES_PER_WINDOW, parseRecurrence } from "./recurrence.ts";
import { STOCKHOLM } from "./stockholm-time.ts";
import { addWorkingDays, isWorkingDay } from "./swedish-holidays.ts";
import type { LocalMoment, YamlEvent } from "./yaml-calendar-schema.ts";

/** Stops runaway rules (FREQ=MINUTELY without end) from hanging a planner tick. */
const MAX_STEPS = 200_000;

/** Turns a validated YAML event into a calendar event that expands its occurrences in Stockholm time. */
export function yamlCalendarEvent(
  event: YamlEvent,
  groupId: string | null,
  origin: CalendarOrigin,
): CalendarEvent {
  const first = (event.start ?? event.due) as LocalMoment;
  const allDay = first.time === null;
  // The length is kept in wall-clock terms so a meeting 13:00–15:00 stays so across a DST change.
  // A whole-day end date is inclusive ("12–13 oktober" is two days), so the end is the next midnight.
  const wallEnd = event.end ? wallClock(event.end).plus({ days: event.end.time === null ? 1 : 0 }) : null;
  const wallLength = wallEnd ? wallEnd.diff(wallClock(first), ["days", "minutes"]) : null;
  const recur = event.recurrence ? parseRecurrence(event.recurrence).recur : null;
  const excluded = new Set(
    event.exceptions.map((moment) => (moment.time ? `${moment.date}T${moment.time}` : moment.date)),
  );

  const calendarEvent: CalendarEvent = {
    id: event.id,
    groupId,
    title: event.title,
    kind: event.kind,
    location: event.location ?? null,
    notes: event.notes ?? null,
    prepare: event.prepare ?? null,
    documents: event.documents,
    reminders: event.reminders ?? null,
    origin,
    citation: event.source ?? null,
    occurrences(from, to) {
      const result: Occurrence[] = [];
      for (const nominal of nominalStarts(first, recur, to)) {
        if (result.length >= MAX_OCCURRENCES_PER_WINDOW) break;
        const slot = allDay ? nominal.toISODate() : nominal.toFormat("yyyy-MM-dd'T'HH:mm");
        if (excluded.has(slot ?? "") || excluded.has(nominal.toISODate() ?? "")) continue;
        const start = shifted(nominal, event.nonWorkingDay);
        if (start < from || start >= to) continue;
        const end = wallLength ? start.plus(wallLength) : null;
        // A whole-day entry is still worth a reminder during its (first) day.
        const usefulUntil = allDay ? start.plus({ days: 1 }) : start;
        result.push({
          key: `${event.id}@${slot}`,
          event: calendarEvent,
          title: event.title,
          location: event.location ?? null,
          start,
          end,
          allDay,
          usefulUntil,
        });
      }
      return result;
    },
  };
  return calendarEvent;
}

/** Local start times from the first one up to `to` (plus a margin for shifted deadlines). */
function* nominalStarts(first: LocalMoment, recur: ICAL.Recur | null, to: DateTime): Generator<DateTime> {
  const firstStart = local(first);
  if (!recur) {
    yield firstStart;
    return;
  }
  const limit = to.plus({ days: 7 });
  const [year, month, day] = first.date.split("-").map(Number);
  const [hour, minute] = (first.time ?? "00:00").split(":").map(Number);
  const iterator = recur.iterator(
    ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: first.time === null }),
  );
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = iterator.next();
    if (!next) return;
    const start = DateTime.fromObject(
      {
        year: next.year,
        month: next.month,
        day: next.day,
        hour: next.isDate ? 0 : next.hour,
        minute: next.isDate ? 0 : next.minute,
      },
      { zone: STOCKHOLM },
    );
    if (start >= limit) return;
    yield start;
  }
}

function shifted(start: DateTime, rule: YamlEvent["nonWorkingDay"]): DateTime {
  if (rule === "keep" || isWorkingDay(start)) return start;
  return addWorkingDays(start, rule === "previous" ? -1 : 1);
}

function local(moment: LocalMoment): DateTime {
  return DateTime.fromISO(`${moment.date}T${moment.time ?? "00:00"}`, { zone: STOCKHOLM });
}

/** The moment read as a zone-less wall clock, for lengths that ignore DST. */
function wallClock(moment: LocalMoment): DateTime {
  return DateTime.fromISO(`${moment.date}T${moment.time ?? "00:00"}`, { zone: "utc" });
}
