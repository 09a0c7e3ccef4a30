import path from "node:path";
import { fileURLToPath } from "node:url";
import { AcronymGuesser } from "../answer/acronym-guesser.ts";
import type { AnswerComposer } from "../answer/answer-composer.ts";
import { AnswerService, type AnswerServiceParts } from "../answer/answer-service.ts";
import { GroupCalendar } from "../answer/evidence/group-calendar.ts";
import { ExtractiveAnswerComposer } from "../answer/extractive-answer-composer.ts";
import { LlmAnswerComposer, loadAnswerPrompts } from "../answer/llm-answer-composer.ts";
import { OpenAiChatModel } from "../answer/openai-chat-model.ts";
import type { Config } from "../config/config.ts";
import type { Embedder } from "../index/embedder.ts";
import { HashedNgramEmbedder } from "../index/hashed-ngram-embedder.ts";
import { KnowledgeIndex } from "../index/knowledge-index.ts";
import { describeRefresh, KnowledgeRefresh } from "../index/knowledge-refresh.ts";
import { OpenAiEmbedder } from "../index/openai-embedder.ts";
import { WeightedSumEmbedder } from "../index/weighted-sum-embedder.ts";
import type { LoadedDocument } from "../knowledge/document.ts";
import type { Logger } from "../logger.ts";
import { HybridRetriever } from "../retrieval/hybrid-retriever.ts";
import { listSourceCopies, withSourceMetadata } from "../sources/list-source-copies.ts";
import { type Analyzer, createSwedishAnalyzer, loadDefaultThesaurus } from "../text/index.ts";
import { loadDefaultWordVectors, WordVectorEmbedder } from "../vectors/index.ts";

/** Folder of the prompt templates shipped with the product. */
export const PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prompts");

/** The core, wired: index, retriever and answer service. */
export interface Core {
  config: Config;
  analyzer: Analyzer;
  index: KnowledgeIndex;
  retriever: HybridRetriever;
  answers: AnswerService;
  composer: AnswerComposer;
  /** Brings the index in line with the knowledge folder, one ingest at a time. */
  knowledge: KnowledgeRefresh;
  close(): void;
}

/**
 * Chooses the embedder: an OpenAI-compatible server when configured; otherwise the offline default,
 * which combines hashed character n-grams (spelling, inflection) with Swedish word vectors (meaning).
 */
export async function createEmbedder(config: Config, analyzer: Analyzer): Promise<Embedder> {
  if (config.embedding) {
    return OpenAiEmbedder.connect({
      baseURL: config.embedding.baseURL,
      apiKey: config.embedding.apiKey,
      model: config.embedding.model,
      ...(config.embedding.dimensions ? { dimensions: config.embedding.dimensions } : {}),
    });
  }
  const termsOf = (text: string) => analyzer.analyze(text);
  return new WeightedSumEmbedder([
    { embedder: new HashedNgramEmbedder({ termsOf, termsId: analyzer.version }), weight: 1 },
    { embedder: new WordVectorEmbedder(loadDefaultWordVectors(), termsOf, analyzer.version), weight: 1 },
  ]);
}

/** Builds the core from configuration; the one place that picks adapters. */
export async function composeCore(config: Config, logger: Logger, dataDir = config.dataDir): Promise<Core> {
  const analyzer = createSwedishAnalyzer();
  const embedder = await createEmbedder(config, analyzer);
  const index = KnowledgeIndex.open(dataDir, embedder, analyzer, { ingestLimits: config.ingest });
  // Synonyms and neighbours bridge everyday words to the documents' words; with an OpenAI embedder
  // the vector side already does that, but the thesaurus still helps the keyword side.
  const retriever = new HybridRetriever(index, {
    thesaurus: loadDefaultThesaurus(analyzer),
    neighbours: config.embedding ? undefined : loadDefaultWordVectors(),
  });
  const composer: AnswerComposer = config.chat
    ? new LlmAnswerComposer(
        new OpenAiChatModel({
          baseURL: config.chat.baseURL,
          apiKey: config.chat.apiKey,
          model: config.chat.model,
        }),
        loadAnswerPrompts(PROMPTS_DIR),
      )
    : new ExtractiveAnswerComposer(analyzer);
  // The sources' copies (web, SharePoint, Slack) are indexed beside the knowledge folder's files.
  const sourceCopies = async () =>
    (await listSourceCopies(dataDir)).map((copy) => ({
      ...copy,
      adjust: (document: LoadedDocument) => withSourceMetadata(document, copy),
    }));
  const knowledge = new KnowledgeRefresh(
    index,
    config.knowledgeDir,
    () => retriever.invalidate(),
    sourceCopies,
  );
  const answers = new AnswerService({
    ...answerPartsOf(index),
    retriever,
    composer,
    analyzer,
    topK: config.retrievalTopK,
    logger,
    // Meeting questions are answered from the calendar folder the reminders read.
    calendar: new GroupCalendar(path.join(config.knowledgeDir, "calendar")),
    // Until the first index exists, a question gets "Indexerar kunskapsmappen …" rather than a decline.
    // Asked on every question: the ingest state is read first, the catalog only while one runs.
    beforeQuestion: () => knowledge.sync(logger),
    indexingNotice: () => {
      const status = knowledge.status();
      return status.running && index.catalog.stats().documents === 0 ? describeRefresh(status, 0) : null;
    },
  });
  return { config, analyzer, index, retriever, answers, composer, knowledge, close: () => index.close() };
}

/** What an `AnswerService` reads from the index: term statistics, document count and acronyms. */
export function answerPartsOf(
  index: KnowledgeIndex,
): Pick<AnswerServiceParts, "keywords" | "documentCount" | "definedAcronyms" | "acronymGuesser"> {
  return {
    keywords: index.keywords,
    documentCount: () => index.catalog.stats().documents,
    definedAcronyms: () => index.catalog.acronyms().map((entry) => entry.acronym),
    acronymGuesser: new AcronymGuesser(index.catalog),
  };
}
