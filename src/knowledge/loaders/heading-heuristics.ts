const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s+(?=[\p{Lu}"'„”«(])/u;
const MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";
const DATE_LINE = new RegExp(`\\b\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, "iu");
/** "Direkt till innehållet", "Skip to main content": navigation left over in saved web pages. */
export const SKIP_LINK =
  /^(?:(?:hoppa|gå|direkt)(?: direkt)? till (?:huvud)?(?:innehåll|innehållet|sidans innehåll)|skip to (?:main )?content)$/iu;
const STARTS_LIKE_HEADING = /^[\p{Lu}\d"'„”«]/u;
const MAX_HEADING_WORDS = 12;
// The first line of a document is often its title, which runs longer than a section heading.
const MAX_TITLE_WORDS = 16;
const MAX_NUMBERED_HEADING_WORDS = 30;
const MAX_HEADING_CHARACTERS = 160;

/** Level of a numbered heading ("1 Sammanfattning" → 1, "3.1.2 Kultur" → 3), or null. */
export function numberedHeadingLevel(text: string): number | null {
  const match = NUMBERED_HEADING.exec(text);
  if (!match?.[1]) return null;
  return match[1].split(".").length;
}

/**
 * Whether a line of plain text looks like a heading on its own: short, starts with a capital or
 * a section number, no sentence punctuation at the end, and not a row of figures from a table.
 */
export function isHeadingLike(text: string, options: { firstLine?: boolean } = {}): boolean {
  const number = NUMBERED_HEADING.exec(text);
  const rest = number ? text.slice(number[0].length) : text;
  const words = text.split(/\s+/).length;
  const multiLevel = (number?.[1] ?? "").includes(".");
  if (text.length > MAX_HEADING_CHARACTERS || !STARTS_LIKE_HEADING.test(text)) return false;
  const maxWords = multiLevel
    ? MAX_NUMBERED_HEADING_WORDS
    : options.firstLine
      ? MAX_TITLE_WORDS
      : MAX_HEADING_WORDS;
  if (words > maxWords || SKIP_LINK.test(text)) return false;
  if (!/\p{L}/u.test(rest) || /[,;]$/.test(text) || text.includes("%")) return false;
  // "6.3 Bidra aktivt i … jämlik hälsa." is a numbered heading even with its full stop.
  if (/[.!?…]["'”»)]*$/.test(text) && !multiLevel) return false;
  if (text.endsWith(":") && words > 3) return false;
  if (DATE_LINE.test(text)) return false;
  const figures = rest.split(/\s+/).filter((word) => /\d/.test(word)).length;
  return figures <= 1;
}
