import type { Group } from "../knowledge/groups.ts";
import { loadCalendar } from "../reminders/load-calendar.ts";
import { describeWhen } from "../reminders/reminder-text.ts";
import { inStockholm, isoWithOffset } from "../reminders/stockholm-time.ts";
import type { UpcomingMeeting, UpcomingProvider } from "./introduction.ts";

/** Options of `calendarUpcoming`. */
export interface CalendarUpcomingOptions {
  /** How far ahead to look (default 120 days: a new member wants the next few meetings). */
  days?: number;
  /** At most this many meetings (default 3). */
  limit?: number;
  now?: () => Date;
}

/**
 * The next meetings of a group read straight from the calendar folder, for callers without a
 * running reminder service (the `intro` command). Deadlines are left out: they are not meetings.
 */
export function calendarUpcoming(
  calendarDir: string,
  groups: readonly Group[],
  options: CalendarUpcomingOptions = {},
): UpcomingProvider {
  return async (groupId) => {
    const { events } = await loadCalendar(calendarDir, groups);
    const from = inStockholm(options.now?.() ?? new Date());
    const to = from.plus({ days: options.days ?? 120 });
    const meetings = events
      .filter((event) => event.groupId === groupId && event.kind !== "deadline" && event.kind !== "report")
      .flatMap((event) => event.occurrences(from, to))
      .sort((left, right) => left.start.toMillis() - right.start.toMillis())
      .slice(0, options.limit ?? 3);
    return meetings.map(
      (occurrence): UpcomingMeeting => ({
        title: occurrence.title,
        when: describeWhen(
          isoWithOffset(occurrence.start),
          occurrence.end ? isoWithOffset(occurrence.end) : null,
          occurrence.allDay,
        ),
      }),
    );
  };
}
