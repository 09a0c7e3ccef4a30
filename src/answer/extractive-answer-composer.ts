import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Analyzer } from "../text/index.ts";
import type { Answer, Citation } from "./answer.ts";
import type { AnswerComposer, CompositionRequest } from "./answer-composer.ts";
import { satisfiesNeed } from "./answer-cues.ts";
import { classifyQuestion } from "./classify-question.ts";
import { declineAnswer } from "./decline.ts";
import { citationFor } from "./passage-reference.ts";
import { totalWeight } from "./query-words.ts";
import { type ScoredSentence, scoreSentences } from "./score-sentences.ts";

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

    const candidates = scoreSentences(
      passages.slice(0, this.options.passages),
      queryWords,
      analysis,
      this.analyzer,
    );
    const best = candidates[0];
    if (!best || best.coverage < this.options.minCoverage || !satisfiesNeed(analysis.needs, best.text)) {
      return declineAnswer(passages, language);
    }
    const chosen = this.companions(best, candidates);
    return this.render(chosen, passages, language);
  }

  /** Adds sentences that score almost as well and cover question words the chosen ones lack. */
  private companions(best: ScoredSentence, candidates: ScoredSentence[]): ScoredSentence[] {
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

  private render(
    chosen: ScoredSentence[],
    passages: readonly RetrievedPassage[],
    language: "sv" | "en",
  ): Answer {
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
