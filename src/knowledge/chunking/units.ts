import { splitSentenceSpans } from "../split-sentences.ts";
import { countWords, type Section } from "./sections.ts";

/** The smallest piece a chunk is built from: a heading, a sentence, or part of an over-long sentence. */
export interface Unit {
  start: number;
  end: number;
  words: number;
  heading: boolean;
  /** Part of a sentence that had to be cut because it alone exceeds the chunk limits. */
  forced: boolean;
  /** Index of the section within its group; overlap never crosses sections. */
  section: number;
  page: number | null;
}

/** Limits a single unit must respect so that any chunk can hold it. */
export interface UnitLimits {
  maxWords: number;
  maxCharacters: number;
}

/** Breaks a run of sections into headings and sentences with document offsets. */
export function sectionUnits(sections: readonly Section[], text: string, limits: UnitLimits): Unit[] {
  const units: Unit[] = [];
  sections.forEach((section, sectionIndex) => {
    for (const block of section.blocks) {
      const base = { section: sectionIndex, page: block.page, forced: false };
      if (block.kind === "heading") {
        units.push({
          ...base,
          start: block.start,
          end: block.end,
          words: countWords(block.text),
          heading: true,
        });
        continue;
      }
      for (const sentence of splitSentenceSpans(block.text)) {
        const start = block.start + sentence.start;
        const piece = { ...base, start, end: start + sentence.text.length, heading: false };
        units.push(...fitUnit({ ...piece, words: countWords(sentence.text) }, text, limits));
      }
    }
  });
  return units;
}

/**
 * Cuts an over-long sentence at commas or semicolons, and as a last resort between words. A single
 * "word" longer than a whole chunk (a base64 image, a minified script) is left out: no one can
 * read or search it, and a passage cannot hold it.
 */
function fitUnit(unit: Unit, text: string, limits: UnitLimits): Unit[] {
  if (unit.words <= limits.maxWords && unit.end - unit.start <= limits.maxCharacters) return [unit];
  // Word k runs from boundaries[k] + 1 to boundaries[k + 1]; block text has single spaces.
  const boundaries = [unit.start - 1];
  for (let index = unit.start; index < unit.end; index++)
    if (text.charAt(index) === " ") boundaries.push(index);
  boundaries.push(unit.end);
  const pieces: Unit[] = [];
  let first = 0;
  while (first < boundaries.length - 1) {
    const start = (boundaries[first] ?? 0) + 1;
    let fits = first + 1;
    let clause = -1;
    for (let last = first + 1; last < boundaries.length; last++) {
      const end = boundaries[last] ?? unit.end;
      if (last > first + 1 && (last - first > limits.maxWords || end - start > limits.maxCharacters)) break;
      fits = last;
      if (/[,;:]/.test(text.charAt(end - 1))) clause = last;
    }
    // Prefer a clause boundary unless it would leave a piece much shorter than the limit.
    const cut =
      fits < boundaries.length - 1 && clause > first && clause - first >= (fits - first) / 2 ? clause : fits;
    const end = boundaries[cut] ?? unit.end;
    if (end - start <= limits.maxCharacters)
      pieces.push({ ...unit, start, end, forced: true, words: cut - first });
    first = cut;
  }
  return pieces;
}
