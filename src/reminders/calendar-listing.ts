import { DateTime } from "luxon";
import type { Group } from "../knowledge/groups.ts";
import type { CalendarEvent } from "./calendar-event.ts";
import { KIND_LABELS } from "./calendar-event.ts";
import { plannedTimes } from "./plan-reminders.ts";
import { describeRule } from "./reminder-rule.ts";
import type { GroupReminderSettings } from "./reminder-settings.ts";
import { isoWithOffset, swedishClock, swedishDate } from "./stockholm-time.ts";

/** One occurrence as `npm run calendar -- list` prints it. */
export interface ListedOccurrence {
  event: string;
  occurrence: string;
  group: string | null;
  groupName: string | null;
  title: string;
  kind: CalendarEvent["kind"];
  start: string;
  end: string | null;
  allDay: boolean;
  location: string | null;
  file: string;
  reminders: { rule: string; label: string; at: string; to: string }[];
}

const RECIPIENT_LABELS = {
  channels: "till kanalerna",
  secretaries: "till sekreterarna",
  all: "till kanalerna och sekreterarna",
} as const;

/** Expands events into listed occurrences in [from, to), sorted by start. */
export function listOccurrences(
  events: readonly CalendarEvent[],
  groups: ReadonlyMap<string, Group>,
  settings: ReadonlyMap<string, GroupReminderSettings>,
  from: DateTime,
  to: DateTime,
): ListedOccurrence[] {
  const listed = events.flatMap((event) =>
    event.occurrences(from, to).map((occurrence): ListedOccurrence => {
      const group = event.groupId ? groups.get(event.groupId) : undefined;
      const groupSettings = event.groupId ? settings.get(event.groupId) : undefined;
      return {
        event: event.id,
        occurrence: occurrence.key,
        group: event.groupId,
        groupName: group?.name ?? null,
        title: occurrence.title,
        kind: event.kind,
        start: isoWithOffset(occurrence.start),
        end: occurrence.end ? isoWithOffset(occurrence.end) : null,
        allDay: occurrence.allDay,
        location: occurrence.location,
        file: event.origin.file,
        reminders: plannedTimes(occurrence, groupSettings).map((planned) => ({
          rule: planned.rule.id,
          label: describeRule(planned.rule),
          at: isoWithOffset(planned.at),
          to: planned.resolved.to,
        })),
      };
    }),
  );
  return listed.sort(
    (left, right) =>
      Date.parse(left.start) - Date.parse(right.start) || left.title.localeCompare(right.title, "sv"),
  );
}

/**
 * Terminal text for a listing, for people: Swedish dates and clock times ("tisdag 9 februari 2027
 * kl. 13.00–15.00"), a deadline as its date, reminders indented below. `--json` keeps the ISO times.
 */
export function formatListing(listed: readonly ListedOccurrence[]): string {
  return listed
    .map((item) => {
      const place = item.location ? `, ${item.location}` : "";
      const group = item.groupName ? ` · ${item.groupName}` : "";
      const head = `${when(item.start, item.end, item.allDay)}  ${KIND_LABELS[item.kind]}: ${item.title}${place}${group}`;
      const reminders = item.reminders.map(
        (reminder) =>
          `    påminnelse ${when(reminder.at, null, false, reminder.at.slice(0, 4) !== item.start.slice(0, 4))} (${reminder.label}, ${RECIPIENT_LABELS[reminder.to as keyof typeof RECIPIENT_LABELS] ?? reminder.to})`,
      );
      return [head, ...(reminders.length > 0 ? reminders : ["    inga påminnelser"])].join("\n");
    })
    .join("\n");
}

/** "tisdag 9 februari 2027 kl. 13.00–15.00"; a whole day or a time of 00.00 shows the date only. */
function when(start: string, end: string | null, allDay: boolean, year = true): string {
  const begins = DateTime.fromISO(start, { setZone: true });
  const date = swedishDate(begins, { year });
  if (allDay || swedishClock(begins) === "00.00") return date;
  const ends = end ? DateTime.fromISO(end, { setZone: true }) : null;
  const sameDay = ends !== null && ends.toISODate() === begins.toISODate();
  return `${date} kl. ${swedishClock(begins)}${sameDay ? `–${swedishClock(ends)}` : ""}`;
}
