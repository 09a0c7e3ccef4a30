import type { KeywordIndex } from "../index/keyword-index.ts";
import type { RetrievalResult } from "../retrieval/hybrid-retriever.ts";
import { properNames } from "../retrieval/proper-names.ts";
import type { Analyzer } from "../text/index.ts";
import { isSpecificBody, type QueryWord, weighQueryWords, withoutQuestionFrame } from "./query-words.ts";

/**
 * The question's content words as an answer must cover them: weighted by IDF, with the synonyms
 * and neighbours retrieval found as partial matches, and names and specific bodies marked as focus.
 */
export function questionWords(
  question: string,
  retrieval: RetrievalResult,
  analyzer: Analyzer,
  keywords: KeywordIndex,
): QueryWord[] {
  const alternatives = new Map<string, Map<string, number>>();
  for (const expansion of retrieval.expansions) {
    if (expansion.kind !== "synonym" && expansion.kind !== "neighbour") continue;
    const forSource = alternatives.get(expansion.source) ?? new Map<string, number>();
    forSource.set(expansion.term, Math.max(forSource.get(expansion.term) ?? 0, expansion.credit));
    alternatives.set(expansion.source, forSource);
  }
  const words = analyzer.analyzeWords(withoutQuestionFrame(question));
  const names = new Set(properNames(question).map((name) => analyzer.analyzeWords(name)[0]?.[0]));
  const focus = new Set(
    words.map(([whole]) => whole ?? "").filter((whole) => names.has(whole) || isSpecificBody(whole)),
  );
  return weighQueryWords(
    words,
    (terms) => keywords.documentFrequencies(terms),
    (term) => alternatives.get(term) ?? new Map(),
    focus,
  );
}
