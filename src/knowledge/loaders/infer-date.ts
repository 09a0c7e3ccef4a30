import { SWEDISH_MONTHS } from "../../text/swedish-months.ts";
import type { DocumentBlock } from "../document.ts";

const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:\\s*:e)?\\s+(${SWEDISH_MONTHS.join("|")})\\s+(\\d{4})\\b`,
  "iu",
);
const MONTH_YEAR = new RegExp(`\\b(${SWEDISH_MONTHS.join("|")})\\s+(\\d{4})\\b`, "iu");
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/u;
/** Words that say a date is the document's own: decided, adopted, revised, published. */
const DATE_WORDS =
  /\b(?:beslutad|beslutat|fastställd|fastställt|antagen|antaget|daterad|datum|reviderad|uppdaterad|senast ändrad|gäller från|undertecknad|publicerad)\b|\bden\s*$/iu;
/** A date line says little else: "1 december 2016", "Laholm den 12 mars 2019", "Fastställd 2019-05-12". */
const MAX_DATE_LINE_WORDS = 8;

/**
 * The document's date from a date line: a short block that is a date, or names one as the date of
 * decision or publication. Full dates are kept as YYYY-MM-DD, a month and year as YYYY-MM.
 */
export function inferDate(blocks: readonly DocumentBlock[]): string | null {
  for (const block of blocks) {
    if (block.kind === "heading" || block.text.split(/\s+/).length > MAX_DATE_LINE_WORDS) continue;
    const date = dateIn(block.text);
    if (!date) continue;
    const rest = block.text.replace(date.match, " ").trim();
    const plain = rest.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length <= 3;
    if (plain || DATE_WORDS.test(rest)) return date.iso;
  }
  return null;
}

function dateIn(text: string): { iso: string; match: string } | null {
  const iso = ISO_DATE.exec(text);
  if (iso && valid(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return { iso: iso[0], match: iso[0] };
  const full = DAY_MONTH_YEAR.exec(text);
  if (full) {
    const month = (SWEDISH_MONTHS as readonly string[]).indexOf((full[2] ?? "").toLowerCase()) + 1;
    const [year, day] = [Number(full[3]), Number(full[1])];
    // "31 februari 2020" is a typing error, not a month.
    return valid(year, month, day) ? { iso: `${year}-${pad(month)}-${pad(day)}`, match: full[0] } : null;
  }
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear) {
    const month = (SWEDISH_MONTHS as readonly string[]).indexOf((monthYear[1] ?? "").toLowerCase()) + 1;
    return { iso: `${monthYear[2]}-${pad(month)}`, match: monthYear[0] };
  }
  return null;
}

function valid(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
