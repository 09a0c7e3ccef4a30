import { DateTime } from "luxon";
import { z } from "zod";
import { EVENT_KINDS } from "./calendar-event.ts";
import { parseRecurrence } from "./recurrence.ts";
import { reminderRuleSchema } from "./reminder-rule.ts";

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2})[:.](\d{2})(?::00)?)?$/;
const EVENT_ID = /^[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*$/u;

/** A local Stockholm date, optionally with a time of day. */
export interface LocalMoment {
  date: string;
  /** `HH:MM`, or null for a whole day. */
  time: string | null;
}

const text = z.string().trim().min(1);

/** `2027-02-09` or `2027-02-09 13:00` / `2027-02-09T13:00`, Swedish local time without offset. */
export const localMomentSchema = z
  .string({ error: 'ska vara ett datum som "2027-02-09" eller "2027-02-09 13:00"' })
  .trim()
  .transform((value, context): LocalMoment => {
    const match = LOCAL.exec(value);
    const time = match?.[2] === undefined ? null : `${match[2].padStart(2, "0")}:${match[3]}`;
    const date = match?.[1];
    if (!date || !DateTime.fromISO(`${date}T${time ?? "00:00"}`).isValid) {
      context.addIssue({
        code: "custom",
        message: `är inget giltigt datum ("${value}"); skriv "ÅÅÅÅ-MM-DD" eller "ÅÅÅÅ-MM-DD TT:MM" i svensk tid utan tidszon`,
      });
      return z.NEVER;
    }
    return { date, time };
  });

const citationSchema = z.strictObject({ document: text, chunk: text.optional(), quote: text.optional() });

/** One event in a YAML calendar file. */
export const yamlEventSchema = z
  .strictObject({
    id: z.string().trim().regex(EVENT_ID, { error: "ska bestå av bokstäver, siffror och bindestreck" }),
    group: text.optional(),
    title: text,
    kind: z.enum(EVENT_KINDS).default("meeting"),
    start: localMomentSchema.optional(),
    end: localMomentSchema.optional(),
    due: localMomentSchema.optional(),
    location: text.optional(),
    recurrence: text.optional(),
    exceptions: z.array(localMomentSchema).default([]),
    /** For deadlines on a weekend or holiday: keep the date, or move to the previous/next working day. */
    nonWorkingDay: z.enum(["keep", "previous", "next"]).default("keep"),
    prepare: text.optional(),
    notes: text.optional(),
    documents: z.array(text).default([]),
    /** Replaces the group's rules for this event; `false` or `[]` means no reminders. */
    reminders: z
      .preprocess((value) => (value === false ? [] : value), z.array(reminderRuleSchema))
      .optional(),
    source: citationSchema.optional(),
  })
  .superRefine((event, context) => {
    if ((event.start === undefined) === (event.due === undefined)) {
      context.addIssue({
        code: "custom",
        path: event.start === undefined ? ["start"] : ["due"],
        message: "ange antingen start (möten) eller due (sista dag), inte båda och inte ingen",
      });
    }
    const start = event.start ?? event.due;
    if (
      start &&
      event.end &&
      `${event.end.date}T${event.end.time ?? "24:00"}` <= `${start.date}T${start.time ?? "00:00"}`
    ) {
      context.addIssue({
        code: "custom",
        path: ["end"],
        message: "slutar före eller samtidigt som den börjar",
      });
    }
    if (event.recurrence !== undefined) {
      const problem = parseRecurrence(event.recurrence).problem;
      if (problem) context.addIssue({ code: "custom", path: ["recurrence"], message: problem });
    }
  });

/** A validated YAML event. */
export type YamlEvent = z.output<typeof yamlEventSchema>;

/** The top level of a YAML calendar file; events are validated one by one so one bad event does not hide the rest. */
export const yamlCalendarFileSchema = z.strictObject({
  /** Free text, e.g. that the file is an example. */
  note: text.optional(),
  /** Group of every event in the file that does not name its own. */
  group: text.optional(),
  events: z.array(z.unknown()).default([]),
});
