import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Answer } from "./answer.ts";
import type { QueryWord } from "./query-words.ts";

/** Everything a composer may use to answer one question. */
export interface CompositionRequest {
  question: string;
  /** Retrieved passages, best first; citations may only point into these. */
  passages: readonly RetrievedPassage[];
  /** The question's content words with IDF weights from the whole index. */
  queryWords: readonly QueryWord[];
  language: "sv" | "en";
  signal?: AbortSignal;
}

/** Turns retrieved passages into a cited answer (or an honest decline). */
export interface AnswerComposer {
  readonly id: string;
  compose(request: CompositionRequest): Promise<Answer>;
}
