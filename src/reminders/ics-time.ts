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
