import type { PositionedLine } from "./pdf-lines.ts";

// How many lines at the top and at the bottom of a page can belong to a running header or footer.
const EDGE_LINES = 2;
// Positions within this many points count as the same place on the page.
const POSITION_TOLERANCE = 4;
/** "7", "Sida 3 av 15", "Sida 3 (15)", "s. 3", "3/15", "– 3 –", "Page 3 of 15". */
const PAGE_NUMBER =
  /^(?:(?:sida|sid\.?|s\.|page)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:av|of|\/)\s*\d{1,3}|\s*\(\d{1,3}\))?$/iu;

/** Whether a line says nothing but a page number. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/**
 * Drops running headers and footers: a line at the top or bottom of a page that recurs at the
 * same place on at least half of the pages (numbers may change: "Sida 3 av 15"), and a page number
 * standing alone at the top or bottom. Where it stands matters: the title on page 1 often repeats
 * the running header's words, but lower down.
 */
export function withoutRunningLines(pages: PositionedLine[][]): PositionedLine[][] {
  const key = (line: PositionedLine) =>
    `${line.text.toLowerCase().replace(/\d+/g, "#")}@${Math.round(line.y / POSITION_TOLERANCE)}`;
  const edges = pages.map(edgeLines);
  const pagesWith = new Map<string, number>();
  pages.forEach((lines, index) => {
    const edgeKeys = new Set([...(edges[index] ?? [])].map(key));
    // A line is a running header only beside other text: on a page holding nothing else (a list
    // of one numbered line per page) it is the content.
    if (lines.every((line) => edges[index]?.has(line)) && edgeKeys.size <= 1) return;
    for (const text of edgeKeys) pagesWith.set(text, (pagesWith.get(text) ?? 0) + 1);
  });
  const enough = Math.max(2, pages.length / 2);
  const running = (line: PositionedLine) =>
    (pages.length >= 2 && (pagesWith.get(key(line)) ?? 0) >= enough) || isPageNumber(line.text);
  const filtered = pages.map((lines, index) =>
    lines.filter((line) => !(edges[index]?.has(line) && running(line))),
  );
  // Repeated lines that are all the document says are its text, not headers.
  return filtered.some((lines) => lines.length > 0) ? filtered : pages;
}

/** The lines in the top and bottom few positions of a page, whatever order the PDF drew them in. */
function edgeLines(lines: readonly PositionedLine[]): Set<PositionedLine> {
  const positions = [...new Set(lines.map((line) => line.y))].sort((a, b) => b - a);
  const top = positions.slice(0, EDGE_LINES);
  const bottom = positions.slice(-EDGE_LINES);
  return new Set(lines.filter((line) => top.includes(line.y) || bottom.includes(line.y)));
}
