import type { KeywordIndex } from "../index/keyword-index.ts";
import type { RetrievalResult } from "../retrieval/hybrid-retriever.ts";
import { properNames } from "../retrieval/proper-names.ts";
import {
  type Analyzer,
  lightVerbs,
  particleVerbs,
  reportPeriods,
  withoutYearAnchors,
} from "../text/index.ts";
import {
  isSpecificBody,
  type QueryWord,
  totalWeight,
  weighQueryWords,
  withoutQuestionFrame,
} from "./query-words.ts";
import { askingSentences, questionSentences } from "./question-parts.ts";

/**
 * The question's content words as an answer must cover them: weighted by IDF, with the synonyms
 * and neighbours retrieval found as partial matches, and names and specific bodies marked as focus.
 */
export function questionWords(
  question: string,
  retrieval: RetrievalResult,
  analyzer: Analyzer,
  keywords: Pick<KeywordIndex, "documentFrequencies">,
): QueryWord[] {
  const alternatives = new Map<string, Map<string, number>>();
  for (const expansion of [...retrieval.expansions, ...(retrieval.alternatives ?? [])]) {
    if (expansion.kind !== "synonym" && expansion.kind !== "neighbour") continue;
    const forSource = alternatives.get(expansion.source) ?? new Map<string, number>();
    forSource.set(expansion.term, Math.max(forSource.get(expansion.term) ?? 0, expansion.credit));
    alternatives.set(expansion.source, forSource);
  }
  const words = analyzer.analyzeWords(withoutYearAnchors(withoutQuestionFrame(question)));
  const asked = askedPart(question);
  const names = new Set(properNames(question).map((name) => analyzer.analyzeWords(name)[0]?.[0]));
  // The asker's own body in the scene ("Jag är nyvald i barn- och utbildningsnämnden.") is who asks,
  // not what the answer must be about.
  const askedWords = asked === null ? words : analyzer.analyzeWords(withoutQuestionFrame(asked));
  const bodies = new Set(askedWords.map(([whole]) => whole ?? "").filter(isSpecificBody));
  const focus = new Set(
    words.map(([whole]) => whole ?? "").filter((whole) => names.has(whole) || bodies.has(whole)),
  );
  const weighed = weighQueryWords(
    words,
    (terms) => keywords.documentFrequencies(terms),
    (term) => alternatives.get(term) ?? new Map(),
    focus,
  );
  const joined = withPeriods(
    withParticleVerbs(withLightVerbs(weighed, question, analyzer), question, analyzer),
    question,
    analyzer,
  );
  return asked === null ? joined : emphasise(joined, asked, analyzer);
}

/** Weight a support verb keeps, as a share of the lightest other word of the question. */
const LIGHT_VERB_SHARE = 0.25;
/** Weight a particle verb's verb keeps ("tar" of "tar fram"): the particle gives it a meaning of its own. */
const PARTICLE_VERB_SHARE = 0.25;

/**
 * Support verbs weigh less than any other word of the question, and their synonyms (as light as
 * they are) count for nothing: "Vem ger oss vårt uppdrag?" is answered by "… verkar på uppdrag av
 * regionfullmäktige", not by "Välmående ger resultat" or "… lämnas över till Regionstyrelsen". With
 * a particle ("tar fram", "kommit in") the verb means more and only weighs a quarter of itself.
 */
function withLightVerbs(words: QueryWord[], question: string, analyzer: Analyzer): QueryWord[] {
  const stemOf = (form: string) => analyzer.analyzeWords(form)[0]?.[0] ?? "";
  const found = lightVerbs(question);
  const bare = new Set(found.filter((verb) => !verb.particle).map((verb) => stemOf(verb.form)));
  const particle = new Set(found.filter((verb) => verb.particle).map((verb) => stemOf(verb.form)));
  const others = words.filter((word) => !bare.has(word.whole) && !particle.has(word.whole));
  if (found.length === 0 || others.length === 0) return words;
  const cap = LIGHT_VERB_SHARE * Math.min(...others.map((word) => word.weight));
  return words.map((word) => {
    if (particle.has(word.whole)) return { ...word, weight: word.weight * PARTICLE_VERB_SHARE };
    if (bare.has(word.whole)) return { ...word, weight: Math.min(word.weight, cap), alternatives: new Map() };
    return word;
  });
}

/** Share earned by the months of a period asked in other words ("första tre månader" → "januari–mars"). */
const PERIOD_CREDIT = 0.9;

/**
 * The words naming a report period ("första tre månader", "andra kvartalet") are also covered by its
 * months as reports write them ("perioden januari–mars", "jan-mars").
 */
function withPeriods(words: QueryWord[], question: string, analyzer: Analyzer): QueryWord[] {
  const months = new Map<string, Map<string, number>>();
  for (const period of reportPeriods(question)) {
    const monthTerms = [period.first, period.last, period.first.slice(0, 3), period.last.slice(0, 3)].flatMap(
      (month) => analyzer.analyzeWords(month).map(([whole]) => whole ?? ""),
    );
    for (const [whole] of analyzer.analyzeWords(period.phrase)) {
      if (whole === undefined) continue;
      const own = months.get(whole) ?? new Map<string, number>();
      for (const term of monthTerms) if (term !== "") own.set(term, PERIOD_CREDIT);
      months.set(whole, own);
    }
  }
  if (months.size === 0) return words;
  return words.map((word) => {
    const own = months.get(word.whole);
    return own === undefined ? word : { ...word, alternatives: new Map([...word.alternatives, ...own]) };
  });
}

/**
 * The verb and particle of "säga upp", "kalla samman" are also covered by the noun or participle the
 * text uses instead ("uppsägningstid", "sammankallande").
 */
function withParticleVerbs(words: QueryWord[], question: string, analyzer: Analyzer): QueryWord[] {
  const beginnings = new Map<string, string[]>();
  for (const { verb, particle, joined } of particleVerbs(question, analyzer)) {
    for (const stem of [verb, particle])
      if (stem !== "") beginnings.set(stem, [...(beginnings.get(stem) ?? []), joined]);
  }
  if (beginnings.size === 0) return words;
  return words.map((word) => {
    const own = beginnings.get(word.whole);
    return own === undefined ? word : { ...word, beginnings: own };
  });
}

/**
 * The words with those of `part` (one sentence or clause of the question) in front: the others keep
 * at most half their weight and together never outweigh the part's own words.
 */
export function emphasise(words: readonly QueryWord[], part: string, analyzer: Analyzer): QueryWord[] {
  const partTerms = new Set(analyzer.analyzeWords(withoutQuestionFrame(part)).map(([whole]) => whole));
  const inPart = (word: QueryWord) => partTerms.has(word.whole);
  const partWeight = totalWeight(words.filter(inPart));
  const restWeight = totalWeight(words.filter((word) => !inPart(word)));
  if (partWeight === 0 || restWeight === 0) return [...words];
  const factor = Math.min(OTHER_PART_WEIGHT, partWeight / restWeight);
  return words.map((word) => (inPart(word) ? word : { ...word, weight: word.weight * factor }));
}

/**
 * Words outside the part being answered — the scene before the question itself ("Jag är nyvald i
 * socialberedningen. Vad är dess uppdrag?") or another clause of it — need not be repeated.
 */
const OTHER_PART_WEIGHT = 0.5;

/** The asking sentence of a question with a preamble, or null when the question is one sentence. */
function askedPart(question: string): string | null {
  const sentences = questionSentences(question).length;
  if (sentences < 2) return null;
  const asking = askingSentences(question);
  return asking.length > 0 && asking.length < sentences ? asking.join(" ") : null;
}
