import { SWEDISH_MONTHS } from "../../text/swedish-months.ts";

const YEAR = String.raw`(?:19|20)\d{2}`;
const ISO_DAY = new RegExp(String.raw`^(${YEAR})-(\d{2})-(\d{2})$`);
const ISO_MONTH = new RegExp(String.raw`^(${YEAR})-(\d{2})$`);
const ISO_YEAR = new RegExp(`^${YEAR}$`);
const MONTH_WORD = String.raw`(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`(?:^|\D)(\d{1,2})\s+${MONTH_WORD}\s+(${YEAR})(?!\d)`, "iu");
const MONTH_YEAR = new RegExp(String.raw`(?:^|[^\p{L}])${MONTH_WORD}\s+(${YEAR})(?!\d)`, "iu");
const ANY_YEAR = new RegExp(String.raw`(?<!\d)${YEAR}(?!\d)`, "g");
const LOOSE_ISO = new RegExp(String.raw`(?<!\d)(${YEAR})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)`);

/** A front matter date read as written (`exact`), or the part of it that could be made out (or nothing). */
export interface ReadDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when nothing certain could be read. */
  date: string | null;
  /** True when the value was already one of the three written forms. */
  exact: boolean;
}

/**
 * Reads a date the way people type it in front matter. The three forms (`2016-12-01`, `2019-05`,
 * `2021`) are exact; from anything else the most that is certain is kept: "1 december 2016" is a
 * day, "maj 2019" a month, "våren 2021" a year, and "2019/2024/2025-2026" names several years and
 * so gives no date at all. An impossible day (`2021-02-30`) keeps its month. Nothing is invented.
 */
export function readInformalDate(value: string): ReadDate {
  const text = value.trim();
  const exact = exactDate(text);
  if (exact) return { date: exact, exact: true };
  const years = new Set(text.match(ANY_YEAR) ?? []);
  if (years.size !== 1) return { date: null, exact: false };
  const year = [...years][0] as string;
  const iso = LOOSE_ISO.exec(text);
  if (iso)
    return { date: mostOf(year, Number(iso[2]), iso[3] === undefined ? null : Number(iso[3])), exact: false };
  const dayMonth = DAY_MONTH_YEAR.exec(text);
  if (dayMonth) return { date: mostOf(year, monthNumber(dayMonth[2]), Number(dayMonth[1])), exact: false };
  const month = MONTH_YEAR.exec(text);
  if (month) return { date: mostOf(year, monthNumber(month[1]), null), exact: false };
  return { date: year, exact: false };
}

function exactDate(text: string): string | null {
  if (ISO_YEAR.test(text)) return text;
  const month = ISO_MONTH.exec(text);
  if (month) return validMonth(Number(month[2])) ? text : null;
  const day = ISO_DAY.exec(text);
  if (day && mostOf(day[1] as string, Number(day[2]), Number(day[3])) === text) return text;
  return null;
}

/** The year, with the month and the day as far as they are real. */
function mostOf(year: string, month: number, day: number | null): string {
  if (!validMonth(month)) return year;
  const yearMonth = `${year}-${String(month).padStart(2, "0")}`;
  if (day === null) return yearMonth;
  const real = new Date(Date.UTC(Number(year), month - 1, day));
  if (real.getUTCMonth() !== month - 1 || day < 1) return yearMonth;
  return `${yearMonth}-${String(day).padStart(2, "0")}`;
}

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

function monthNumber(word: string | undefined): number {
  const prefix = (word ?? "").toLowerCase().slice(0, 3);
  return SWEDISH_MONTHS.findIndex((month) => month.startsWith(prefix)) + 1;
}
