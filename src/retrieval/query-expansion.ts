import type { Thesaurus } from "../text/index.ts";

/** A term added to a question, and why. */
export interface Expansion {
  term: string;
  /** The question's term it stands in for. */
  source: string;
  kind: "synonym" | "neighbour" | "acronym" | "definition";
  /** How much a match on it counts compared with the question's own term (0–1). */
  credit: number;
}

/** Nearest neighbours by meaning (word vectors); optional. */
export interface NeighbourSource {
  nearest(term: string, k: number, minSimilarity: number): readonly { term: string; similarity: number }[];
}

/** Tunables of query expansion; chosen on the dev sets (see README). */
export interface ExpansionOptions {
  synonymCredit: number;
  neighboursPerTerm: number;
  neighbourMinSimilarity: number;
}

export const DEFAULT_EXPANSION_OPTIONS: ExpansionOptions = {
  synonymCredit: 0.6,
  neighboursPerTerm: 2,
  neighbourMinSimilarity: 0.7,
};

/**
 * Stems of the negations the analyzer keeps (inte, ej, icke, ingen/inga, inget, aldrig): they have no
 * synonyms, only look-alikes ("int" of "inte" is also the stem of "inta", to capture).
 */
const NEGATIONS = new Set(["int", "ej", "ick", "ing", "inget", "aldr"]);

/**
 * Everyday words to the words documents use: thesaurus synonyms ("träffas" → "sammanträda", the
 * phrase "komma igång" in `text` → "starta") and the
 * closest word-vector neighbours above a similarity threshold. Only terms the index contains are
 * kept; digits and very short stems are never expanded.
 */
export function expandQuery(
  terms: readonly string[],
  sources: { thesaurus?: Thesaurus | undefined; neighbours?: NeighbourSource | undefined },
  isIndexed: (term: string) => boolean,
  options: ExpansionOptions = DEFAULT_EXPANSION_OPTIONS,
  text = "",
): Expansion[] {
  const own = new Set(terms);
  const best = new Map<string, Expansion>();
  const add = (expansion: Expansion) => {
    if (own.has(expansion.term) || expansion.term.length < 3 || /\d/.test(expansion.term)) return;
    // Kept per question term: "möte" may stand in for both "träffas" and "möten".
    const key = `${expansion.source}\u0000${expansion.term}`;
    const current = best.get(key);
    if (!current || current.credit < expansion.credit) best.set(key, expansion);
  };
  // "inte kommit igång" → "starta": a phrase's synonyms stand in for each of its words.
  for (const phrase of text === "" ? [] : (sources.thesaurus?.phrases(text) ?? [])) {
    for (const term of phrase.terms.filter((item) => own.has(item))) {
      for (const synonym of phrase.synonyms) {
        add({ term: synonym, source: term, kind: "synonym", credit: options.synonymCredit });
      }
    }
  }
  for (const term of own) {
    if (term.length < 3 || /\d/.test(term) || NEGATIONS.has(term)) continue;
    for (const synonym of sources.thesaurus?.synonyms(term) ?? []) {
      add({ term: synonym, source: term, kind: "synonym", credit: options.synonymCredit });
      // A synonym's synonyms bridge one more step (träffas → möte → sammanträde), at less credit.
      for (const second of sources.thesaurus?.synonyms(synonym) ?? []) {
        add({ term: second, source: term, kind: "synonym", credit: options.synonymCredit ** 2 });
      }
    }
    for (const neighbour of sources.neighbours?.nearest(
      term,
      options.neighboursPerTerm,
      options.neighbourMinSimilarity,
    ) ?? []) {
      // Neighbours are related words, not synonyms ("byggnadsnämnd" ~ "startbesked"): little credit.
      add({
        term: neighbour.term,
        source: term,
        kind: "neighbour",
        credit: Math.max(0, neighbour.similarity - 0.5),
      });
    }
  }
  return [...best.values()].filter((expansion) => isIndexed(expansion.term));
}
