import { DateTime } from "luxon";
import { SWEDISH_MONTHS } from "../text/index.ts";

/** Every calendar time in Samsyn is Swedish local time. */
export const STOCKHOLM = "Europe/Stockholm";

const WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"] as const;
/** Swedish month names, January first. */
export const MONTHS = SWEDISH_MONTHS;

/** An instant as Stockholm wall-clock time. */
export function inStockholm(instant: Date | number): DateTime {
  return DateTime.fromMillis(typeof instant === "number" ? instant : instant.getTime(), { zone: STOCKHOLM });
}

/** `YYYY-MM-DD` (local date) at `HH:MM` in Stockholm; a time that does not exist (spring forward) moves forward. */
export function stockholmDateTime(date: string, time = "00:00"): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone: STOCKHOLM });
}

/** ISO 8601 with the Stockholm offset and no milliseconds, e.g. `2027-03-29T09:00:00+02:00`. */
export function isoWithOffset(time: DateTime): string {
  return time.setZone(STOCKHOLM).toISO({ suppressMilliseconds: true }) ?? "";
}

/** "tisdag 9 februari 2027". */
export function swedishDate(time: DateTime, options: { year?: boolean } = {}): string {
  const local = time.setZone(STOCKHOLM);
  const year = options.year === false ? "" : ` ${local.year}`;
  return `${WEEKDAYS[local.weekday - 1]} ${local.day} ${MONTHS[local.month - 1]}${year}`;
}

/** "13.00" – Swedish clock notation. */
export function swedishClock(time: DateTime): string {
  return time.setZone(STOCKHOLM).toFormat("HH.mm");
}

/** Swedish weekday name of a local date. */
export function swedishWeekday(time: DateTime): string {
  return WEEKDAYS[time.setZone(STOCKHOLM).weekday - 1] ?? "";
}
