import type { ArshjulItem } from "./arshjul.ts";
import { type ArshjulWindow, calendarYearWindow } from "./arshjul-window.ts";
import type { CalendarEvent } from "./calendar-event.ts";

/** A group's occurrences in a calendar year or another twelve-month window, in date order. */
export function arshjulItems(
  events: readonly CalendarEvent[],
  groupId: string,
  period: number | ArshjulWindow,
): ArshjulItem[] {
  const { start, end } = typeof period === "number" ? calendarYearWindow(period) : period;
  return events
    .filter((event) => event.groupId === groupId)
    .flatMap((event) =>
      event
        .occurrences(start, end)
        .map((occurrence) => ({ date: occurrence.start, title: occurrence.title, kind: event.kind })),
    )
    .sort((left, right) => left.date.toMillis() - right.date.toMillis());
}
