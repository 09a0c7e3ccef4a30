import { z } from "zod";
import { EVENT_KINDS } from "./calendar-event.ts";

/** What a reminder says, stored with its outbox row so the text can be rendered at send time. */
export const reminderPayloadSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  groupName: z.string(),
  /** ISO with offset. */
  start: z.string(),
  end: z.string().nullable(),
  allDay: z.boolean(),
  location: z.string().nullable(),
  prepare: z.string().nullable(),
  notes: z.string().nullable(),
  documents: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().nullable() })),
  /** "7 dagar före". */
  ruleLabel: z.string(),
});

/** The content of one reminder. */
export type ReminderPayload = z.output<typeof reminderPayloadSchema>;
