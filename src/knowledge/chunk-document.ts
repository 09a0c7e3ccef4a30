import { type Section, splitSections } from "./chunking/sections.ts";
import { sectionUnits, type Unit } from "./chunking/units.ts";
import type { Chunk, ChunkSection, LoadedDocument } from "./document.ts";

/**
 * Bump whenever loading or chunking turns the same file into different passages (a loader's line
 * joining, the chunk sizes), so the next ingest reads every document again.
 */
export const CHUNKING_VERSION = "3";

/** Size settings of the chunker; words are counted between spaces. */
export interface ChunkOptions {
  /** Preferred chunk size; a long section is cut into chunks of about this size. Default 150. */
  targetWords?: number;
  /** Hard limit per chunk (only a single over-long word can exceed it). Default 220. */
  maxWords?: number;
  /** Hard limit in characters; passages are shown cut at 1,500. Default 1,400. */
  maxCharacters?: number;
  /** Sentences repeated at the start of the next chunk of the same section. Default 1. */
  overlapSentences?: number;
  /** Sections smaller than this merge with the next sibling section. Default 40. */
  minSectionWords?: number;
}

const DEFAULTS: Required<ChunkOptions> = {
  targetWords: 150,
  maxWords: 220,
  maxCharacters: 1_400,
  overlapSentences: 1,
  minSectionWords: 40,
};
// An overlap longer than this share of the target would mostly repeat the previous chunk.
const MAX_OVERLAP_SHARE = 0.4;

/**
 * Cuts a document into retrievable passages that follow its structure: chunks stay within a
 * section (small sections join the next sibling), split long sections between sentences, repeat
 * the last sentence of the previous chunk of the same section, and keep heading path and page.
 */
export function chunkDocument(document: LoadedDocument, options: ChunkOptions = {}): Chunk[] {
  const settings = { ...DEFAULTS, ...options };
  const chunks: Chunk[] = [];
  // Pieces holding nothing but headings are left out, unless the document has nothing else.
  const headingOnly: Chunk[] = [];
  for (const group of mergeSmallSections(splitSections(document), settings)) {
    const units = sectionUnits(group, document.text, {
      maxWords: settings.maxWords,
      maxCharacters: settings.maxCharacters,
    });
    for (const piece of packUnits(units, settings)) {
      const first = piece[0];
      const last = piece.at(-1);
      if (!first || !last) continue;
      const target = piece.every((unit) => unit.heading) ? headingOnly : chunks;
      const ordinal = target.length;
      const sections = sectionsOf(piece, group, first.start);
      target.push({
        id: `${document.id}#${ordinal}`,
        documentId: document.id,
        ordinal,
        text: document.text.slice(first.start, last.end),
        headingPath: group[mainSection(piece)]?.path ?? [],
        ...(sections.length > 1 ? { sections } : {}),
        page: first.page,
        start: first.start,
        end: last.end,
      });
    }
  }
  return chunks.length > 0 ? chunks : headingOnly;
}

/** The section contributing most words to a chunk (the first on a tie): its headings describe the chunk. */
function mainSection(piece: readonly Unit[]): number {
  const words = new Map<number, number>();
  for (const unit of piece) words.set(unit.section, (words.get(unit.section) ?? 0) + unit.words);
  let best = piece[0]?.section ?? 0;
  for (const [section, count] of words) if (count > (words.get(best) ?? 0)) best = section;
  return best;
}

/** Where each section of the group begins inside a piece, relative to the piece's start. */
function sectionsOf(piece: readonly Unit[], group: readonly Section[], start: number): ChunkSection[] {
  const sections: ChunkSection[] = [];
  let previous = -1;
  for (const unit of piece) {
    if (unit.section === previous) continue;
    previous = unit.section;
    sections.push({ start: unit.start - start, headingPath: group[unit.section]?.path ?? [] });
  }
  return sections;
}

/** Joins each section smaller than the minimum with the sections that follow it under the same parent. */
function mergeSmallSections(sections: readonly Section[], settings: Required<ChunkOptions>): Section[][] {
  const groups: Section[][] = [];
  let index = 0;
  while (index < sections.length) {
    const group = [sections[index] as Section];
    let words = group[0]?.words ?? 0;
    let bodyWords = group[0]?.bodyWords ?? 0;
    index++;
    while (index < sections.length && words < settings.minSectionWords) {
      const next = sections[index] as Section;
      const parent = (group.at(-1)?.path ?? []).slice(0, -1);
      if (!parent.every((heading, depth) => next.path[depth] === heading)) break;
      // A section with text of its own stays alone rather than push its neighbour over the limit.
      if (bodyWords > 0 && words + next.words > settings.maxWords) break;
      group.push(next);
      words += next.words;
      bodyWords += next.bodyWords;
      index++;
    }
    groups.push(group);
  }
  return groups;
}

/** Packs units into chunks of about the target size, evenly, never above the limits. */
function packUnits(units: readonly Unit[], settings: Required<ChunkOptions>): Unit[][] {
  const totalWords = units.reduce((sum, unit) => sum + unit.words, 0);
  // A section that fits in one chunk stays whole; a longer one is cut into equal parts.
  const parts = totalWords <= settings.maxWords ? 1 : Math.ceil(totalWords / settings.targetWords);
  const target = totalWords / parts;
  const pieces: Unit[][] = [];
  let current: Unit[] = [];
  let words = 0;
  // Words repeated from the previous chunk do not count towards the target, only the limits.
  let carriedWords = 0;
  for (const unit of units) {
    const first = current[0];
    const overLimit =
      first !== undefined &&
      (words + unit.words > settings.maxWords || unit.end - first.start > settings.maxCharacters);
    const lastIsHeading = current.at(-1)?.heading === true;
    if (overLimit || (words - carriedWords >= target && !lastIsHeading)) {
      const carried = carryOver(current, unit, settings);
      pieces.push(current.slice(0, current.length - carried.trailingHeadings));
      current = carried.units;
      words = current.reduce((sum, kept) => sum + kept.words, 0);
      carriedWords = carried.trailingHeadings > 0 ? 0 : words;
    }
    current.push(unit);
    words += unit.words;
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/** What the next chunk starts with: headings left at the end of the closed one, or an overlap sentence. */
function carryOver(
  closed: readonly Unit[],
  next: Unit,
  settings: Required<ChunkOptions>,
): { units: Unit[]; trailingHeadings: number } {
  let trailingHeadings = 0;
  while (trailingHeadings < closed.length - 1 && closed[closed.length - 1 - trailingHeadings]?.heading) {
    trailingHeadings++;
  }
  const headings = closed.slice(closed.length - trailingHeadings);
  const headingWords = headings.reduce((sum, unit) => sum + unit.words, 0);
  const headingsFit =
    headingWords + next.words <= settings.maxWords &&
    next.end - (headings[0]?.start ?? next.start) <= settings.maxCharacters;
  if (trailingHeadings > 0 && headingsFit) return { units: headings, trailingHeadings };
  if (trailingHeadings > 0) return { units: [], trailingHeadings: 0 };
  const overlap: Unit[] = [];
  let words = 0;
  for (let index = closed.length - 1; index >= 0 && overlap.length < settings.overlapSentences; index--) {
    const unit = closed[index] as Unit;
    if (unit.heading || unit.forced || unit.section !== next.section || index === 0) break;
    const tooBig =
      words + unit.words > settings.targetWords * MAX_OVERLAP_SHARE ||
      words + unit.words + next.words > settings.maxWords ||
      next.end - unit.start > settings.maxCharacters;
    if (tooBig) break;
    overlap.unshift(unit);
    words += unit.words;
  }
  return { units: overlap, trailingHeadings: 0 };
}
