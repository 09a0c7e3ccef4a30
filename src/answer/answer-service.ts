import type { KeywordIndex } from "../index/keyword-index.ts";
import type { Logger } from "../logger.ts";
import { silentLogger } from "../logger.ts";
import type { HybridRetriever, RetrievalResult } from "../retrieval/hybrid-retriever.ts";
import type { Scope } from "../retrieval/scope.ts";
import type { Answer } from "./answer.ts";
import type { AnswerComposer } from "./answer-composer.ts";
import { detectLanguage } from "./detect-language.ts";

/** Options of one question. */
export interface AskOptions {
  scope: Scope;
  /** Earlier questions of the same thread, oldest first; the last one gives a follow-up its topic. */
  history?: readonly string[];
  signal?: AbortSignal;
}

/** An answer with what it was built from. */
export interface AskResult {
  answer: Answer;
  retrieval: RetrievalResult;
  latencyMs: number;
}

/** The core use case: question in, cited answer (or honest decline) out. */
export class AnswerService {
  constructor(
    private readonly retriever: HybridRetriever,
    private readonly keywords: KeywordIndex,
    private readonly composer: AnswerComposer,
    private readonly topK: number,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Answers one question within a scope. */
  async ask(question: string, options: AskOptions): Promise<AskResult> {
    const started = performance.now();
    const previous = options.history?.at(-1);
    const retrievalQuery = previous ? `${question}\n${previous}` : question;
    const retrieval = await this.retriever.retrieve(retrievalQuery, options.scope, Math.max(this.topK, 10));
    const termWeights = this.termWeights(retrieval.queryTerms);
    const answer = await this.composer.compose({
      question,
      passages: retrieval.passages,
      termWeights,
      language: detectLanguage(question),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const latencyMs = performance.now() - started;
    this.logger.debug("answered", { abstained: answer.abstained, citations: answer.citations.length, latencyMs });
    return { answer, retrieval, latencyMs };
  }

  /** BM25-style IDF per query term; a term the index has never seen weighs the most. */
  private termWeights(terms: readonly string[]): Map<string, number> {
    const { frequencies, total } = this.keywords.documentFrequencies(terms);
    const weights = new Map<string, number>();
    for (const term of terms) {
      const frequency = frequencies.get(term) ?? 0;
      weights.set(term, Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5)));
    }
    return weights;
  }
}
