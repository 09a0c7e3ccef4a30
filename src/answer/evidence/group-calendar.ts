import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { isMap, isSeq, parseDocument } from "yaml";
import type { Group } from "../../knowledge/groups.ts";
import type { CalendarEvent, Occurrence } from "../../reminders/calendar-event.ts";
import { calendarSignature, loadCalendar, parseCalendarFile } from "../../reminders/load-calendar.ts";

/** A group's calendar events, with what each would be without its cancelled dates. */
export interface GroupCalendarEvents {
  events: readonly CalendarEvent[];
  /**
   * Occurrences in [from, to) that the calendar cancels (ICS EXDATE, YAML `exceptions`), as the event
   * would have had them.
   */
  cancelled(from: DateTime, to: DateTime): Occurrence[];
}

/**
 * The calendar folder as the reminders read it (`loadCalendar`), per group, reloaded when a file
 * changes: chat answers and reminders rest on the same events.
 */
export class GroupCalendar {
  private readonly cache = new Map<string, { signature: string; calendar: GroupCalendarEvents }>();

  constructor(private readonly calendarDir: string) {}

  /** The events of one group; none when the folder or the group's files are missing. */
  async forGroup(group: Group): Promise<GroupCalendarEvents> {
    const signature = await calendarSignature(this.calendarDir);
    const cached = this.cache.get(group.id);
    if (cached?.signature === signature) return cached.calendar;
    // Only the asking group is passed: events of other groups' files are skipped as unknown.
    const { events } = await loadCalendar(this.calendarDir, [group]);
    const own = events.filter((event) => event.groupId === group.id);
    const uncancelled = await this.withoutCancellations(own, group.id);
    const calendar: GroupCalendarEvents = {
      events: own,
      cancelled: (from, to) =>
        own.flatMap((event) => {
          const whole = uncancelled.get(event.id);
          if (!whole) return [];
          const kept = new Set(event.occurrences(from, to).map((occurrence) => occurrence.key));
          return whole
            .occurrences(from, to)
            .filter((occurrence) => !kept.has(occurrence.key))
            .map((occurrence) => ({ ...occurrence, event }));
        }),
    };
    this.cache.set(group.id, { signature, calendar });
    return calendar;
  }

  /**
   * Each event as the calendar module reads it once its cancellations (ICS EXDATE lines, YAML
   * `exceptions`) are removed; comparing its occurrences with the real ones gives exactly the
   * cancelled dates, by the module's own expansion.
   */
  private async withoutCancellations(
    events: readonly CalendarEvent[],
    groupId: string,
  ): Promise<Map<string, CalendarEvent>> {
    const files = [...new Set(events.map((event) => event.origin.file))];
    const result = new Map<string, CalendarEvent>();
    for (const file of files) {
      const name = file.replace(/^calendar\//, "");
      const source = await readFile(path.join(this.calendarDir, name), "utf8").catch(() => null);
      if (source === null) continue;
      const stripped = /\.ics$/i.test(file) ? withoutExdates(source) : withoutExceptions(source);
      if (stripped === null) continue;
      for (const event of parseCalendarFile(file, stripped, groupId).events) result.set(event.id, event);
    }
    return result;
  }
}

/** An ICS file without its EXDATE lines, or null when it has none. */
function withoutExdates(source: string): string | null {
  const unfolded = source.replace(/\r?\n[ \t]/g, "");
  if (!/^EXDATE/im.test(unfolded)) return null;
  return unfolded
    .split(/\r?\n/)
    .filter((line) => !/^EXDATE[;:]/i.test(line))
    .join("\r\n");
}

/** A YAML calendar file without its events' `exceptions`, or null when none has any (or it is no valid YAML). */
function withoutExceptions(source: string): string | null {
  const document = parseDocument(source);
  if (document.errors.length > 0) return null;
  const events = document.get("events");
  if (!isSeq(events)) return null;
  let removed = false;
  for (const item of events.items) {
    if (isMap(item) && item.has("exceptions")) {
      item.delete("exceptions");
      removed = true;
    }
  }
  return removed ? document.toString() : null;
}
