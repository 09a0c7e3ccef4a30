import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Analyzer } from "../text/index.ts";
import type { Answer, Citation } from "./answer.ts";
import type { AnswerComposer, CompositionRequest } from "./answer-composer.ts";
import { cueScore, satisfiesNeed } from "./answer-cues.ts";
import { answerUnits } from "./answer-units.ts";
import { classifyQuestion, type QuestionAnalysis } from "./classify-question.ts";
import { declineAnswer } from "./decline.ts";
import { citationFor } from "./passage-reference.ts";
import { coverage, type QueryWord, totalWeight } from "./query-words.ts";

/** Tunable thresholds of the extractive composer; chosen on the dev sets (see README). */
export interface ExtractiveOptions {
  /** Passages whose sentences are considered. */
  passages: number;
  /** Below this share of the question's weighted terms in the best sentence (with its headings), decline. */
  minCoverage: number;
  /** Extra sentences must score at least this share of the best one. */
  companionRatio: number;
  maxSentences: number;
  maxCharacters: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  passages: 5,
  minCoverage: 0.22,
  companionRatio: 0.75,
  maxSentences: 3,
  maxCharacters: 700,
};

const normalised = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

const CONTEXT_CREDIT = 0.8;
const LONG_UNIT_WORDS = 35;
const LONG_UNIT_PENALTY = 0.002;

interface Candidate {
  text: string;
  passageIndex: number;
  position: number;
  covered: Set<string>;
  coverage: number;
  score: number;
}

/**
 * The offline answerer: picks the one to three sentences of the retrieved passages that best answer
 * the question — by weighted term coverage and by the shape the question asks for (who → a body or
 * role, how often → a frequency, what is → a definition) — and cites each. Declines when the best
 * evidence is weak or lacks the datum the question insists on.
 */
export class ExtractiveAnswerComposer implements AnswerComposer {
  readonly id = "extractive-v1";

  constructor(
    private readonly analyzer: Analyzer,
    private readonly options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
  ) {}

  async compose(request: CompositionRequest): Promise<Answer> {
    const { passages, queryWords, language } = request;
    const analysis = classifyQuestion(request.question);
    const total = totalWeight(queryWords);
    if (passages.length === 0 || total === 0) return declineAnswer(passages, language);

    const candidates = this.candidates(passages.slice(0, this.options.passages), queryWords, total, analysis);
    const best = candidates[0];
    if (!best || best.coverage < this.options.minCoverage || !satisfiesNeed(analysis.needs, best.text)) {
      return declineAnswer(passages, language);
    }
    const chosen = this.companions(best, candidates);
    return this.render(chosen, passages, language);
  }

  private candidates(
    passages: readonly RetrievedPassage[],
    queryWords: readonly QueryWord[],
    total: number,
    analysis: QuestionAnalysis,
  ): Candidate[] {
    const result: Candidate[] = [];
    passages.forEach((passage, passageIndex) => {
      const contextTerms = new Set(
        this.analyzer.analyze([passage.document.title, ...passage.chunk.headingPath].join("\n")),
      );
      const headings = new Set([passage.document.title, ...passage.chunk.headingPath].map(normalised));
      for (const unit of answerUnits(passage.chunk.text)) {
        // A title or heading line repeated in the text is not an answer.
        if (headings.has(normalised(unit.text))) continue;
        const unitTerms = new Set(this.analyzer.analyze(unit.text));
        const own = coverage(queryWords, unitTerms);
        const withContext = coverage(queryWords, new Set([...unitTerms, ...contextTerms]));
        const covered = new Set(own.covered);
        // An answer about another body or place than the one asked about is no answer (a question
        // comparing several names needs only one of them per sentence).
        const focus = queryWords.filter((word) => word.focus);
        if (focus.length > 0 && !focus.some((word) => withContext.exact.includes(word.whole))) continue;
        // Words the title or headings already answer ("i Norrbotten", "HälSams presidium") count almost
        // fully: the sentence need not repeat them.
        const share = (own.weight + CONTEXT_CREDIT * (withContext.weight - own.weight)) / total;
        const words = unit.text.split(/\s+/).length;
        const score =
          share +
          0.2 * cueScore(analysis.kind, unit.text) +
          0.08 / (1 + passageIndex) -
          (words < 5 ? 0.15 : 0) -
          // Long units cover more words by sheer length; a focused sentence should win when it can.
          LONG_UNIT_PENALTY * Math.max(0, words - LONG_UNIT_WORDS);
        result.push({ text: unit.text, passageIndex, position: unit.position, covered, coverage: share, score });
      }
    });
    return result.sort((a, b) => b.score - a.score);
  }

  /** Adds sentences that score almost as well and cover question words the chosen ones lack. */
  private companions(best: Candidate, candidates: Candidate[]): Candidate[] {
    const chosen = [best];
    const covered = new Set(best.covered);
    let length = best.text.length;
    for (const candidate of candidates.slice(1)) {
      if (chosen.length >= this.options.maxSentences) break;
      if (candidate.score < best.score * this.options.companionRatio) break;
      if (length + candidate.text.length > this.options.maxCharacters) continue;
      if (chosen.some((item) => item.text === candidate.text)) continue;
      const addsTerms = [...candidate.covered].some((term) => !covered.has(term));
      // A second sentence must answer a part of the question the first one does not.
      if (!addsTerms) continue;
      chosen.push(candidate);
      for (const term of candidate.covered) covered.add(term);
      length += candidate.text.length;
    }
    // Keep document order within a passage so the answer reads naturally.
    return chosen.sort((a, b) => a.passageIndex - b.passageIndex || a.position - b.position);
  }

  private render(chosen: Candidate[], passages: readonly RetrievedPassage[], language: "sv" | "en"): Answer {
    const numbers = new Map<number, number>();
    const quotes = new Map<number, string[]>();
    const parts: string[] = [];
    for (const item of chosen) {
      let n = numbers.get(item.passageIndex);
      if (n === undefined) {
        n = numbers.size + 1;
        numbers.set(item.passageIndex, n);
        quotes.set(item.passageIndex, []);
      }
      quotes.get(item.passageIndex)?.push(item.text);
      parts.push(`${item.text} [${n}]`);
    }
    const citations: Citation[] = [];
    for (const [passageIndex, n] of numbers) {
      const passage = passages[passageIndex];
      if (passage) citations.push(citationFor(passage, n, (quotes.get(passageIndex) ?? []).join(" … ")));
    }
    const lead = language === "en" ? "According to the documents (in Swedish): " : "";
    return { text: `${lead}${parts.join(" ")}`, citations, abstained: false, closest: [], language };
  }
}
