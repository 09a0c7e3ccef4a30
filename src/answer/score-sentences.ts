import type { StoredChunk } from "../index/catalog.ts";
import { headingPathAt } from "../knowledge/chunking/chunk-sections.ts";
import { extractDefinitions, type TermDefinition } from "../knowledge/extract-definitions.ts";
import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import { type Analyzer, definitionKeys } from "../text/index.ts";
import { cueScore } from "./answer-cues.ts";
import { type AnswerList, type AnswerUnit, answerUnits } from "./answer-units.ts";
import type { QuestionAnalysis, QuestionKind } from "./classify-question.ts";
import { compoundNamed } from "./compound-named.ts";
import { groupWordCoverage, OPENING_WORDS } from "./evidence/group-word.ts";
import { coverage, type QueryWord, totalWeight } from "./query-words.ts";

/** A sentence (or lead-in with its list) of a retrieved passage, scored against the question. */
export interface ScoredSentence {
  text: string;
  passageIndex: number;
  position: number;
  /** Question words it covers (its own words, not the headings'). */
  covered: Set<string>;
  /** Weighted share of the question's words covered by the sentence and its headings, 0–1. */
  coverage: number;
  score: number;
  /** The named group the sentence speaks for, in an answer that compares several. */
  label?: string;
  /** For a list item: the lead-in it completes. */
  lead?: string;
  /** The sentence to show when `text` is an item that continues its lead-in mid-sentence. */
  shown?: string;
  /** For a lead-in with its list: the parts, so the answer can show the items that answer. */
  list?: AnswerList;
}

/** Words the title or headings already answer count almost fully: the sentence need not repeat them. */
const CONTEXT_CREDIT = 0.8;
/** Long units cover more words by sheer length; a focused sentence should win when it can. */
const LONG_UNIT_WORDS = 35;
const LONG_UNIT_PENALTY = 0.002;
const CUE_WEIGHT = 0.2;
const RANK_PRIOR = 0.08;
/** A sentence from a document without the question's names ("… i Laholm") is about something else. */
const NAME_MISS_PENALTY = 0.5;
/** The sentence that defines the term a "Vad menas med …" question asks about is the answer. */
const DEFINES_BONUS = 0.5;

const normalised = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

/** A unit with its analysed terms, and what later questions of it found (definitions, cue scores). */
interface AnalysedUnit extends AnswerUnit {
  terms: Set<string>;
  /** Terms of the sentence's first words, analysed when a question asks about a group. */
  openingTerms?: Set<string>;
  leadTerms: string[];
  definitions?: TermDefinition[];
  cues?: Map<QuestionKind, number>;
}

/**
 * Units and terms of a retrieved passage. A question scores the same passages more than once
 * (reranking, then composing) and later questions meet them again; analysing every sentence is the
 * costly part of scoring.
 */
const analysed = new WeakMap<Analyzer, Map<string, AnalysedPassage>>();

/** A passage's analysed units, and its title and headings as terms and as lines. */
interface AnalysedPassage {
  text: string;
  units: AnalysedUnit[];
  context?: { title: string; terms: Map<string, string[]>; headings: Set<string> };
}
/** Passages whose analysis is remembered; questions keep meeting the same few thousand. */
const MAX_ANALYSED_PASSAGES = 20_000;

function analysedPassage(chunk: StoredChunk, analyzer: Analyzer): AnalysedPassage {
  let perChunk = analysed.get(analyzer);
  if (!perChunk) {
    perChunk = new Map();
    analysed.set(analyzer, perChunk);
  }
  // Keyed by passage id, checked against the text: a re-ingested document may reuse an id.
  const cached = perChunk.get(chunk.id);
  if (cached && cached.text === chunk.text) return cached;
  const units = answerUnits(chunk.text).map((unit) => ({
    ...unit,
    terms: new Set(analyzer.analyze(unit.text)),
    leadTerms: unit.lead ? analyzer.analyze(unit.lead) : [],
  }));
  if (perChunk.size >= MAX_ANALYSED_PASSAGES) perChunk.clear();
  const passage = { text: chunk.text, units };
  perChunk.set(chunk.id, passage);
  return passage;
}

/**
 * The title and the headings a sentence stands under, as analysed terms, remembered per heading
 * path (a passage holding small sections has several); and every heading line of the passage.
 */
function contextOf(
  passage: RetrievedPassage,
  sentence: string,
  analyzer: Analyzer,
): { terms: string[]; headings: Set<string> } {
  const stored = analysedPassage(passage.chunk, analyzer);
  const lines = [passage.document.title, ...headingPathAt(passage.chunk, sentence)];
  const key = lines.join("\n");
  const titleKey = passage.document.title;
  if (stored.context?.title !== titleKey) {
    const paths = [
      passage.chunk.headingPath,
      ...(passage.chunk.sections ?? []).map((section) => section.headingPath),
    ];
    const headings = new Set([titleKey, ...paths.flat()].map(normalised));
    stored.context = { title: titleKey, terms: new Map(), headings };
  }
  let terms = stored.context.terms.get(key);
  if (!terms) {
    terms = analyzer.analyze(key);
    stored.context.terms.set(key, terms);
  }
  return { terms, headings: stored.context.headings };
}

function openingTermsOf(unit: AnalysedUnit, analyzer: Analyzer): Set<string> {
  unit.openingTerms ??= new Set(analyzer.analyze(unit.text.split(/\s+/).slice(0, OPENING_WORDS).join(" ")));
  return unit.openingTerms;
}

function cueOf(unit: AnalysedUnit, kind: QuestionKind): number {
  unit.cues ??= new Map();
  let score = unit.cues.get(kind);
  if (score === undefined) {
    score = cueScore(kind, unit.text);
    unit.cues.set(kind, score);
  }
  return score;
}

/**
 * Scores every sentence of the given passages by how much of the question it covers and whether it
 * has the shape of an answer (who → an acting body, how often → a frequency, what is → a definition).
 * Sentences about another body or place than the one asked about are left out. Best first.
 */
export function scoreSentences(
  passages: readonly RetrievedPassage[],
  queryWords: readonly QueryWord[],
  analysis: QuestionAnalysis,
  analyzer: Analyzer,
): ScoredSentence[] {
  const total = totalWeight(queryWords);
  if (total === 0) return [];
  const focus = queryWords.filter((word) => word.focus);
  // A sentence is about the group when it names it itself; a title naming the group names it for
  // every sentence below, the ones about other bodies too.
  const groupWords = queryWords.filter((word) => word.nameTerms !== undefined);
  const headingWords =
    groupWords.length === 0 ? queryWords : queryWords.filter((word) => !groupWords.includes(word));
  const termKeys = analysis.term ? new Set(definitionKeys(analyzer, analysis.term)) : null;
  const defines = (unit: AnalysedUnit) => {
    if (termKeys === null) return false;
    unit.definitions ??= extractDefinitions(unit.text);
    return unit.definitions.some((definition) =>
      definitionKeys(analyzer, definition.term).some((key) => termKeys.has(key)),
    );
  };
  const result: ScoredSentence[] = [];
  const named = passages.some((passage) => passage.names.length > 0);
  passages.forEach((passage, passageIndex) => {
    const namePenalty = named && passage.names.length === 0 ? NAME_MISS_PENALTY : 0;
    for (const unit of analysedPassage(passage.chunk, analyzer).units) {
      const { terms: contextTerms, headings } = contextOf(passage, unit.text, analyzer);
      // A title or heading line repeated in the text is not an answer.
      if (headings.has(normalised(unit.text))) continue;
      const unitTerms = unit.terms;
      const group =
        groupWords.length === 0
          ? { weight: 0, covered: [] }
          : groupWordCoverage(groupWords, unitTerms, openingTermsOf(unit, analyzer));
      const words = coverage(headingWords, unitTerms);
      const own = { weight: words.weight + group.weight, covered: [...words.covered, ...group.covered] };
      // A list item's lead-in names what the item is about, like a heading.
      const leadTerms = unit.leadTerms;
      const seen = new Set([...unitTerms, ...contextTerms, ...leadTerms]);
      const inContext = coverage(headingWords, seen);
      const withContext = { ...inContext, weight: inContext.weight + group.weight };
      // A question comparing several names needs only one of them per sentence; a body may be named
      // in other words than the asker's compound ("nämnden för hemslöjdsfrågor").
      if (
        focus.length > 0 &&
        !focus.some((word) => withContext.exact.includes(word.whole)) &&
        !focus.some((word) => compoundNamed(word, seen))
      )
        continue;
      const share = (own.weight + CONTEXT_CREDIT * (withContext.weight - own.weight)) / total;
      const length = unit.text.split(/\s+/).length;
      // "Vilka ingår …" is answered by the whole list, however long.
      const lengthPenalty =
        analysis.kind === "composition" && unit.items > 1
          ? 0
          : LONG_UNIT_PENALTY * Math.max(0, length - LONG_UNIT_WORDS);
      const score =
        share +
        CUE_WEIGHT * cueOf(unit, analysis.kind) +
        RANK_PRIOR / (1 + passageIndex) +
        (defines(unit) ? DEFINES_BONUS : 0) -
        (length < 5 ? 0.15 : 0) -
        lengthPenalty -
        namePenalty;
      result.push({
        text: unit.text,
        passageIndex,
        position: unit.position,
        covered: new Set(own.covered),
        coverage: share,
        score,
        ...(unit.lead ? { lead: unit.lead } : {}),
        ...(unit.shown ? { shown: unit.shown } : {}),
        ...(unit.list ? { list: unit.list } : {}),
      });
    }
  });
  return result.sort((a, b) => b.score - a.score);
}

/**
 * Reorders passages by their retrieval score plus how well their best sentence answers the
 * question, so the passage holding the answering sentence comes first.
 */
export function rerankBySentences(
  passages: readonly RetrievedPassage[],
  sentences: readonly ScoredSentence[],
  weight: number,
): RetrievedPassage[] {
  const best = new Map<number, number>();
  for (const sentence of sentences) {
    if ((best.get(sentence.passageIndex) ?? Number.NEGATIVE_INFINITY) < sentence.score) {
      best.set(sentence.passageIndex, sentence.score);
    }
  }
  return passages
    .map((passage, index) => ({ passage, score: passage.score + weight * (best.get(index) ?? 0) }))
    .sort((a, b) => b.score - a.score)
    .map(({ passage, score }) => ({ ...passage, score }));
}
