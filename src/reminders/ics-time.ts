import ICAL from "ical.js";
import { DateTime, IANAZone } from "luxon";
import { STOCKHOLM } from "./stockholm-time.ts";

// Outlook and Exchange write Windows zone names; these are the ones a Swedish calendar meets.
const WINDOWS_ZONES: Record<string, string> = {
  "W. Europe Standard Time": "Europe/Stockholm",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "Romance Standard Time": "Europe/Paris",
  "FLE Standard Time": "Europe/Helsinki",
  "GMT Standard Time": "Europe/London",
  UTC: "UTC",
};

/** The IANA zone luxon should use for an ICS TZID, or null when it is neither IANA nor a known Windows name. */
export function ianaZone(tzid: string | null): string | null {
  if (!tzid) return null;
  const cleaned = tzid.replace(/^\//, "");
  if (IANAZone.isValidZone(cleaned)) return cleaned;
  return WINDOWS_ZONES[cleaned] ?? null;
}

/**
 * Converts an ICS time to Stockholm time. Wall-clock components are read in the event's TZID with
 * luxon (the IANA rules), so the file needs no VTIMEZONE for common zones; a custom zone defined
 * by a VTIMEZONE in the file is converted by ical.js; floating times are Swedish local time.
 */
export function icsTimeToStockholm(time: ICAL.Time, tzid: string | null): DateTime {
  if (time.isDate)
    return DateTime.fromObject({ year: time.year, month: time.month, day: time.day }, { zone: STOCKHOLM });
  const components = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  if (time.zone === ICAL.Timezone.utcTimezone)
    return DateTime.fromObject(components, { zone: "utc" }).setZone(STOCKHOLM);
  const zone = ianaZone(tzid);
  if (zone) return DateTime.fromObject(components, { zone }).setZone(STOCKHOLM);
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone && tzid && ICAL.TimezoneService.has(tzid)) {
    return DateTime.fromSeconds(time.toUnixTime(), { zone: STOCKHOLM });
  }
  return DateTime.fromObject(components, { zone: STOCKHOLM });
}

/** Properties whose values are dates or date-times that ical.js would silently roll over (month 13 → next year). */
const DATE_PROPERTIES = new Set(["DTSTART", "DTEND", "DUE", "EXDATE", "RDATE", "RECURRENCE-ID"]);

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;

/**
 * Checks the date values of a VEVENT's text as written: ical.js turns `20271345T250000` into a
 * date in 2028 instead of refusing it. Returns one Swedish problem per bad value, with the line
 * (1-based, counted from `firstLine`) where its property starts.
 */
export function icsDateProblems(blockText: string, firstLine: number): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  const lines = blockText.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (/^[ \t]/.test(line)) return;
    // Folded continuation lines belong to this property.
    let text = line;
    for (let next = index + 1; next < lines.length && /^[ \t]/.test(lines[next] ?? ""); next++) {
      text += (lines[next] ?? "").slice(1);
    }
    const property = /^([A-Za-z-]+)((?:;[^:"]*(?:"[^"]*")?)*):(.*)$/.exec(text);
    const name = property?.[1]?.toUpperCase();
    if (!property || !name || !DATE_PROPERTIES.has(name)) return;
    for (const item of (property[3] ?? "").split(",")) {
      const value = (item.split("/")[0] ?? "").trim();
      if (isValidIcsDate(value)) continue;
      problems.push({
        line: firstLine + index,
        message: `${name} "${value}" är inget giltigt datum eller klockslag; skriv ÅÅÅÅMMDD eller ÅÅÅÅMMDDTHHMMSS, t.ex. 20270315T130000`,
      });
    }
  });
  return problems;
}

function isValidIcsDate(value: string): boolean {
  const match = DATE_VALUE.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  return DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: "utc" }).isValid;
}
