import { DateTime } from "luxon";
import { STOCKHOLM } from "./stockholm-time.ts";

/** A Swedish day off: a public holiday (helgdag) or an eve treated as a day off (afton). */
export interface SwedishHoliday {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  name: string;
  kind: "helgdag" | "afton";
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus), as `{ month, day }`. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const cache = new Map<number, SwedishHoliday[]>();

/** Public holidays and the eves that are days off (midsommar-, jul-, nyårs-, påsk-, pingstafton) in `year`, by date. */
export function swedishHolidays(year: number): SwedishHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const date = (month: number, day: number) => DateTime.fromObject({ year, month, day }, { zone: STOCKHOLM });
  const easter = date(easterSunday(year).month, easterSunday(year).day);
  // Midsommarafton is the Friday between 19 and 25 June; alla helgons dag the Saturday between 31 October and 6 November.
  const midsummerEve = firstWeekdayFrom(date(6, 19), 5);
  const allSaints = firstWeekdayFrom(date(10, 31), 6);
  const days: [DateTime, string, SwedishHoliday["kind"]][] = [
    [date(1, 1), "Nyårsdagen", "helgdag"],
    [date(1, 6), "Trettondedag jul", "helgdag"],
    [easter.minus({ days: 2 }), "Långfredagen", "helgdag"],
    [easter.minus({ days: 1 }), "Påskafton", "afton"],
    [easter, "Påskdagen", "helgdag"],
    [easter.plus({ days: 1 }), "Annandag påsk", "helgdag"],
    [date(5, 1), "Första maj", "helgdag"],
    [easter.plus({ days: 39 }), "Kristi himmelsfärdsdag", "helgdag"],
    [easter.plus({ days: 48 }), "Pingstafton", "afton"],
    [easter.plus({ days: 49 }), "Pingstdagen", "helgdag"],
    [date(6, 6), "Sveriges nationaldag", "helgdag"],
    [midsummerEve, "Midsommarafton", "afton"],
    [midsummerEve.plus({ days: 1 }), "Midsommardagen", "helgdag"],
    [allSaints, "Alla helgons dag", "helgdag"],
    [date(12, 24), "Julafton", "afton"],
    [date(12, 25), "Juldagen", "helgdag"],
    [date(12, 26), "Annandag jul", "helgdag"],
    [date(12, 31), "Nyårsafton", "afton"],
  ];
  const holidays = days
    .map(([day, name, kind]) => ({ date: day.toISODate() ?? "", name, kind }))
    .sort((left, right) => left.date.localeCompare(right.date));
  cache.set(year, holidays);
  return holidays;
}

function firstWeekdayFrom(start: DateTime, weekday: number): DateTime {
  return start.plus({ days: (weekday - start.weekday + 7) % 7 });
}

/** The holiday on a local date, if any. */
export function holidayOn(day: DateTime): SwedishHoliday | undefined {
  const local = day.setZone(STOCKHOLM);
  const iso = local.toISODate();
  return swedishHolidays(local.year).find((holiday) => holiday.date === iso);
}

/** Whether a local date is a working day: not a Saturday, Sunday, public holiday or day-off eve. */
export function isWorkingDay(day: DateTime): boolean {
  const local = day.setZone(STOCKHOLM);
  return local.weekday <= 5 && holidayOn(local) === undefined;
}

/**
 * Moves `count` working days from `day` (negative: backwards), keeping the time of day. Zero returns
 * `day` itself when it is a working day, otherwise the working day before it.
 */
export function addWorkingDays(day: DateTime, count: number): DateTime {
  let current = day.setZone(STOCKHOLM);
  if (count === 0) {
    while (!isWorkingDay(current)) current = current.minus({ days: 1 });
    return current;
  }
  const step = count > 0 ? 1 : -1;
  for (let remaining = Math.abs(count); remaining > 0; ) {
    current = current.plus({ days: step });
    if (isWorkingDay(current)) remaining--;
  }
  return current;
}
