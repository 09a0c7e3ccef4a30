/**
 * Report periods in everyday words ("årets första tre månader", "andra kvartalet", "första
 * halvåret", "tertial 2") as the months follow-up reports name them ("perioden januari–mars").
 */
const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

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
const COUNTS: Record<string, number> = {
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
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
const FIRST_MONTHS = new RegExp(
  `(?<![\\p{L}])första\\s+(${Object.keys(COUNTS).join("|")}|\\d{1,2})\\s+månader(?:na)?(?![\\p{L}])`,
  "giu",
);

/** A period the text names: its first and last month (1–12) and the words that named it. */
export interface ReportPeriod {
  first: (typeof MONTHS)[number];
  last: (typeof MONTHS)[number];
  /** The words of the text that name the period ("första tre månader"). */
  phrase: string;
}

/** The report periods a question names, as first and last month. */
export function reportPeriods(text: string): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  const add = (firstMonth: number, lastMonth: number, phrase: string) => {
    const first = MONTHS[firstMonth - 1];
    const last = MONTHS[lastMonth - 1];
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
    add(1, COUNTS[count.toLowerCase()] ?? Number(count), match[0]);
  }
  return periods;
}
