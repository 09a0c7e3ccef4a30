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
const ORDINAL_PERIOD = new RegExp(
  `(?<![\\p{L}])(${ORDINAL})\\s+(kvartal|tertial|halvår)(?:et|s)?(?![\\p{L}])`,
  "giu",
);
const NUMBERED_PERIOD = /(?<![\p{L}])(kvartal|tertial)\s+([1-4])(?![\p{L}\d])/giu;
const FIRST_MONTHS = /(?<![\p{L}])första\s+(\p{L}+|\d{1,2})\s+månader(?:na)?(?![\p{L}])/giu;

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
  const add = (firstMonth: number, lastMonth: number, phrase: string) => {
    const first = SWEDISH_MONTHS[firstMonth - 1];
    const last = SWEDISH_MONTHS[lastMonth - 1];
    if (first && last && firstMonth <= lastMonth) periods.push({ first, last, phrase });
  };
  for (const match of text.matchAll(ORDINAL_PERIOD)) {
    const length = PERIOD_MONTHS[(match[2] ?? "").toLowerCase()] ?? 0;
    const ordinal = ORDINALS[(match[1] ?? "").toLowerCase()] ?? 1;
    const index = ordinal === 0 ? (PERIODS_PER_YEAR[length] ?? 1) : ordinal;
    add((index - 1) * length + 1, index * length, match[0]);
  }
  for (const match of text.matchAll(NUMBERED_PERIOD)) {
    const length = PERIOD_MONTHS[(match[1] ?? "").toLowerCase()] ?? 0;
    const index = Number(match[2]);
    add((index - 1) * length + 1, index * length, match[0]);
  }
  for (const match of text.matchAll(FIRST_MONTHS)) {
    const count = match[1] ?? "";
    const months = Number(numberWordToDigits(count) ?? count);
    if (Number.isInteger(months) && months >= 2) add(1, months, match[0]);
  }
  return periods;
}
