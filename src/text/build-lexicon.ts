import { scanTokens } from "./tokenize.ts";

/** Limits for `buildLexicon`. */
export interface BuildLexiconOptions {
  /** Drop words seen fewer times than this (default 1: keep all). */
  minCount?: number;
  /** Keep at most this many of the most frequent words (default: no limit). */
  maxWords?: number;
}

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Counts lower-case words (letters only, two or more) over tokenised texts; the result is
 * ordered by falling frequency, ties alphabetically, so equal input gives an equal map.
 */
export function buildLexicon(
  texts: Iterable<string>,
  options: BuildLexiconOptions = {},
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    scanTokens(text, (value) => {
      if (value.length < 2) return;
      const word = value.toLowerCase();
      const seen = counts.get(word);
      if (seen !== undefined) counts.set(word, seen + 1);
      else if (LETTERS_ONLY.test(word)) counts.set(word, 1);
    });
  }
  const minCount = options.minCount ?? 1;
  const kept = [...counts].filter(([, count]) => count >= minCount);
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(kept.slice(0, options.maxWords ?? kept.length));
}

/** Merges lexicons by adding counts, e.g. the shipped one and one built from the knowledge base. */
export function mergeLexicons(...lexicons: ReadonlyArray<ReadonlyMap<string, number>>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const lexicon of lexicons) {
    for (const [word, count] of lexicon) merged.set(word, (merged.get(word) ?? 0) + count);
  }
  return merged;
}
