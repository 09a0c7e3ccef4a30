import { collapseWhitespace } from "./assemble-document.ts";
import { isHeadingLike, numberedHeadingLevel } from "./heading-heuristics.ts";
import type { RawBlock } from "./parsed-document.ts";

/** One physical line of plain text, as read from a file or a PDF page. */
export interface TextLine {
  text: string;
  /** A blank line (or a page or paragraph gap) precedes this line. */
  breakBefore: boolean;
  page: number | null;
  /** Set by the PDF loader when the line is set in a clearly larger font than the body (1 for the largest) or bold. */
  fontLevel?: number;
  /** Set by the PDF loader when the layout shows the line goes on with the paragraph above (no gap). */
  continuesParagraph?: boolean;
}

interface LogicalLine {
  text: string;
  /** The last characters of `text`: the joining rules look only at the end, and `text` grows. */
  tail: string;
  lastLineLength: number;
  bullet: boolean;
  /** First line after a blank line, or after a line that ends a sentence. */
  standsAlone: boolean;
  fontLevel: number | undefined;
  page: number | null;
  /** Begins inside a paragraph: no blank line before it, and not the first line. */
  midParagraph: boolean;
  /** Physical lines joined into it. */
  lineCount: number;
}

const BULLET = /^(?:[-–•*▪◦●■□➢►\uf0b7\uf0a7\uf0d8]|o(?=\s))\s+(.*)$/u;
const SENTENCE_END = /[.!?:;…]["'”’»)\]]*$/;
const WRAP_LENGTH = 60;
// A wrapped line often ends on a word that cannot end a Swedish sentence or heading.
const FUNCTION_WORD_AT_END =
  /\s(?:och|eller|samt|i|av|för|med|till|på|om|att|som|en|ett|de|den|det|från|vid|under|inom|mellan|efter|genom|hos|mot|utan|än|där|när|så|ska|kan|har|är)$/iu;
const STARTS_LOWERCASE = /^[\p{Ll}]/u;
const CONJUNCTION_AFTER_HYPHEN = /^(?:och|eller|samt|till)\s/u;
/** Headings in larger or bold type it takes to trust the fonts rather than the wording. */
const MIN_FONT_HEADINGS = 3;
/** Longer than any ending the joining rules test for (a function word, closing quotes). */
const TAIL_LENGTH = 64;

/** Splits plain text into lines, marking the ones that follow a blank line. */
export function linesFromText(text: string, page: number | null = null): TextLine[] {
  const lines: TextLine[] = [];
  let pendingBreak = true;
  for (const raw of text.split(/\r\n|\r|\n|\f/)) {
    const trimmed = raw.replace(/[\t\u00a0]/g, " ").trim();
    if (trimmed === "") {
      pendingBreak = true;
      continue;
    }
    lines.push({ text: trimmed, breakBefore: pendingBreak, page });
    pendingBreak = false;
  }
  return lines;
}

/**
 * Turns lines of plain text (a .txt file, converted Markdown, or PDF pages) into blocks: joins
 * lines wrapped at a fixed width back into paragraphs, recognises bullets, and finds headings —
 * short lines without sentence punctuation that introduce body text.
 */
export function plainTextBlocks(lines: readonly TextLine[]): RawBlock[] {
  const logical = joinWrappedLines(lines);
  const numbered = logical.map((line) => (line.bullet ? null : numberedHeadingLevel(line.text)));
  const candidate = logical.map(
    (line, index) =>
      !line.bullet &&
      (line.standsAlone || numbered[index] !== null) &&
      isHeadingLike(line.text, { firstLine: index === 0 }),
  );
  // A PDF that sets its headings in larger or bold type shows which lines are headings; its
  // short lines in body type are list entries or table cells.
  const fontMarked = logical.filter((line) => line.fontLevel !== undefined).length >= MIN_FONT_HEADINGS;
  const blocks: RawBlock[] = [];
  let lastNumberedLevel: number | null = null;
  logical.forEach((line, index) => {
    const byFont = fontMarked
      ? numbered[index] !== null
      : introducesBody(logical, candidate, numbered, index);
    const heading = candidate[index] === true && (line.fontLevel !== undefined || byFont);
    if (line.bullet) {
      blocks.push({ kind: "list-item", text: line.text, page: line.page });
    } else if (!heading) {
      blocks.push({ kind: "paragraph", text: line.text, page: line.page });
    } else {
      const number = numbered[index] ?? null;
      if (number !== null) lastNumberedLevel = number;
      const level = number ?? line.fontLevel ?? (blocks.length === 0 ? 1 : (lastNumberedLevel ?? 1) + 1);
      blocks.push({ kind: "heading", text: line.text, level: Math.min(level, 6), page: line.page });
    }
  });
  return blocks;
}

/**
 * Joins wrapped lines. A paragraph's parts are kept apart until the end and the rules read only
 * its tail: testing the whole growing text at every line made a long paragraph quadratic.
 */
function joinWrappedLines(lines: readonly TextLine[]): LogicalLine[] {
  const logical: LogicalLine[] = [];
  const parts: string[][] = [];
  const hyphens: HyphenJoin[] = [];
  lines.forEach((line, index) => {
    const bullet = BULLET.exec(line.text);
    const previous = logical.at(-1);
    const fontLevel = line.fontLevel;
    if (previous && !bullet && continuesPrevious(previous, line, lines[index + 1])) {
      const joiner = joinerBetween(previous.tail, line.text);
      const paragraph = parts.at(-1) ?? [];
      if (joiner === "") hyphens.push(hyphenJoin(paragraph, parts.length - 1, previous.tail, line.text));
      paragraph.push(joiner, line.text);
      previous.tail = (previous.tail + joiner + line.text).slice(-TAIL_LENGTH);
      previous.lastLineLength = line.text.length;
      previous.lineCount += 1;
      return;
    }
    const text = bullet ? (bullet[1] ?? "") : line.text;
    const standsAlone =
      line.breakBefore || !previous || SENTENCE_END.test(previous.tail) || previous.fontLevel !== fontLevel;
    parts.push([text]);
    logical.push({
      text: "",
      tail: text.slice(-TAIL_LENGTH),
      lastLineLength: line.text.length,
      bullet: !!bullet,
      standsAlone,
      fontLevel,
      page: line.page,
      midParagraph: !line.breakBefore && previous !== undefined,
      lineCount: 1,
    });
  });
  dropLineBreakHyphens(hyphens, parts, lines);
  logical.forEach((line, index) => {
    line.text = parts[index]?.join("") ?? "";
  });
  return logical;
}

/** A word split by a hyphen at a line end: where the hyphen is and the word with and without it. */
interface HyphenJoin {
  paragraph: number;
  part: number;
  joined: string;
  soft: boolean;
}

const WORD_BEFORE_HYPHEN = /(\p{L}+)[-\u00ad]$/u;
const WORD_AFTER = /^\p{L}+/u;

function hyphenJoin(paragraph: string[], index: number, tail: string, next: string): HyphenJoin {
  return {
    paragraph: index,
    part: paragraph.length - 1,
    joined: `${WORD_BEFORE_HYPHEN.exec(tail)?.[1] ?? ""}${WORD_AFTER.exec(next)?.[0] ?? ""}`.toLowerCase(),
    soft: tail.endsWith("\u00ad"),
  };
}

/**
 * "samverkans-" + "beredningen" is one word broken by hyphenation when the document writes
 * "samverkansberedningen" elsewhere (or the hyphen is a soft one); otherwise the hyphen is kept,
 * since "januari-mars" and "Samhälls-byggnadskontoret" may be written that way on purpose.
 */
function dropLineBreakHyphens(
  hyphens: readonly HyphenJoin[],
  parts: string[][],
  lines: readonly TextLine[],
): void {
  if (hyphens.length === 0) return;
  const words = new Set<string>();
  for (const line of lines)
    for (const word of line.text.toLowerCase().match(/\p{L}+/gu) ?? []) words.add(word);
  for (const hyphen of hyphens) {
    if (!hyphen.soft && !words.has(hyphen.joined)) continue;
    const paragraph = parts[hyphen.paragraph];
    const part = paragraph?.[hyphen.part];
    if (paragraph && part !== undefined) paragraph[hyphen.part] = part.slice(0, -1);
  }
}

function continuesPrevious(previous: LogicalLine, line: TextLine, next: TextLine | undefined): boolean {
  if (previous.fontLevel !== line.fontLevel) return false;
  // A heading in a large or bold font wraps like body text: same font, no gap, no sentence end; a
  // section number starts the next heading.
  if (line.fontLevel !== undefined && !line.breakBefore)
    return !SENTENCE_END.test(previous.tail) && numberedHeadingLevel(line.text) === null;
  if (line.continuesParagraph) return true;
  const previousEndsSentence = SENTENCE_END.test(previous.tail);
  // Text broken by a blank line (or a page) mid-sentence continues in lower case.
  // Across a page break, "… samt" + "Trygghet och folkhälsa." is one sentence too.
  const pageBreak = line.page !== null && previous.page !== null && line.page !== previous.page;
  const wordAtEnd = pageBreak && FUNCTION_WORD_AT_END.test(previous.tail);
  if (line.breakBefore)
    return (
      !previousEndsSentence &&
      (STARTS_LOWERCASE.test(line.text) || wordAtEnd || /\p{L}-$/u.test(previous.tail))
    );
  if (STARTS_LOWERCASE.test(line.text)) return true;
  if (/\p{L}[-\u00ad]$/u.test(previous.tail)) return true;
  if (previousEndsSentence) return false;
  // "… Välmående ger resultat" + "(VGR)." — an opening parenthesis goes on with the sentence.
  if (line.text.startsWith("(")) return true;
  // A narrow table cell wraps a sentence into short lines, some capitalised ("Samordna och genomföra
  // utvecklingsarbetet" / "Välmående ger resultat" / "(VGR)."): already wrapped inside a paragraph
  // at a narrow width, a line that ends the sentence (itself or with the next line) continues it.
  if (isNarrowWrap(previous) && endsSentenceSoon(line, next)) return true;
  return FUNCTION_WORD_AT_END.test(previous.tail) || previous.lastLineLength >= WRAP_LENGTH;
}

/** Lines of a table cell are short; a heading is one line, or wraps near the full width. */
const NARROW_LINE = 30;

function isNarrowWrap(previous: LogicalLine): boolean {
  return previous.midParagraph && previous.lineCount > 1 && previous.lastLineLength <= NARROW_LINE;
}

function endsSentenceSoon(line: TextLine, next: TextLine | undefined): boolean {
  if (SENTENCE_END.test(line.text)) return true;
  return next !== undefined && !next.breakBefore && next.text.startsWith("(") && SENTENCE_END.test(next.text);
}

/** What goes between two joined lines: "januari-\nmars" is one word; "hälso-\noch sjukvård" keeps its space. */
function joinerBetween(previousTail: string, next: string): string {
  if (/\p{L}\u00ad$/u.test(previousTail)) return "";
  const oneWord =
    /\p{L}-$/u.test(previousTail) && STARTS_LOWERCASE.test(next) && !CONJUNCTION_AFTER_HYPHEN.test(next);
  return oneWord ? "" : " ";
}

/**
 * A numbered heading is kept when anything follows it; an unnumbered candidate only when body
 * text follows, possibly after a few unnumbered sub-headings. This drops signatures, table
 * headers over rows of figures and page footers.
 */
function introducesBody(
  logical: readonly LogicalLine[],
  candidate: readonly boolean[],
  numbered: readonly (number | null)[],
  index: number,
): boolean {
  if (numbered[index] !== null) return index + 1 < logical.length;
  // "Prioriterade områden är:" followed by bullets introduces the list, not a section.
  if (logical[index]?.text.endsWith(":") && logical[index + 1]?.bullet) return false;
  for (let next = index + 1; next <= index + 3 && next < logical.length; next++) {
    const line = logical[next];
    if (!line || numbered[next] !== null) return false;
    if (!candidate[next]) return isBody(line);
  }
  return false;
}

function isBody(line: LogicalLine): boolean {
  if (line.bullet) return true;
  const words = collapseWhitespace(line.text)
    .split(" ")
    .filter((word) => /\p{L}/u.test(word)).length;
  return words >= 6 || (words >= 3 && SENTENCE_END.test(line.text));
}
