import ICAL from "ical.js";
import { icalErrorText } from "./ical-error-text.ts";

/**
 * At most this many occurrences of one event are produced for one expansion window. Samsyn's
 * calendars hold meetings and deadlines; the bound keeps a rule that slips past the checks below
 * from filling memory or the reminder outbox.
 */
export const MAX_OCCURRENCES_PER_WINDOW = 1000;

/** Frequencies that repeat within a day; a meeting calendar never needs them. */
const SUB_DAILY = new Set(["SECONDLY", "MINUTELY", "HOURLY"]);

/** Most start times a rule may give on one day (BYHOUR × BYMINUTE × BYSECOND). */
const MAX_STARTS_PER_DAY = 4;

/** Parses an RRULE (with or without the `RRULE:` prefix); a problem is a Swedish explanation. */
export function parseRecurrence(rule: string): { recur: ICAL.Recur | null; problem: string | null } {
  const body = rule.trim().replace(/^RRULE:/i, "");
  let recur: ICAL.Recur;
  try {
    if (!/(^|;)FREQ=/i.test(body)) throw new Error("FREQ saknas");
    recur = ICAL.Recur.fromString(body);
  } catch (error) {
    const reason =
      error instanceof Error && error.message === "FREQ saknas" ? "FREQ saknas" : icalErrorText(error);
    return {
      recur: null,
      problem: `är ingen giltig upprepningsregel: "${rule}" (${reason}); skriv en RRULE, t.ex. "FREQ=YEARLY;BYMONTH=2,4,9,11;BYDAY=2TU"`,
    };
  }
  const problem = recurrenceProblem(recur);
  return problem ? { recur: null, problem: `"${rule}" ${problem}` } : { recur, problem: null };
}

/**
 * Why a parsed rule is refused, in Swedish, or null: sub-daily frequencies and rules with more
 * than a few start times a day would expand to tens of thousands of occurrences per week.
 */
export function recurrenceProblem(recur: ICAL.Recur): string | null {
  if (SUB_DAILY.has(recur.freq)) {
    return `upprepas oftare än en gång per dag (FREQ=${recur.freq}), vilket Samsyn inte tar emot; använd DAILY, WEEKLY, MONTHLY eller YEARLY`;
  }
  const count = (part: "BYHOUR" | "BYMINUTE" | "BYSECOND") => recur.parts[part]?.length ?? 1;
  const perDay = count("BYHOUR") * count("BYMINUTE") * count("BYSECOND");
  if (perDay > MAX_STARTS_PER_DAY) {
    return `ger ${perDay} starttider per dag (BYHOUR/BYMINUTE/BYSECOND); högst ${MAX_STARTS_PER_DAY} tas emot`;
  }
  return null;
}
