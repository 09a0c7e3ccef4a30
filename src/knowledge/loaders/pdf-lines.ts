import type { PdfTextItem } from "./pdf-text-items.ts";
import type { TextLine } from "./plain-text-blocks.ts";
import { withoutRunningLines } from "./running-lines.ts";

/** A line of a PDF page with its position and the font most of its characters are set in. */
export interface PositionedLine {
  text: string;
  y: number;
  size: number;
  font: string;
  page: number;
}

const PARAGRAPH_GAP = 1.5;
const PROMINENT_SIZE = 1.15;
// Within this share of the body size a line counts as body-sized, bold or not.
const BODY_SIZE_TOLERANCE = 0.05;
// A font used for less than this share of the body-sized text is emphasis (bold, italic), not body.
const EMPHASIS_SHARE = 0.2;
const LINE_GAP_PERCENTILE = 0.2;
// Fewer paragraph gaps than this share of all gaps: paragraphs are not set apart by space.
const MIN_PARAGRAPH_GAP_SHARE = 0.05;

/**
 * Rebuilds text lines from the positioned text items of each PDF page. A vertical gap clearly
 * larger than the usual line spacing starts a new paragraph; a font clearly larger than the body,
 * or a whole line in a rarer font of body size (bold), marks a heading; running headers, footers
 * and page numbers are dropped.
 */
export function pdfLines(pages: readonly (readonly PdfTextItem[])[]): TextLine[] {
  const positioned = withoutRunningLines(pages.map((items, index) => pageLines(items, index + 1)));
  const all = positioned.flat();
  const bodySize = mostCommon(all, (line) => rounded(line.size));
  const isBodySized = (line: PositionedLine) =>
    Math.abs(line.size - bodySize) <= bodySize * BODY_SIZE_TOLERANCE;
  const bodySized = all.filter(isBodySized);
  const bodyFont = mostCommon(bodySized, (line) => line.font);
  const emphasis = emphasisFonts(bodySized, bodyFont);
  // Heading levels follow font size: the largest heading font is level 1, bold body text the lowest.
  const headingSizes = [...new Set(all.map((line) => rounded(line.size)))]
    .filter((size) => size >= bodySize * PROMINENT_SIZE)
    .sort((a, b) => b - a);
  const spacing = lineSpacing(positioned, bodySize);
  const spacedParagraphs = hasParagraphSpacing(positioned, spacing);
  const lines: TextLine[] = [];
  for (const pageLinesOfPage of positioned) {
    pageLinesOfPage.forEach((line, index) => {
      const previous = pageLinesOfPage[index - 1];
      const gap = previous ? previous.y - line.y : Number.POSITIVE_INFINITY;
      // Larger type has wider line spacing: a wrapped heading is not a paragraph break.
      const scale = Math.max(1, line.size / bodySize);
      const rank = headingSizes.indexOf(rounded(line.size));
      const fontLevel =
        rank !== -1
          ? rank + 1
          : emphasis.has(line.font) && isBodySized(line)
            ? headingSizes.length + 1
            : undefined;
      const breakBefore = !previous || gap <= 0 || gap > spacing * PARAGRAPH_GAP * scale;
      lines.push({
        text: line.text,
        page: line.page,
        breakBefore,
        // Where paragraphs are set apart by space, a line without a gap above goes on with the paragraph.
        ...(spacedParagraphs && !breakBefore ? { continuesParagraph: true } : {}),
        ...(fontLevel === undefined ? {} : { fontLevel: Math.min(fontLevel, 6) }),
      });
    });
  }
  return lines;
}

function pageLines(items: readonly PdfTextItem[], page: number): PositionedLine[] {
  const lines: PositionedLine[] = [];
  let current: { text: string; y: number; size: number; fonts: Map<string, number> } | null = null;
  const end = () => {
    const text = current?.text.trim() ?? "";
    if (current && text !== "")
      lines.push({ text, y: current.y, size: current.size, font: largest(current.fonts), page });
    current = null;
  };
  for (const item of items) {
    const open = current as typeof current;
    // Some PDFs never mark line ends; a jump in height starts a new line all the same.
    if (
      open &&
      Math.abs(open.y - item.y) > Math.max(open.size, item.fontSize) * 0.5 &&
      item.str.trim() !== ""
    )
      end();
    if (!current) current = { text: "", y: item.y, size: 0, fonts: new Map() };
    const line = current as NonNullable<typeof current>;
    line.text += item.str;
    const letters = item.str.replace(/\s+/g, "").length;
    if (letters > 0) {
      line.size = Math.max(line.size, item.fontSize);
      line.fonts.set(item.font, (line.fonts.get(item.font) ?? 0) + letters);
    }
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/** Fonts set in body size that carry only a small share of the body-sized text. */
function emphasisFonts(bodySized: readonly PositionedLine[], bodyFont: string): Set<string> {
  const characters = new Map<string, number>();
  let total = 0;
  for (const line of bodySized) {
    characters.set(line.font, (characters.get(line.font) ?? 0) + line.text.length);
    total += line.text.length;
  }
  const fonts = new Set<string>();
  for (const [font, count] of characters)
    if (font !== bodyFont && count < total * EMPHASIS_SHARE) fonts.add(font);
  return fonts;
}

function largest(counts: ReadonlyMap<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [key, count] of counts) if (count > bestCount) [best, bestCount] = [key, count];
  return best;
}

/** Gaps between consecutive lines of body size on the same page. */
function bodyGaps(pages: readonly PositionedLine[][], bodySize: number): number[] {
  const result: number[] = [];
  for (const lines of pages) {
    lines.forEach((line, index) => {
      const previous = lines[index - 1];
      if (!previous || rounded(previous.size) !== bodySize || rounded(line.size) !== bodySize) return;
      const gap = previous.y - line.y;
      if (gap > 0) result.push(gap);
    });
  }
  return result;
}

/**
 * The distance between lines inside a paragraph: a low percentile of the gaps between body lines,
 * since a report of one-line table rows has more paragraph gaps than line gaps.
 */
function lineSpacing(pages: readonly PositionedLine[][], bodySize: number): number {
  const gaps = bodyGaps(pages, bodySize).sort((a, b) => a - b);
  if (gaps.length === 0) return Number.POSITIVE_INFINITY;
  return gaps[Math.floor(gaps.length * LINE_GAP_PERCENTILE)] ?? Number.POSITIVE_INFINITY;
}

/** Whether the document sets paragraphs apart with extra space (rather than only an indent). */
function hasParagraphSpacing(pages: readonly PositionedLine[][], spacing: number): boolean {
  const gaps = pages.flatMap((lines) => lines.slice(1).map((line, index) => (lines[index]?.y ?? 0) - line.y));
  const paragraphGaps = gaps.filter((gap) => gap > spacing * PARAGRAPH_GAP).length;
  return paragraphGaps >= Math.max(2, gaps.length * MIN_PARAGRAPH_GAP_SHARE);
}

function mostCommon<T>(lines: readonly PositionedLine[], key: (line: PositionedLine) => T): T {
  const characters = new Map<T, number>();
  for (const line of lines) characters.set(key(line), (characters.get(key(line)) ?? 0) + line.text.length);
  let best: T | undefined;
  let bestCount = -1;
  for (const [value, count] of characters) if (count > bestCount) [best, bestCount] = [value, count];
  return best as T;
}

function rounded(size: number): number {
  return Math.round(size * 2) / 2;
}
