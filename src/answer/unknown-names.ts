import { properNames } from "../retrieval/proper-names.ts";
import type { Analyzer } from "../text/index.ts";
import { askingSentences, questionParts } from "./question-parts.ts";

/**
 * Capitalised words in the question (names of places, bodies, people) that no indexed passage
 * contains. "Region Västerbotten" in a knowledge base about Norrbotten means the question is about
 * something the documents do not cover, however well the other words match.
 */
export function unknownNames(
  question: string,
  termsOf: (text: string) => string[],
  isKnown: (term: string) => boolean,
): string[] {
  const unknown: string[] = [];
  for (const word of properNames(question)) {
    if (!/^\p{Lu}\p{Ll}/u.test(word) || word.length < 3) continue;
    // The first term is the whole word's stem; compound parts ("väster" + "botten") do not make a name known.
    const [whole] = termsOf(word);
    if (whole !== undefined && !isKnown(whole)) unknown.push(word);
  }
  return unknown;
}

/** A name in this share of all documents or more is a common word capitalised ("Region", "Kommun"). */
const COMMON_NAME_SHARE = 0.5;

/**
 * The question's most specific name when none of the documents the answer cites contains it:
 * "Region Västerbotten" answered from Norrbotten's agreement, in a knowledge base where other
 * documents (statutes) do mention Västerbotten. Only the asking sentence of a one-part question
 * counts, not a scene set before it; a compound name is contained when all its parts are ("Laholmsnämnden" in "Lokala
 * nämnden i Laholm").
 */
export function nameMissingFromSources(
  question: string,
  citedDocumentIds: ReadonlySet<string>,
  analyzer: Pick<Analyzer, "analyzeWords">,
  documentsContaining: (term: string) => ReadonlySet<string>,
  documentCount: number,
): string | null {
  if (citedDocumentIds.size === 0 || documentCount === 0) return null;
  const text = singleAskedClause(question);
  if (text === null) return null;
  let rarest: { name: string; terms: string[]; documents: number } | null = null;
  for (const word of properNames(text)) {
    if (word.length < 3) continue;
    const [terms] = analyzer.analyzeWords(word);
    const whole = terms?.[0];
    if (!terms || whole === undefined) continue;
    const documents = documentsContaining(whole).size;
    if (documents === 0 || documents >= COMMON_NAME_SHARE * documentCount) continue;
    if (!rarest || documents < rarest.documents) rarest = { name: word, terms, documents };
  }
  if (!rarest) return null;
  return citedDocumentsName(rarest.terms, citedDocumentIds, documentsContaining) ? null : rarest.name;
}

/**
 * The asking sentences of a question (its scene left out), or null when they ask more than one
 * thing: each part of "Sedan när driver nämnderna X, och vad budgeterade Laholmsnämnden?" may rest
 * on other documents, so an answer to one part need not name the other's.
 */
export function singleAskedClause(question: string): string | null {
  const asking = askingSentences(question);
  const text = asking.length > 0 ? asking.join(" ") : question;
  return questionParts(text).length > 1 ? null : text;
}

/**
 * Whether a cited document contains an analysed word (`[whole, ...parts]`): the word itself, or all
 * of its compound parts ("Laholmsnämnden" in "Lokala nämnden i Laholm").
 */
export function citedDocumentsName(
  [whole, ...parts]: readonly string[],
  citedDocumentIds: ReadonlySet<string>,
  documentsContaining: (term: string) => ReadonlySet<string>,
): boolean {
  const cited = (term: string) => [...documentsContaining(term)].some((id) => citedDocumentIds.has(id));
  return (whole !== undefined && cited(whole)) || (parts.length > 0 && parts.every(cited));
}
