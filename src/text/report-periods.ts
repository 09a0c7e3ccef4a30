import { numberWordToDigits } from "./number-word-to-digits.ts";
import { SWEDISH_MONTHS } from "./swedish-months.ts";

/**
 * Report periods in everyday words ("årets första tre månader", "andra kvartalet", "första
 * halvåret", "tertial 2") as the months follow-up reports name them ("perioden januari–mars").
 */

const ORDINALS: Record<string, number> = {
  första: 1,
  "1:a": 1,
  andra: 2,
  "2:a": 2,
  tredje: 3,
  "3:e": 3,
  fjärde: 4,
  "4:e": 4,
  sista: 0,
};

/** Lengths in months of the periods a year is divided into. */
const PERIOD_MONTHS: Record<string, number> = { kvartal: 3, tertial: 4, halvår: 6 };
const PERIODS_PER_YEAR: Record<number, number> = { 3: 4, 4: 3, 6: 2 };

const ORDINAL = "första|1:a|andra|2:a|tredje|3:e|fjärde|4:e|sista";
/** "årets" before a period only says which year's period it is. */
const OF_THE_YEAR = "(?<ofTheYear>årets\\s+)?";
const ORDINAL_PERIOD = new RegExp(
  `(?<![\\p{L}])${OF_THE_YEAR}(?<ordinal>${ORDINAL})\\s+(?<unit>kvartal|tertial|halvår)(?:et|s)?(?![\\p{L}])`,
  "giu",
);
const NUMBERED_PERIOD = new RegExp(
  `(?<![\\p{L}])${OF_THE_YEAR}(?<unit>kvartal|tertial)\\s+(?<number>[1-4])(?![\\p{L}\\d])`,
  "giu",
);
const FIRST_MONTHS = new RegExp(
  `(?<![\\p{L}])${OF_THE_YEAR}första\\s+(?<count>\\p{L}+|\\d{1,2})\\s+månader(?:na)?(?![\\p{L}])`,
  "giu",
);

/** A period the text names: its first and last month (1–12) and the words that named it. */
export interface ReportPeriod {
  first: (typeof SWEDISH_MONTHS)[number];
  last: (typeof SWEDISH_MONTHS)[number];
  /** The words of the text that name the period ("första tre månader"). */
  phrase: string;
}

/** The report periods a question names, as first and last month. */
export function reportPeriods(text: string): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  const add = (firstMonth: number, lastMonth: number, match: RegExpMatchArray) => {
    const first = SWEDISH_MONTHS[firstMonth - 1];
    const last = SWEDISH_MONTHS[lastMonth - 1];
    if (!first || !last || firstMonth > lastMonth) return;
    const anchor = match.groups?.ofTheYear ?? "";
    periods.push({ first, last, phrase: match[0].slice(anchor.length) });
  };
  for (const match of text.matchAll(ORDINAL_PERIOD)) {
    const length = PERIOD_MONTHS[(match.groups?.unit ?? "").toLowerCase()] ?? 0;
    const ordinal = ORDINALS[(match.groups?.ordinal ?? "").toLowerCase()] ?? 1;
    const index = ordinal === 0 ? (PERIODS_PER_YEAR[length] ?? 1) : ordinal;
    add((index - 1) * length + 1, index * length, match);
  }
  for (const match of text.matchAll(NUMBERED_PERIOD)) {
    const length = PERIOD_MONTHS[(match.groups?.unit ?? "").toLowerCase()] ?? 0;
    const index = Number(match.groups?.number);
    add((index - 1) * length + 1, index * length, match);
  }
  for (const match of text.matchAll(FIRST_MONTHS)) {
    const count = match.groups?.count ?? "";
    const months = Number(numberWordToDigits(count) ?? count);
    if (Number.isInteger(months) && months >= 2) add(1, months, match);
  }
  return periods;
}

/**
 * The text without the words that only anchor a period in the year ("årets första tre månader" →
 * "första tre månader"): the period's months say as much, and "över året" is not the period.
 */
export function withoutYearAnchors(text: string): string {
  let result = text;
  for (const pattern of [ORDINAL_PERIOD, NUMBERED_PERIOD, FIRST_MONTHS]) {
    result = result.replace(pattern, (...args) => {
      const match = args[0] as string;
      const groups = args.at(-1) as { ofTheYear?: string };
      return match.slice(groups.ofTheYear?.length ?? 0);
    });
  }
  return result;
}
