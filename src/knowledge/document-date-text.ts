import { SWEDISH_MONTHS } from "../text/swedish-months.ts";

/**
 * A document's date (`DocumentMetadata.date`) as a Swedish reader writes it, at the precision it is
 * known: "2021", "maj 2019", "12 mars 2021". A day or month that was never known is never made up.
 * Null when there is no date; a value in no known form is shown as it is.
 */
export function documentDateText(date: string | null | undefined): string | null {
  const value = date?.trim();
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const monthName = month ? SWEDISH_MONTHS[Number(month) - 1] : undefined;
  if (month && !monthName) return value;
  if (!monthName) return year ?? value;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}
