import ICAL from "ical.js";

/** Parses an RRULE (with or without the `RRULE:` prefix); a problem is a Swedish explanation. */
export function parseRecurrence(rule: string): { recur: ICAL.Recur | null; problem: string | null } {
  const body = rule.trim().replace(/^RRULE:/i, "");
  try {
    if (!/(^|;)FREQ=/i.test(body)) throw new Error("FREQ saknas");
    const recur = ICAL.Recur.fromString(body);
    return { recur, problem: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      recur: null,
      problem: `är ingen giltig upprepningsregel: "${rule}" (${reason}); skriv en RRULE, t.ex. "FREQ=YEARLY;BYMONTH=2,4,9,11;BYDAY=2TU"`,
    };
  }
}
