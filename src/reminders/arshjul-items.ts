import type { ArshjulItem } from "./arshjul.ts";
import type { CalendarEvent } from "./calendar-event.ts";
import { stockholmDateTime } from "./stockholm-time.ts";

/** A group's occurrences in `year`, as marks for the annual wheel. */
export function arshjulItems(events: readonly CalendarEvent[], groupId: string, year: number): ArshjulItem[] {
  const from = stockholmDateTime(`${year}-01-01`);
  const to = stockholmDateTime(`${year + 1}-01-01`);
  return events
    .filter((event) => event.groupId === groupId)
    .flatMap((event) =>
      event
        .occurrences(from, to)
        .map((occurrence) => ({ date: occurrence.start, title: occurrence.title, kind: event.kind })),
    );
}
