import type { DateTime } from "luxon";
import { inStockholm, stockholmDateTime } from "./stockholm-time.ts";

/** The twelve months an årshjul shows, from the first day of its first month (Stockholm time). */
export interface ArshjulWindow {
  /** Midnight on the first day of the first month. */
  start: DateTime;
  /** Midnight on the first day after the twelfth month. */
  end: DateTime;
}

/** Short Swedish month names, January first. */
export const SHORT_MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "maj",
  "jun",
  "jul",
  "aug",
  "sep",
  "okt",
  "nov",
  "dec",
];

/** January to December of `year`. */
export function calendarYearWindow(year: number): ArshjulWindow {
  const start = stockholmDateTime(`${String(year).padStart(4, "0")}-01-01`);
  return { start, end: start.plus({ years: 1 }) };
}

/** This month and the eleven after it: what lies ahead, whatever the month of the year. */
export function comingTwelveMonths(now: Date): ArshjulWindow {
  const start = inStockholm(now).startOf("month");
  return { start, end: start.plus({ years: 1 }) };
}

/** "2027" for a calendar year, otherwise "dec 2026 – nov 2027". */
export function describeWindow(window: ArshjulWindow): string {
  const last = window.end.minus({ days: 1 });
  if (window.start.month === 1) return String(window.start.year);
  return `${SHORT_MONTHS[window.start.month - 1]} ${window.start.year} – ${SHORT_MONTHS[last.month - 1]} ${last.year}`;
}

/** Where a moment falls on the wheel: 0 at the top (the window's start), growing clockwise to 360. */
export function angleInWindow(window: ArshjulWindow, date: DateTime): number {
  const span = window.end.toMillis() - window.start.toMillis();
  return ((date.toMillis() - window.start.toMillis()) / span) * 360;
}
