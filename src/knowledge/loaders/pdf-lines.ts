import type { StructuredTextItem } from "unpdf";
import type { TextLine } from "./plain-text-blocks.ts";

interface PositionedLine {
  text: string;
  y: number;
  size: number;
  page: number;
}

const PARAGRAPH_GAP = 1.5;
const PROMINENT_SIZE = 1.15;
const EDGE_LINES = 2;

/**
 * Rebuilds text lines from the positioned text items of each PDF page. A vertical gap clearly
 * larger than the usual line spacing starts a new paragraph; a font clearly larger than the body
 * marks a heading; running headers and footers repeated on most pages are dropped.
 */
export function pdfLines(pages: readonly (readonly StructuredTextItem[])[]): TextLine[] {
  const positioned = withoutRunningHeaders(pages.map((items, index) => pageLines(items, index + 1)));
  const bodySize = mostCommonSize(positioned.flat());
  // Heading levels follow font size: the largest heading font is level 1.
  const headingSizes = [...new Set(positioned.flat().map((line) => rounded(line.size)))]
    .filter((size) => size >= bodySize * PROMINENT_SIZE)
    .sort((a, b) => b - a);
  const spacing = median(positioned.flatMap((lines) => gaps(lines)).filter((gap) => gap > 0));
  const lines: TextLine[] = [];
  for (const pageLinesOfPage of positioned) {
    pageLinesOfPage.forEach((line, index) => {
      const previous = pageLinesOfPage[index - 1];
      const gap = previous ? previous.y - line.y : Number.POSITIVE_INFINITY;
      const rank = headingSizes.indexOf(rounded(line.size));
      lines.push({
        text: line.text,
        page: line.page,
        breakBefore: !previous || gap <= 0 || gap > spacing * PARAGRAPH_GAP,
        ...(rank === -1 ? {} : { fontLevel: Math.min(rank + 1, 6) }),
      });
    });
  }
  return lines;
}

function pageLines(items: readonly StructuredTextItem[], page: number): PositionedLine[] {
  const lines: PositionedLine[] = [];
  let current: PositionedLine | null = null;
  const end = () => {
    if (current && current.text.trim() !== "") lines.push({ ...current, text: current.text.trim() });
    current = null;
  };
  for (const item of items) {
    const open = current as PositionedLine | null;
    // Some PDFs never mark line ends; a jump in height starts a new line all the same.
    if (
      open &&
      Math.abs(open.y - item.y) > Math.max(open.size, item.fontSize) * 0.5 &&
      item.str.trim() !== ""
    )
      end();
    if (!current) current = { text: "", y: item.y, size: 0, page };
    const line = current as PositionedLine;
    line.text += item.str;
    if (item.str.trim() !== "") line.size = Math.max(line.size, item.fontSize);
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

function withoutRunningHeaders(pages: PositionedLine[][]): PositionedLine[][] {
  if (pages.length < 3) return pages;
  const key = (line: PositionedLine) => line.text.toLowerCase().replace(/\d+/g, "#");
  const edge = (lines: PositionedLine[]) => [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  const pagesWith = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edge(lines).map(key));
    // A line is a running header only beside other text: on a page holding nothing else (a list
    // of one numbered line per page) it is the content.
    if (!lines.some((line) => !keys.has(key(line))) && keys.size <= 1) continue;
    for (const text of keys) pagesWith.set(text, (pagesWith.get(text) ?? 0) + 1);
  }
  const repeated = (line: PositionedLine) => (pagesWith.get(key(line)) ?? 0) >= Math.max(3, pages.length / 2);
  const filtered = pages.map((lines) => {
    const edges = new Set(edge(lines));
    return lines.filter((line) => !(edges.has(line) && repeated(line)));
  });
  // Repeated lines that are all the document says are its text, not headers.
  return filtered.some((lines) => lines.length > 0) ? filtered : pages;
}

function gaps(lines: readonly PositionedLine[]): number[] {
  return lines.slice(1).map((line, index) => (lines[index]?.y ?? line.y) - line.y);
}

function mostCommonSize(lines: readonly PositionedLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) {
    const size = rounded(line.size);
    characters.set(size, (characters.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of characters) {
    if (count > bestCount) [best, bestCount] = [size, count];
  }
  return best;
}

function rounded(size: number): number {
  return Math.round(size * 2) / 2;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.POSITIVE_INFINITY;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
}
