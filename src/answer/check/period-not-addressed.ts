import { reportPeriods, SWEDISH_MONTHS } from "../../text/index.ts";
import type { Answer } from "../answer.ts";

/** A span of months, 1–12, first to last. */
interface MonthSpan {
  first: number;
  last: number;
}

const WHOLE_YEAR =
  /(?<![\p{L}])(?:helår\p{L}*|hela\s+året|hela\s+verksamhetsåret|i\s+år|innevarande\s+år|årsbokslut\p{L}*)(?![\p{L}])/iu;
const MONTH = "(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\\p{L}*\\.?";
/** "januari–mars", "jan-mars", "perioden april – juni". */
const MONTH_RANGE = new RegExp(`(?<![\\p{L}])${MONTH}\\s*[-–—]\\s*${MONTH}(?![\\p{L}])`, "giu");

function monthNumber(prefix: string): number {
  return SWEDISH_MONTHS.findIndex((month) => month.startsWith(prefix.toLowerCase())) + 1;
}

/** The report periods a text names: "helåret", "första kvartalet", "januari–mars". */
export function namedPeriods(text: string): MonthSpan[] {
  const spans: MonthSpan[] = reportPeriods(text).map((period) => ({
    first: SWEDISH_MONTHS.indexOf(period.first) + 1,
    last: SWEDISH_MONTHS.indexOf(period.last) + 1,
  }));
  for (const match of text.matchAll(MONTH_RANGE)) {
    const first = monthNumber(match[1] ?? "");
    const last = monthNumber(match[2] ?? "");
    if (first > 0 && last >= first) spans.push({ first, last });
  }
  if (WHOLE_YEAR.test(text)) spans.push({ first: 1, last: 12 });
  return spans;
}

/**
 * The period a question asks about when the answer rests only on figures for another one: "Vad blev
 * resultatet för helåret?" answered with "Nämndens resultat för perioden januari–mars är plus 68 tkr",
 * or the third quarter answered from a report on the first. Null when the question names no period,
 * or the cited sentences, their headings and titles name none, or name the one asked.
 */
export function periodNotAddressed(question: string, answer: Answer): string | null {
  const asked = namedPeriods(question);
  if (asked.length === 0) return null;
  const stated = answer.citations.flatMap((citation) =>
    namedPeriods([citation.quote, citation.section ?? "", citation.title].join("\n")),
  );
  if (stated.length === 0) return null;
  const same = (a: MonthSpan, b: MonthSpan) => a.first === b.first && a.last === b.last;
  if (asked.some((period) => stated.some((other) => same(period, other)))) return null;
  const first = asked[0] as MonthSpan;
  return `${SWEDISH_MONTHS[first.first - 1]}–${SWEDISH_MONTHS[first.last - 1]}`;
}
