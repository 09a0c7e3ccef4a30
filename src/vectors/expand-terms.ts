import type { WordNeighbour, WordVectorModel } from "./word-vector-model.ts";

/** Options of query-term expansion. */
export interface ExpandTermsOptions {
  /** Most neighbours added per query term. */
  perTerm?: number;
  /** Neighbours less similar than this (cosine) are not added. */
  minSimilarity?: number;
  /** Terms shorter than this are neither expanded nor added (stems like "vi", "la" carry little meaning). */
  minLength?: number;
}

/** A term added to a query: the neighbour, its similarity, and the query term it came from. */
export interface TermExpansion {
  term: string;
  similarity: number;
  source: string;
}

/**
 * The neighbours of each eligible query term: at most `perTerm`, at least `minSimilarity` similar,
 * never a query term itself, never a term with a digit or shorter than `minLength`.
 */
export function buildExpansionTable(
  model: WordVectorModel,
  terms: readonly string[],
  options: ExpandTermsOptions = {},
): Map<string, WordNeighbour[]> {
  const perTerm = options.perTerm ?? 3;
  const minSimilarity = options.minSimilarity ?? 0.5;
  const minLength = options.minLength ?? 3;
  const eligible = (term: string): boolean => term.length >= minLength && !/\d/.test(term);
  const queryTerms = new Set(terms);
  const table = new Map<string, WordNeighbour[]>();
  for (const term of queryTerms) {
    if (!eligible(term)) continue;
    // Ask for a few extra: some neighbours are filtered out below.
    const neighbours = model
      .nearest(term, perTerm + 5, minSimilarity)
      .filter((neighbour) => eligible(neighbour.term) && !queryTerms.has(neighbour.term))
      .slice(0, perTerm);
    table.set(term, neighbours);
  }
  return table;
}

/** All expansions of a query as one list, each added term once (at its highest similarity), best first. */
export function expandTerms(
  model: WordVectorModel,
  terms: readonly string[],
  options: ExpandTermsOptions = {},
): TermExpansion[] {
  const best = new Map<string, TermExpansion>();
  for (const [source, neighbours] of buildExpansionTable(model, terms, options)) {
    for (const { term, similarity } of neighbours) {
      const current = best.get(term);
      if (current === undefined || similarity > current.similarity)
        best.set(term, { term, similarity, source });
    }
  }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity || (a.term < b.term ? -1 : 1));
}
