import { DateTime } from "luxon";
import type { Notification } from "../surfaces/notifier.ts";
import type { ReminderPayload } from "./reminder-payload.ts";
import { STOCKHOLM, swedishClock, swedishDate } from "./stockholm-time.ts";
import { isWorkingDay } from "./swedish-holidays.ts";

const ACTION_PREFIX = "reminder";

/** "tisdag 9 februari 2027 kl. 13.00–15.30", "onsdag 24 november–torsdag 25 november 2027", "fredag 16 april 2027". */
export function describeWhen(startIso: string, endIso: string | null, allDay: boolean): string {
  const start = DateTime.fromISO(startIso, { zone: STOCKHOLM });
  const end = endIso ? DateTime.fromISO(endIso, { zone: STOCKHOLM }) : null;
  if (allDay) {
    const lastDay = end?.minus({ days: 1 });
    if (!lastDay || lastDay <= start) return swedishDate(start);
    return `${swedishDate(start, { year: start.year !== lastDay.year })}–${swedishDate(lastDay)}`;
  }
  if (!end) return `${swedishDate(start)} kl. ${swedishClock(start)}`;
  if (end.hasSame(start, "day"))
    return `${swedishDate(start)} kl. ${swedishClock(start)}–${swedishClock(end)}`;
  return `${swedishDate(start)} kl. ${swedishClock(start)} – ${swedishDate(end)} kl. ${swedishClock(end)}`;
}

/** "i dag", "i morgon", "om 5 dagar (3 arbetsdagar)" from `now` to a date. */
export function describeDistance(now: DateTime, startIso: string, workingDays: boolean): string {
  const today = now.setZone(STOCKHOLM).startOf("day");
  const day = DateTime.fromISO(startIso, { zone: STOCKHOLM }).startOf("day");
  const days = Math.round(day.diff(today, "days").days);
  if (days < 0) return days === -1 ? "i går" : `för ${-days} dagar sedan`;
  if (days === 0) return "i dag";
  if (days === 1) return "i morgon";
  if (!workingDays) return `om ${days} dagar`;
  let count = 0;
  for (let current = today.plus({ days: 1 }); current < day; current = current.plus({ days: 1 }))
    if (isWorkingDay(current)) count++;
  return `om ${days} dagar (${count + (isWorkingDay(day) ? 1 : 0)} arbetsdagar)`;
}

/** Options of one rendering. */
export interface ReminderTextOptions {
  now: DateTime;
  /** When the reminder was planned for; shown in the late note. */
  dueAt: number;
  late: boolean;
  snoozed: boolean;
}

/** The Swedish reminder text: what, when, where, what to prepare, which documents. */
export function reminderText(payload: ReminderPayload, options: ReminderTextOptions): string {
  const deadline = payload.kind === "deadline" || payload.kind === "report";
  const lines: string[] = [];
  if (options.late) {
    const planned = DateTime.fromMillis(options.dueAt, { zone: STOCKHOLM });
    lines.push(
      `⚠️ Försenad påminnelse – Samsyn var inte igång när den skulle skickas (${swedishDate(planned)} kl. ${swedishClock(planned)}).`,
    );
  }
  lines.push(
    `${options.snoozed ? "Påminnelse igen" : "Påminnelse"}: ${payload.title} (${payload.groupName})`,
  );
  const when = describeWhen(payload.start, payload.end, payload.allDay);
  const distance = describeDistance(options.now, payload.start, deadline);
  lines.push(`${deadline ? "Sista dag" : "När"}: ${when} – ${distance}`);
  if (payload.location) lines.push(`Var: ${payload.location}`);
  if (payload.prepare) lines.push(`Förbered: ${payload.prepare}`);
  if (payload.notes) lines.push(`Att veta: ${payload.notes}`);
  for (const document of payload.documents) {
    lines.push(
      `Underlag: ${document.title}${document.title === document.id ? "" : ` (${document.id})`}${document.url ? ` ${document.url}` : ""}`,
    );
  }
  return lines.join("\n");
}

/** The buttons under a reminder: "Klar" for deadlines and reports, "Påminn mig i morgon" for all. */
export function reminderActions(
  key: string,
  kind: ReminderPayload["kind"],
): NonNullable<Notification["actions"]> {
  const snooze = {
    id: "reminder_snooze",
    label: "Påminn mig i morgon",
    value: `${ACTION_PREFIX}:snooze:${key}`,
  };
  if (kind !== "deadline" && kind !== "report") return [snooze];
  return [{ id: "reminder_done", label: "Klar", value: `${ACTION_PREFIX}:done:${key}` }, snooze];
}

/** Reads an action value back: `reminder:done:<key>` → { action: "done", key }; a bare key is accepted too. */
export function parseReminderAction(value: string): { action: "done" | "snooze" | null; key: string } {
  const match = /^reminder:(done|snooze):(.+)$/s.exec(value);
  if (!match) return { action: null, key: value };
  return { action: match[1] as "done" | "snooze", key: match[2] ?? "" };
}
