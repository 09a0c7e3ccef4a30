import type { DateTime } from "luxon";
import type { ReminderRule } from "./reminder-rule.ts";

/** What an event is; decides its default reminder rules and wording. */
export const EVENT_KINDS = ["meeting", "deadline", "report", "other"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Swedish names of the kinds, for lists and messages. */
export const KIND_LABELS: Record<EventKind, string> = {
  meeting: "möte",
  deadline: "sista dag",
  report: "rapport",
  other: "övrigt",
};

/** Where a calendar entry came from, for problem reports and citations. */
export interface CalendarOrigin {
  /** Path relative to the calendar folder (or as given on the command line). */
  file: string;
  /** 1-based line of the event in the file, when known. */
  line: number | null;
}

/** A passage of a knowledge document that an event was proposed from. */
export interface EventCitation {
  document: string;
  chunk?: string | undefined;
  quote?: string | undefined;
}

/** One calendar event, possibly recurring, from a YAML or ICS calendar file. */
export interface CalendarEvent {
  /** Unique in the calendar: the YAML `id` or the ICS `UID`. */
  id: string;
  /** Group id (knowledge/groups), or null when neither the event nor a group file names one. */
  groupId: string | null;
  title: string;
  kind: EventKind;
  location: string | null;
  notes: string | null;
  /** What to read or do before the event. */
  prepare: string | null;
  /** Knowledge document ids the event refers to (linked in reminders). */
  documents: string[];
  /** Event-level reminder rules; null inherits the group's or the defaults, [] means none. */
  reminders: ReminderRule[] | null;
  origin: CalendarOrigin;
  citation: EventCitation | null;
  /** Occurrences whose start lies in [from, to). */
  occurrences(from: DateTime, to: DateTime): Occurrence[];
}

/** One occurrence of an event, in Stockholm time. */
export interface Occurrence {
  /** `${eventId}@${slot}` where slot is the nominal local start (`2027-02-09T13:00` or `2027-02-09`). */
  key: string;
  event: CalendarEvent;
  /** Title and location may differ from the event's for a single moved occurrence (ICS). */
  title: string;
  location: string | null;
  start: DateTime;
  end: DateTime | null;
  /** A whole-day entry (no time of day), e.g. a deadline date. */
  allDay: boolean;
  /** After this a reminder no longer helps: a meeting's start, the end of a deadline's day. */
  usefulUntil: DateTime;
}
