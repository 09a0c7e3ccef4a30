import type { KeywordIndex } from "../index/keyword-index.ts";
import type { Logger } from "../logger.ts";
import { silentLogger } from "../logger.ts";
import type { HybridRetriever, RetrievalResult } from "../retrieval/hybrid-retriever.ts";
import type { Scope } from "../retrieval/scope.ts";
import type { Analyzer } from "../text/index.ts";
import type { Answer } from "./answer.ts";
import type { AnswerComposer } from "./answer-composer.ts";
import { declineAnswer } from "./decline.ts";
import { detectLanguage } from "./detect-language.ts";
import { properNames } from "../retrieval/proper-names.ts";
import { isSpecificBody, weighQueryWords, withoutQuestionFrame } from "./query-words.ts";
import { unknownNames } from "./unknown-names.ts";

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
    private readonly analyzer: Analyzer,
    private readonly topK: number,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Answers one question within a scope. */
  async ask(question: string, options: AskOptions): Promise<AskResult> {
    const started = performance.now();
    const previous = options.history?.at(-1);
    const retrievalQuery = previous ? `${question}\n${previous}` : question;
    const retrieval = await this.retriever.retrieve(retrievalQuery, options.scope, Math.max(this.topK, 10));
    const alternatives = new Map<string, Map<string, number>>();
    for (const expansion of retrieval.expansions) {
      if (expansion.kind !== "synonym" && expansion.kind !== "neighbour") continue;
      const forSource = alternatives.get(expansion.source) ?? new Map<string, number>();
      forSource.set(expansion.term, Math.max(forSource.get(expansion.term) ?? 0, expansion.credit));
      alternatives.set(expansion.source, forSource);
    }
    const analysedWords = this.analyzer.analyzeWords(withoutQuestionFrame(question));
    const names = new Set(properNames(question).map((name) => this.analyzer.analyzeWords(name)[0]?.[0]));
    const focus = new Set(
      analysedWords.map(([whole]) => whole ?? "").filter((whole) => names.has(whole) || isSpecificBody(whole)),
    );
    const queryWords = weighQueryWords(
      analysedWords,
      (terms) => this.keywords.documentFrequencies(terms),
      (term) => alternatives.get(term) ?? new Map(),
      focus,
    );
    const language = detectLanguage(question);
    const missing = unknownNames(question, (text) => this.analyzer.queryTerms(text), (term) => this.isKnown(term));
    const answer =
      missing.length > 0
        ? declineAnswer(retrieval.passages, language)
        : await this.composer.compose({
            question,
            passages: retrieval.passages,
            queryWords,
            language,
            ...(options.signal ? { signal: options.signal } : {}),
          });
    const latencyMs = performance.now() - started;
    this.logger.debug("answered", { abstained: answer.abstained, citations: answer.citations.length, latencyMs });
    return { answer, retrieval, latencyMs };
  }

  private isKnown(term: string): boolean {
    return (this.keywords.documentFrequencies([term]).frequencies.get(term) ?? 0) > 0;
  }
}
