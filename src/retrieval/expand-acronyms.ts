import type { CatalogAcronym } from "../index/catalog.ts";
import type { Analyzer } from "../text/index.ts";
import { askedTerm } from "./asked-term.ts";

/**
 * Query terms added for acronyms learned from the corpus: "HSN" in a question adds the analysed
 * long form ("hälso- och sjukvårdsnämnden"), and a long form in a question adds the acronym.
 */
export function expandAcronyms(
  question: string,
  acronyms: readonly CatalogAcronym[],
  analyzer: Analyzer,
): string[] {
  if (acronyms.length === 0) return [];
  const words = new Set(question.match(/[\p{L}\p{N}]+/gu)?.map((word) => word.toLowerCase()) ?? []);
  const questionTerms = new Set(analyzer.queryTerms(question));
  const added = new Set<string>();
  for (const { acronym, longForm } of acronyms) {
    const longTerms = analyzer.queryTerms(longForm);
    if (words.has(acronym.toLowerCase())) {
      for (const term of longTerms) added.add(term);
    } else if (longTerms.length > 0 && longTerms.every((term) => questionTerms.has(term))) {
      for (const term of analyzer.queryTerms(acronym)) added.add(term);
    }
  }
  return [...added];
}

/**
 * Swedish regulations define terms as "Med X avses …"; a question asking what something means
 * (see `askedTerm`) searches for that word too.
 */
export function definitionCue(question: string, analyzer: Analyzer): string[] {
  return askedTerm(question) === null ? [] : analyzer.queryTerms("avses");
}
