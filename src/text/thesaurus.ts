import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Analyzer } from "./swedish-analyzer.ts";

/** The shipped Swedish thesaurus (see scripts/build-thesaurus.ts and the notice inside the file). */
export const DEFAULT_THESAURUS_PATH = fileURLToPath(new URL("./data/thesaurus-sv.txt.gz", import.meta.url));

/** An everyday phrase found in a text ("inte kommit igång") and the words documents use for it. */
export interface PhraseMatch {
  /** Stems of the text's own content words in the phrase ("kommit", "igång"). */
  terms: string[];
  /** Stems of the phrase's one-word synonyms ("börj", "start"). */
  synonyms: readonly string[];
}

/** Synonyms between analysed terms: everyday words to the words documents use, and back. */
export interface Thesaurus {
  /** Stems of the synonyms of a stem (both directions of every thesaurus entry). */
  synonyms(term: string): readonly string[];
  /** The thesaurus's phrases of two or three words in a text, with their one-word synonyms. */
  phrases(text: string): PhraseMatch[];
  readonly size: number;
}

/** A phrase's words: a content word by its stem (any inflection), a small word as written. */
interface Phrase {
  words: { stem: string | null; literal: string }[];
  synonyms: string[];
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
  const phrases = new Map<string, Phrase[]>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [headword, synonyms] = line.split("\t");
    if (headword?.includes(" ") && synonyms) {
      const words = headword.split(" ").map((literal) => ({ stem: stemOf(literal) ?? null, literal }));
      const first = words[0];
      if (!first || !words.some((word) => word.stem !== null)) continue;
      const phrase = { words, synonyms: synonyms.split("|").flatMap(stemsOf) };
      const key = phraseKey(first.stem ?? first.literal);
      phrases.set(key, [...(phrases.get(key) ?? []), phrase]);
      continue;
    }
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
    phrases: (text) => findPhrases(text, phrases, stemOf),
    size: links.size,
  };
}

/** Phrases are looked up by the first letters of their first word. */
const phraseKey = (word: string) => word.slice(0, 3);

function findPhrases(
  text: string,
  phrases: ReadonlyMap<string, Phrase[]>,
  stemOf: (word: string) => string | undefined,
): PhraseMatch[] {
  if (phrases.size === 0) return [];
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const matches: PhraseMatch[] = [];
  tokens.forEach((token, start) => {
    for (const phrase of phrases.get(phraseKey(token)) ?? []) {
      // "kommit igång" for "komma igång": a content word matches any form beginning with its stem.
      const matched = phrase.words.every((word, offset) => {
        const candidate = tokens[start + offset];
        if (candidate === undefined) return false;
        return word.stem === null ? candidate === word.literal : candidate.startsWith(word.stem);
      });
      if (!matched) continue;
      const terms = tokens
        .slice(start, start + phrase.words.length)
        .map((token) => stemOf(token))
        .filter((term): term is string => term !== undefined);
      if (terms.length > 0) matches.push({ terms, synonyms: phrase.synonyms });
    }
  });
  return matches;
}

const cache = new WeakMap<Analyzer, Thesaurus>();

/**
 * The shipped thesaurus, analysed with `analyzer`; cached per analyzer and read on its first use,
 * not here: parsing it takes ~0.6 s, which `npm run ingest` and the other commands that never
 * expand a question need not pay.
 */
export function loadDefaultThesaurus(analyzer: Analyzer): Thesaurus {
  let thesaurus = cache.get(analyzer);
  if (!thesaurus) {
    let parsed: Thesaurus | undefined;
    const read = () => {
      parsed ??= parseThesaurus(gunzipSync(readFileSync(DEFAULT_THESAURUS_PATH)).toString("utf8"), analyzer);
      return parsed;
    };
    thesaurus = {
      synonyms: (term) => read().synonyms(term),
      phrases: (text) => read().phrases(text),
      get size() {
        return read().size;
      },
    };
    cache.set(analyzer, thesaurus);
  }
  return thesaurus;
}
