import type { CatalogAcronym } from "../index/catalog.ts";
import type { Analyzer } from "../text/index.ts";
import { askedTerm } from "./asked-term.ts";

/** An acronym learned from the corpus with its analysed forms, worked out once per ingest. */
export interface AnalysedAcronym {
  /** The acronym in lower case, as the question's words are compared. */
  word: string;
  /** Analysed terms of the long form. */
  longTerms: string[];
  /** Analysed terms of the acronym itself. */
  acronymTerms: string[];
}

/** Analyses the corpus's acronyms once, instead of all of them for every question. */
export function analyseAcronyms(acronyms: readonly CatalogAcronym[], analyzer: Analyzer): AnalysedAcronym[] {
  return acronyms.map(({ acronym, longForm }) => ({
    word: acronym.toLowerCase(),
    longTerms: analyzer.queryTerms(longForm),
    acronymTerms: analyzer.queryTerms(acronym),
  }));
}

/**
 * Query terms added for acronyms learned from the corpus: "HSN" in a question adds the analysed
 * long form ("hälso- och sjukvårdsnämnden"), and a long form in a question adds the acronym.
 */
export function expandAcronyms(
  question: string,
  acronyms: readonly AnalysedAcronym[],
  analyzer: Analyzer,
): string[] {
  if (acronyms.length === 0) return [];
  const words = new Set(question.match(/[\p{L}\p{N}]+/gu)?.map((word) => word.toLowerCase()) ?? []);
  const questionTerms = new Set(analyzer.queryTerms(question));
  const added = new Set<string>();
  for (const { word, longTerms, acronymTerms } of acronyms) {
    if (words.has(word)) {
      for (const term of longTerms) added.add(term);
    } else if (longTerms.length > 0 && longTerms.every((term) => questionTerms.has(term))) {
      for (const term of acronymTerms) added.add(term);
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
