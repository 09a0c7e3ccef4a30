import type { DateTime } from "luxon";
import { z } from "zod";
import { addWorkingDays } from "./swedish-holidays.ts";

/** Who a reminder goes to: the group's channels, its secretaries by direct message, or both. */
export const RECIPIENT_CHOICES = ["channels", "secretaries", "all"] as const;
export type RecipientChoice = (typeof RECIPIENT_CHOICES)[number];

/** "Send N (working) days before the occurrence, at a time of day, to these recipients". */
export interface ReminderRule {
  /** Stable id, part of the outbox key: `7d`, `3wd@08:00`, `1d>secretaries`. */
  id: string;
  amount: number;
  unit: "days" | "workdays";
  /** `HH:MM` local time; null uses the group's or the default time. */
  at: string | null;
  /** null uses the default for the event kind. */
  to: RecipientChoice | null;
}

const CLOCK = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const OFFSET = /^(\d{1,3})\s*(dagar|dag|d|arbetsdagar|arbetsdag|ad|wd)$/i;
const ON_THE_DAY = /^(på dagen|samma dag)$/i;
const TO_WORDS: Record<string, RecipientChoice> = {
  channels: "channels",
  kanal: "channels",
  kanaler: "channels",
  secretaries: "secretaries",
  sekreterare: "secretaries",
  all: "all",
  alla: "all",
};

/** `HH:MM` (or `H.MM`) local time of day, normalised to `HH:MM`. */
export const clockTimeSchema = z
  .string({ error: 'ska vara ett klockslag inom citattecken, t.ex. "09:00"' })
  .trim()
  .regex(CLOCK, { error: 'ska vara ett klockslag, t.ex. "09:00"' })
  .transform((value) => {
    const [, hours = "0", minutes = "00"] = CLOCK.exec(value) ?? [];
    return `${hours.padStart(2, "0")}:${minutes}`;
  });

const offsetSchema = z
  .union([z.number().int().min(0).max(365), z.string().trim()])
  .transform((value, context) => {
    if (typeof value === "number") return { amount: value, unit: "days" as const };
    if (ON_THE_DAY.test(value)) return { amount: 0, unit: "days" as const };
    const match = OFFSET.exec(value);
    if (!match) {
      context.addIssue({
        code: "custom",
        message: `är ingen tidsangivelse ("${value}"); skriv t.ex. "7 dagar", "3 arbetsdagar" eller "på dagen"`,
      });
      return z.NEVER;
    }
    const unit = /^(arbetsdag|arbetsdagar|ad|wd)$/i.test(match[2] ?? "")
      ? ("workdays" as const)
      : ("days" as const);
    return { amount: Number(match[1]), unit };
  });

const toSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    const choice = TO_WORDS[value.toLowerCase()];
    if (choice) return choice;
    context.addIssue({
      code: "custom",
      message: `ska vara kanaler, sekreterare eller alla (inte "${value}")`,
    });
    return z.NEVER;
  });

/** A rule as written in YAML: `"7 dagar"`, `"3 arbetsdagar kl 08:00"`, or `{ before, at, to }`. */
export const reminderRuleSchema = z
  .union([
    z.string().trim(),
    z.number(),
    z.strictObject({ before: offsetSchema, at: clockTimeSchema.optional(), to: toSchema.optional() }),
  ])
  .transform((value, context): ReminderRule => {
    if (typeof value === "object")
      return makeRule(value.before.amount, value.before.unit, value.at ?? null, value.to ?? null);
    const [offsetText, clockText] = String(value).split(/\s+kl\.?\s+|@/);
    const offset = offsetSchema.safeParse(typeof value === "number" ? value : (offsetText ?? ""));
    const clock = clockText === undefined ? undefined : clockTimeSchema.safeParse(clockText);
    if (!offset.success || (clock && !clock.success)) {
      context.addIssue({
        code: "custom",
        message: `är ingen påminnelseregel ("${value}"); skriv t.ex. "7 dagar", "3 arbetsdagar", "på dagen" eller "1 dag kl 16:00"`,
      });
      return z.NEVER;
    }
    return makeRule(offset.data.amount, offset.data.unit, clock?.data ?? null, null);
  });

/** Builds a rule with its canonical id. */
export function makeRule(
  amount: number,
  unit: ReminderRule["unit"],
  at: string | null = null,
  to: RecipientChoice | null = null,
): ReminderRule {
  const id = `${amount}${unit === "days" ? "d" : "wd"}${at ? `@${at}` : ""}${to ? `>${to}` : ""}`;
  return { id, amount, unit, at, to };
}

/** "7 dagar före", "3 arbetsdagar före", "på dagen". */
export function describeRule(rule: ReminderRule): string {
  if (rule.amount === 0) return rule.unit === "days" ? "på dagen" : "samma arbetsdag";
  const unit =
    rule.unit === "days"
      ? rule.amount === 1
        ? "dag"
        : "dagar"
      : rule.amount === 1
        ? "arbetsdag"
        : "arbetsdagar";
  return `${rule.amount} ${unit} före`;
}

/**
 * When a rule fires for an occurrence starting at `start`: counted on Stockholm dates (so a
 * daylight-saving change in between does not move the time of day), at `at` local time.
 */
export function reminderTime(start: DateTime, rule: ReminderRule, at: string): DateTime {
  const day =
    rule.unit === "days"
      ? start.startOf("day").minus({ days: rule.amount })
      : addWorkingDays(start.startOf("day"), -rule.amount);
  const [hours, minutes] = at.split(":").map(Number);
  return day.set({ hour: hours ?? 9, minute: minutes ?? 0, second: 0, millisecond: 0 });
}
