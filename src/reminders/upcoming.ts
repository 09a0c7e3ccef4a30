import type { DateTime } from "luxon";
import type { Group } from "../knowledge/groups.ts";
import type { Occurrence } from "./calendar-event.ts";
import type { PlannedTime } from "./plan-reminders.ts";
import { describeRule } from "./reminder-rule.ts";
import { describeWhen } from "./reminder-text.ts";
import { isoWithOffset, swedishClock, swedishDate } from "./stockholm-time.ts";

/** An occurrence coming up, for `/samsyn möten` and `/samsyn påminnelser`. */
export interface UpcomingOccurrence {
  occurrence: Occurrence;
  group: Group;
  /** Reminder times still ahead, earliest first. */
  reminders: PlannedTime[];
  /** Set when a secretary marked the occurrence "Klar". */
  done: { by: string; at: number } | null;
}

/** Options of the chat rendering. */
export interface FormatUpcomingOptions {
  /** "meetings" lists the occurrences; "reminders" lists when reminders will be sent. */
  mode?: "meetings" | "reminders";
  /** The group the list is for; null for all groups. */
  group?: Group | null;
  days: number;
}

/** Swedish chat text for upcoming meetings and deadlines, or for the reminders planned for them. */
export function formatUpcoming(items: readonly UpcomingOccurrence[], options: FormatUpcomingOptions): string {
  const scope = options.group ? ` för ${options.group.name}` : "";
  if ((options.mode ?? "meetings") === "reminders") {
    const lines = items.flatMap((item) =>
      item.done
        ? []
        : item.reminders.map(
            (planned) =>
              `• ${swedishDate(planned.at, { year: false })} kl. ${swedishClock(planned.at)} (${describeRule(planned.rule)}): ${item.occurrence.title}, ${swedishDate(item.occurrence.start, { year: false })}${options.group ? "" : ` – ${item.group.name}`}`,
          ),
    );
    if (lines.length === 0)
      return `Inga påminnelser är planerade${scope} de närmaste ${options.days} dagarna.`;
    return [`Planerade påminnelser${scope} (närmaste ${options.days} dagarna):`, ...lines].join("\n");
  }
  if (items.length === 0) return `Inga möten eller sista dagar${scope} de närmaste ${options.days} dagarna.`;
  const lines = items.map((item) => {
    const { occurrence } = item;
    const deadline = occurrence.event.kind === "deadline" || occurrence.event.kind === "report";
    const when = describeWhen(
      isoWithOffset(occurrence.start),
      occurrence.end ? isoWithOffset(occurrence.end) : null,
      occurrence.allDay,
    );
    const where = occurrence.location ? ` (${occurrence.location})` : "";
    const group = options.group ? "" : ` – ${item.group.name}`;
    const done = item.done ? " ✔ klar" : "";
    return `• ${deadline ? "Sista dag " : ""}${when}: ${occurrence.title}${where}${group}${done}`;
  });
  return [`Kommande möten och sista dagar${scope} (närmaste ${options.days} dagarna):`, ...lines].join("\n");
}

/** Sorts by start, then title, for stable lists. */
export function byStart(
  left: { occurrence: { start: DateTime; title: string } },
  right: { occurrence: { start: DateTime; title: string } },
): number {
  return (
    left.occurrence.start.toMillis() - right.occurrence.start.toMillis() ||
    left.occurrence.title.localeCompare(right.occurrence.title, "sv")
  );
}
