/** ical.js messages (English) and what a person editing the calendar file should read instead. */
const TRANSLATIONS: { pattern: RegExp; swedish: (match: RegExpExecArray) => string }[] = [
  {
    pattern: /invalid date-time value: "([^"]*)"/,
    swedish: (match) =>
      `ogiltigt datum eller klockslag ("${match[1]}"); skriv t.ex. 20270315T130000 eller 20270315`,
  },
  {
    pattern: /invalid duration value/,
    swedish: () => "ogiltig längd (DURATION); skriv t.ex. PT2H för två timmar",
  },
  {
    pattern: /invalid frequency "([^"]*)"/,
    swedish: (match) =>
      `okänd frekvens "${match[1]}" i upprepningsregeln; använd DAILY, WEEKLY, MONTHLY eller YEARLY`,
  },
  {
    pattern: /(BY[A-Z]+)[^"]*: invalid value "([^"]*)"/,
    swedish: (match) => `ogiltigt värde "${match[2]}" i ${match[1]} i upprepningsregeln`,
  },
  {
    pattern: /invalid (BY[A-Z]+|WKST) (?:value|rule)(?: "([^"]*)")?|Malformed values in (BY[A-Z]+)/i,
    swedish: (match) =>
      `ogiltigt värde${match[2] ? ` "${match[2]}"` : ""} i ${match[1] ?? match[3]} i upprepningsregeln`,
  },
  {
    pattern: /(BY[A-Z]+)[^.]*(may|does not fit|neither)/i,
    swedish: (match) => `${match[1]} går inte att kombinera så i upprepningsregeln`,
  },
  {
    pattern: /no valid occurrences|max tries have occurred|rule may be impossible/,
    swedish: () => "upprepningsregeln ger inga tillfällen",
  },
  {
    pattern: /invalid line \(no token ";" or ":"\) "(.*)"/,
    swedish: (match) => `raden "${match[1]}" saknar ":" mellan namn och värde`,
  },
  {
    pattern: /invalid line \(no matching double quote\)/,
    swedish: () => 'ett citattecken (") på raden avslutas aldrig',
  },
  {
    pattern: /(Invalid|Missing|Empty) parameter/i,
    swedish: () => "raden har ogiltiga parametrar (delen mellan namnet och kolonet)",
  },
  {
    pattern: /component began but did not end/,
    swedish: () => "ett BEGIN-block avslutas aldrig med END",
  },
  {
    pattern: /Invalid string value: "([^"]*)" must contain a "\/"/,
    swedish: (match) =>
      `ogiltig period ("${match[1]}"); skriv start och slut med snedstreck, t.ex. 20270315T130000/20270315T150000`,
  },
  {
    pattern: /Could not extract integer from "([^"]*)"/,
    swedish: (match) => `"${match[1]}" ska vara ett heltal`,
  },
  {
    pattern: /cannot accept both end and duration/,
    swedish: () => "händelsen har både DTEND och DURATION; ta bort den ena",
  },
  {
    pattern: /Same occurrence found twice/,
    swedish: () => "upprepningsregeln ger samma tillfälle två gånger",
  },
  {
    pattern: /relate (?:unrelated )?exception/,
    swedish: () =>
      "en ändrad förekomst (RECURRENCE-ID) passar inte ihop med den upprepade händelsen med samma UID",
  },
  {
    pattern: /does not not support mul/,
    swedish: () => "egenskapen får bara ha ett värde (inga kommatecken)",
  },
  {
    pattern: /iterator requires|dtstart \(ICAL\.Time\) must be given|ruleIterators or \.component/,
    swedish: () => "händelsen saknar ett startdatum (DTSTART) eller en upprepningsregel som går att läsa",
  },
  {
    pattern: /timezone|Neither a timezone nor a name/i,
    swedish: () => "tidszonen (TZID) är okänd; använd t.ex. Europe/Stockholm eller ta med en VTIMEZONE",
  },
  {
    pattern: /must be (?:an )?instance of ICAL\.(Time|Duration|Property)/,
    swedish: () => "ett datum, en tid eller en längd har fel form",
  },
];

/**
 * Turns an ical.js error into Swedish for the calendar problem list; an unknown message is kept
 * as a technical detail after a Swedish lead, so nothing is lost.
 */
export function icalErrorText(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  for (const { pattern, swedish } of TRANSLATIONS) {
    const match = pattern.exec(message);
    if (match) return swedish(match);
  }
  return `kunde inte tolkas (teknisk orsak: ${message})`;
}
