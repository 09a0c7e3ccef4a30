import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Analyzer } from "./swedish-analyzer.ts";

/** The shipped Swedish thesaurus (see scripts/build-thesaurus.ts and the notice inside the file). */
export const DEFAULT_THESAURUS_PATH = fileURLToPath(new URL("./data/thesaurus-sv.txt.gz", import.meta.url));

/** Synonyms between analysed terms: everyday words to the words documents use, and back. */
export interface Thesaurus {
  /** Stems of the synonyms of a stem (both directions of every thesaurus entry). */
  synonyms(term: string): readonly string[];
  readonly size: number;
}

const VOWEL_VERB = /^\p{Ll}+[åeiouyäö]$/u;

/** Parses a thesaurus file (`word<TAB>synonym|synonym…`, `#` comments) into analysed terms. */
export function parseThesaurus(text: string, analyzer: Analyzer): Thesaurus {
  const links = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to) return;
    let set = links.get(from);
    if (!set) {
      set = new Set();
      links.set(from, set);
    }
    set.add(to);
  };
  // A word's first analysed term is its whole stem; a stop word has none and is skipped.
  const stemOf = (word: string) => analyzer.analyzeWords(word)[0]?.[0];
  // The stemmer leaves the present and passive of a verb ending in a vowel other than -a alone
  // ("bistå", "bistår", "bistås"); the documents use those forms, so they are linked as well.
  const stemsOf = (word: string): string[] => {
    const stems = new Set<string>();
    for (const form of VOWEL_VERB.test(word) ? [word, `${word}r`, `${word}s`] : [word]) {
      const stem = stemOf(form);
      if (stem) stems.add(stem);
    }
    return [...stems];
  };
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [headword, synonyms] = line.split("\t");
    const heads = headword ? stemsOf(headword) : [];
    if (heads.length === 0 || !synonyms) continue;
    for (const [index, head] of heads.entries()) {
      for (const form of heads.slice(index + 1)) {
        link(head, form);
        link(form, head);
      }
    }
    for (const synonym of synonyms.split("|")) {
      for (const stem of stemsOf(synonym)) {
        for (const head of heads) {
          link(head, stem);
          link(stem, head);
        }
      }
    }
  }
  return {
    synonyms: (term) => [...(links.get(term) ?? [])],
    size: links.size,
  };
}

const cache = new WeakMap<Analyzer, Thesaurus>();

/** The shipped thesaurus, analysed with `analyzer`; read on first use and cached per analyzer. */
export function loadDefaultThesaurus(analyzer: Analyzer): Thesaurus {
  let thesaurus = cache.get(analyzer);
  if (!thesaurus) {
    thesaurus = parseThesaurus(gunzipSync(readFileSync(DEFAULT_THESAURUS_PATH)).toString("utf8"), analyzer);
    cache.set(analyzer, thesaurus);
  }
  return thesaurus;
}
