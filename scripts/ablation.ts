/**
 * Measures what each part of the offline default adds, on one or more eval sets: keyword search
 * alone, then the vector side (hashed n-grams, then word vectors), query expansion, the answer-type
 * sentence rerank and the definition lookup. Prints a Markdown table.
 *
 *   npx tsx scripts/ablation.ts --set knowledge:../shared/eval/dev.jsonl \
 *     --set ../shared/eval/law-knowledge:../shared/eval/dev-law.jsonl
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { AnswerService } from "../src/answer/answer-service.ts";
import { ExtractiveAnswerComposer } from "../src/answer/extractive-answer-composer.ts";
import { answerPartsOf, type Core } from "../src/app/compose.ts";
import { readQuestions, runEval } from "../src/evaluation/run-eval.ts";
import { scoreEval } from "../src/evaluation/score-eval.ts";
import type { Embedder } from "../src/index/embedder.ts";
import { HashedNgramEmbedder } from "../src/index/hashed-ngram-embedder.ts";
import { ingestKnowledge } from "../src/index/ingest-knowledge.ts";
import { KnowledgeIndex } from "../src/index/knowledge-index.ts";
import { WeightedSumEmbedder } from "../src/index/weighted-sum-embedder.ts";
import {
  DEFAULT_RETRIEVER_OPTIONS,
  HybridRetriever,
  type RetrieverOptions,
} from "../src/retrieval/hybrid-retriever.ts";
import { type Analyzer, createSwedishAnalyzer, loadDefaultThesaurus } from "../src/text/index.ts";
import { loadDefaultWordVectors, WordVectorEmbedder } from "../src/vectors/index.ts";

type EmbedderKind = "hashed" | "hashed+words";

interface Variant {
  name: string;
  embedder: EmbedderKind;
  retriever: Partial<RetrieverOptions>;
  expansion: boolean;
  sentenceWeight: number;
}

const OFF = { vectorWeight: 0, expansionWeight: 0, definitionBoost: 0 };
const VARIANTS: Variant[] = [
  {
    name: "keyword only (bm25, Swedish analysis)",
    embedder: "hashed",
    retriever: OFF,
    expansion: false,
    sentenceWeight: 0,
  },
  {
    name: "+ hashed n-gram vectors",
    embedder: "hashed",
    retriever: { ...OFF, vectorWeight: 1 },
    expansion: false,
    sentenceWeight: 0,
  },
  {
    name: "+ SFS word vectors",
    embedder: "hashed+words",
    retriever: { ...OFF, vectorWeight: 1 },
    expansion: false,
    sentenceWeight: 0,
  },
  {
    name: "+ query expansion (thesaurus, neighbours)",
    embedder: "hashed+words",
    retriever: { ...OFF, vectorWeight: 1, expansionWeight: DEFAULT_RETRIEVER_OPTIONS.expansionWeight },
    expansion: true,
    sentenceWeight: 0,
  },
  {
    name: "+ answer-type sentence rerank",
    embedder: "hashed+words",
    retriever: { ...DEFAULT_RETRIEVER_OPTIONS, definitionBoost: 0 },
    expansion: true,
    sentenceWeight: 3,
  },
  {
    name: "+ definition lookup (= default)",
    embedder: "hashed+words",
    retriever: {},
    expansion: true,
    sentenceWeight: 3,
  },
];

const METRICS = [
  "hit@1",
  "hit@5",
  "mrr@10",
  "answer_correct",
  "citation_hit",
  "abstain_accuracy",
  "over_abstain",
] as const;

function embedderFor(kind: EmbedderKind, analyzer: Analyzer): Embedder {
  const termsOf = (text: string) => analyzer.analyze(text);
  const hashed = new HashedNgramEmbedder({ termsOf, termsId: analyzer.version });
  if (kind === "hashed") return hashed;
  return new WeightedSumEmbedder([
    { embedder: hashed, weight: 1 },
    { embedder: new WordVectorEmbedder(loadDefaultWordVectors(), termsOf, analyzer.version), weight: 1 },
  ]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { set: { type: "string", multiple: true } } });
  const sets = (values.set ?? []).map((spec) => {
    const [knowledge, questions] = spec.split(":");
    if (!knowledge || !questions) throw new Error(`--set KNOWLEDGE_DIR:QUESTIONS.jsonl, not ${spec}`);
    return {
      knowledge: path.resolve(knowledge),
      questions: readQuestions(questions),
      label: path.basename(questions),
    };
  });
  if (sets.length === 0) throw new Error("give at least one --set KNOWLEDGE_DIR:QUESTIONS.jsonl");
  const analyzer = createSwedishAnalyzer();
  const thesaurus = loadDefaultThesaurus(analyzer);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-ablation-"));
  const rows: string[] = [];
  try {
    for (const set of sets) {
      const indexes = new Map<EmbedderKind, KnowledgeIndex>();
      for (const kind of ["hashed", "hashed+words"] as const) {
        const index = KnowledgeIndex.open(
          path.join(root, `${set.label}-${kind}`),
          embedderFor(kind, analyzer),
          analyzer,
        );
        await ingestKnowledge(index, set.knowledge);
        indexes.set(kind, index);
      }
      for (const variant of VARIANTS) {
        const index = indexes.get(variant.embedder) as KnowledgeIndex;
        const retriever = new HybridRetriever(
          index,
          variant.expansion ? { thesaurus, neighbours: loadDefaultWordVectors() } : {},
          { ...DEFAULT_RETRIEVER_OPTIONS, ...variant.retriever },
        );
        const answers = new AnswerService({
          ...answerPartsOf(index),
          retriever,
          composer: new ExtractiveAnswerComposer(analyzer),
          analyzer,
          topK: 5,
          sentenceWeight: variant.sentenceWeight,
        });
        const lines = await runEval({ answers } as unknown as Core, set.questions);
        const metrics = scoreEval(set.questions, new Map(lines.map((line) => [line.id, line])));
        const cells = METRICS.map(
          (name) => (metrics as unknown as Record<string, number>)[name]?.toFixed(3) ?? "",
        );
        rows.push(`| ${set.label} | ${variant.name} | ${cells.join(" | ")} |`);
        process.stderr.write(`${rows.at(-1)}\n`);
      }
      for (const index of indexes.values()) index.close();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(
    `| set | configuration | ${METRICS.join(" | ")} |\n|${" --- |".repeat(METRICS.length + 2)}\n`,
  );
  process.stdout.write(`${rows.join("\n")}\n`);
}

await main();
