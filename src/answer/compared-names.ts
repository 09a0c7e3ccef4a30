import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import { properNames } from "../retrieval/proper-names.ts";
import type { Analyzer } from "../text/index.ts";

/** A name the question compares, with how the answer labels it. */
export interface ComparedName {
  /** Analysed form, as in `RetrievedPassage.names`. */
  term: string;
  /** The name as the question spells it, without a genitive s ("Laholms" → "Laholm"). */
  label: string;
}

/**
 * The names of a question that each lead to their own documents ("Hur skiljer sig Laholm, HälSam
 * och Norrbotten åt …"): a name counts when some retrieved passages' documents contain it and none
 * of those contain a name counted before it. Two or more such names make the question a comparison,
 * which is answered name by name. Names that share documents ("socialnämnden i Kramfors" in HälSam)
 * are one subject, not a comparison; then the result is empty.
 */
export function comparedNames(
  question: string,
  passages: readonly RetrievedPassage[],
  analyzer: Analyzer,
): ComparedName[] {
  const compared: ComparedName[] = [];
  const claimed = new Set<number>();
  for (const word of properNames(question)) {
    const term = analyzer.queryTerms(word)[0];
    if (term === undefined || compared.some((name) => name.term === term)) continue;
    const holders = passages.flatMap((passage, index) => (passage.names.includes(term) ? [index] : []));
    // A name in every passage ("Region") tells the documents apart no more than one in none.
    if (holders.length === 0 || holders.length === passages.length) continue;
    if (holders.some((index) => claimed.has(index))) continue;
    for (const index of holders) claimed.add(index);
    compared.push({ term, label: withoutGenitive(word, term, analyzer) });
  }
  return compared.length >= 2 ? compared : [];
}

function withoutGenitive(word: string, term: string, analyzer: Analyzer): string {
  if (!word.endsWith("s")) return word;
  const stripped = word.slice(0, -1);
  return analyzer.queryTerms(stripped)[0] === term ? stripped : word;
}
