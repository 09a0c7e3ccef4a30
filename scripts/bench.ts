/**
 * `npm run bench`: ingest rate, question latency and memory on a synthetic Swedish-like corpus, or
 * with `--corpus DIR` on a real one (e.g. the unpacked SFS statutes) with real questions.
 * Usage: npm run bench -- [--sizes 1000,10000,100000] [--max 1000000] [--questions 200]
 *        npm run bench -- --corpus /tmp/sfs [--question-file ../shared/eval/dev-law.jsonl]
 *          (also prints ingest time and peak RSS, the time to index one changed file again, document
 *          hit@1 on the questions, and a plain BM25 reference on the same files: bm25-reference.ts)
 *        npm run bench -- --load [--concurrent 200] [--sequential 5000]   (see bench-load.ts)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { composeCore } from "../src/app/compose.ts";
import { loadConfig } from "../src/config/config.ts";
import { ingestKnowledge } from "../src/index/ingest-knowledge.ts";
import { silentLogger } from "../src/logger.ts";
import { EVERYTHING } from "../src/retrieval/scope.ts";
import { asksForHelp, describeArgumentError } from "../src/surfaces/cli/argument-errors.ts";
import { loadDefaultLexicon } from "../src/text/index.ts";
import type { Bm25ReferenceResult } from "./bm25-reference.ts";

const USAGE = `Användning: npm run bench -- [--sizes 1000,10000,100000] [--max 1000000] [--questions 200]
       npm run bench -- --corpus MAPP [--question-file FIL.jsonl] [--no-reminders]
       npm run bench -- --load [--concurrent 200] [--sequential 5000]
  Mäter indexering, svarstid per fråga och minne på en syntetisk korpus, på en riktig (--corpus, t.ex.
  de uppackade SFS-författningarna) eller den startade servern under last (--load).`;

if (asksForHelp(process.argv.slice(2))) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

// `--load` is a different benchmark (the running server over HTTP); it has its own script.
if (process.argv.includes("--load")) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "bench-load.ts"), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(result.status ?? 1);
}

const CHUNKS_PER_DOCUMENT = 20;
const WORDS_PER_CHUNK = 160;

const { values } = parseBenchArguments({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    max: { type: "string" },
    questions: { type: "string", default: "200" },
    corpus: { type: "string" },
    "question-file": { type: "string" },
    "no-reminders": { type: "boolean" },
  },
});
/** parseArgs with its English failure replaced by the Swedish one every command gives. */
function parseBenchArguments<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>(config);
  } catch (error) {
    process.stderr.write(`${describeArgumentError(error)}\n\n${USAGE}\n`);
    process.exit(2);
  }
}

const sizes = values.sizes.split(",").map(Number);
if (values.max)
  sizes.push(...[1_000_000].filter((size) => size <= Number(values.max) && !sizes.includes(size)));
const questionCount = Number(values.questions);

/** A deterministic pseudo-random generator, so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = [...loadDefaultLexicon().entries()]
  .filter(([word]) => /^\p{L}{3,}$/u.test(word))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30_000)
  .map(([word]) => word);
const next = random(42);
/** Zipf-like draw: frequent words far more often than rare ones, as in real text. */
const word = () => vocabulary[Math.floor(vocabulary.length ** next()) - 1] ?? "och";

function sentence(): string {
  const length = 8 + Math.floor(next() * 14);
  const words = Array.from({ length }, word);
  const first = words[0] ?? "det";
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(" ")}.`;
}

function writeCorpus(dir: string, chunks: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let documentIndex = 0; documentIndex * CHUNKS_PER_DOCUMENT < chunks; documentIndex++) {
    const parts = [`---\ntitle: Syntetiskt dokument ${documentIndex}\ntype: report\n---\n`];
    for (let section = 0; section < CHUNKS_PER_DOCUMENT; section++) {
      parts.push(`## Avsnitt ${section + 1} ${word()} ${word()}\n`);
      let words = 0;
      const paragraph: string[] = [];
      while (words < WORDS_PER_CHUNK) {
        const text = sentence();
        words += text.split(" ").length;
        paragraph.push(text);
      }
      parts.push(`${paragraph.join(" ")}\n`);
    }
    fs.writeFileSync(path.join(dir, `dokument-${documentIndex}.md`), parts.join("\n"));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

// "p95 ny fråga" counts each distinct question's first ask only: repeats find warm caches.
const rows: string[][] = [
  ["avsnitt", "indexering s", "avsnitt/s", "p50 ms", "p95 ms", "p95 ny fråga", "RSS MB"],
];
const questionLines = values["question-file"]
  ? fs
      .readFileSync(values["question-file"], "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { question: string; docs?: string[] })
  : null;
const realQuestions = questionLines?.map((line) => line.question) ?? null;
const corpusLines: string[] = [];
for (const size of values.corpus ? [0] : sizes) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-bench-"));
  const knowledgeDir = path.join(root, "knowledge");
  // A copy of a real corpus, so the changed-file measurement below never touches the original.
  if (values.corpus) fs.cpSync(path.resolve(values.corpus), knowledgeDir, { recursive: true });
  else writeCorpus(knowledgeDir, size);
  const config = { ...loadConfig({}), knowledgeDir, dataDir: path.join(root, "data") };
  const core = await composeCore(config, silentLogger);
  // As a running server does: the reading worker stays between ingests (see KnowledgeRefresh).
  if (values.corpus) core.knowledge.keepReader();
  const summary = values.corpus
    ? await core.knowledge.refresh()
    : await ingestKnowledge(core.index, knowledgeDir);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  core.retriever.invalidate();
  await core.answers.warmUp();
  const latencies: number[] = [];
  const firstAsks: number[] = [];
  const asked = new Set<string>();
  for (let index = 0; index < questionCount; index++) {
    const question =
      realQuestions?.[index % realQuestions.length] ??
      `Vem ${word()} om ${word()} ${word()} och hur ofta ${word()} ${word()}?`;
    const started = performance.now();
    await core.answers.ask(question, { scope: EVERYTHING });
    const latency = performance.now() - started;
    latencies.push(latency);
    if (!asked.has(question)) firstAsks.push(latency);
    asked.add(question);
  }
  const rss = process.memoryUsage().rss / 1024 / 1024;
  if (values.corpus) {
    corpusLines.push(
      `Samsyn: indexering ${summary.seconds.toFixed(1)} s (${summary.chunks} avsnitt), topp-RSS ${peakRssMb.toFixed(0)} MB`,
      ...(questionLines ? await hitLines(core, questionLines) : []),
      ...(await changedFileLine(core, knowledgeDir)),
    );
  }
  rows.push([
    String(summary.chunks),
    summary.seconds.toFixed(1),
    (summary.chunks / summary.seconds).toFixed(0),
    percentile(latencies, 0.5).toFixed(1),
    percentile(latencies, 0.95).toFixed(1),
    percentile(firstAsks, 0.95).toFixed(1),
    rss.toFixed(0),
  ]);
  await core.knowledge.stopReader();
  core.close();
  fs.rmSync(root, { recursive: true, force: true });
  process.stderr.write(`klart: ${summary.chunks} avsnitt\n`);
}
const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
for (const row of rows)
  process.stdout.write(`${row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join("  ")}\n`);

if (values.corpus) {
  process.stdout.write(`\n${corpusLines.join("\n")}\n`);
  process.stdout.write(`${bm25ReferenceLine(path.resolve(values.corpus), values["question-file"])}\n`);
}

/**
 * Appends a sentence to the median-sized indexed file and indexes again, as a running server does
 * on a saved file: first with the reading worker to start (a large ingest stops it, and so does an
 * idle server), then once more with it running.
 */
async function changedFileLine(
  core: Awaited<ReturnType<typeof composeCore>>,
  knowledgeDir: string,
): Promise<string[]> {
  const files = core.index.catalog
    .documents()
    .map((document) => path.join(knowledgeDir, document.id))
    .map((file) => ({ file, size: fs.statSync(file).size }));
  files.sort((a, b) => a.size - b.size || a.file.localeCompare(b.file));
  const median = files[Math.floor(files.length / 2)];
  if (!median) return [];
  const name = path.relative(knowledgeDir, median.file);
  fs.appendFileSync(median.file, "\nNämnden ska årligen följa upp samverkan med regionen.\n");
  const starting = await core.knowledge.refresh();
  fs.appendFileSync(median.file, "Uppföljningen redovisas för fullmäktige.\n");
  const running = await core.knowledge.refresh();
  const updated = (summary: { updated: number; unchanged: number }) =>
    `${summary.updated} uppdaterad, ${summary.unchanged} oförändrade`;
  return [
    `Samsyn: en ändrad fil (${name}, ${(median.size / 1024).toFixed(1)} kB) indexerad om på ${starting.seconds.toFixed(2)} s när läsarprocessen först måste startas (${updated(starting)}), ${running.seconds.toFixed(2)} s med den igång`,
  ];
}

/** Share of questions with gold documents whose first retrieved passage comes from one of them. */
async function hitLines(
  core: Awaited<ReturnType<typeof composeCore>>,
  lines: readonly { question: string; docs?: string[] }[],
): Promise<string[]> {
  const gold = lines.filter((line) => (line.docs ?? []).length > 0);
  if (gold.length === 0) return [];
  let hits = 0;
  for (const line of gold) {
    const { retrieval } = await core.answers.ask(line.question, { scope: EVERYTHING });
    const first = retrieval.passages[0]?.document.id ?? "";
    if (line.docs?.includes(path.basename(first))) hits++;
  }
  return [`Samsyn: hit@1 (rätt dokument först) ${(hits / gold.length).toFixed(2)} på ${gold.length} frågor`];
}

/** Runs the plain BM25 reference (bm25-reference.ts) in its own process, for its own time and memory. */
function bm25ReferenceLine(corpus: string, questionFile: string | undefined): string {
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(import.meta.dirname, "bm25-reference.ts"),
      "--corpus",
      corpus,
      ...(questionFile ? ["--question-file", questionFile] : []),
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) return `BM25-referens: misslyckades (${result.stderr.trim().slice(0, 200)})`;
  const reference = JSON.parse(result.stdout) as Bm25ReferenceResult;
  const hit =
    reference.hitAt1 === null
      ? ""
      : `, hit@1 (rätt dokument först) ${reference.hitAt1.toFixed(2)} på ${reference.questions} frågor`;
  return `BM25-referens: indexering ${reference.seconds.toFixed(1)} s (${reference.passages} avsnitt), topp-RSS ${reference.peakRssMb.toFixed(0)} MB${hit}`;
}

// The reminders section (10k scheduled reminders: lateness and duplicates) runs after the retrieval
// table, in its own process so its timing is not disturbed by this one's heap.
if (!values.corpus && !values["no-reminders"]) {
  process.stdout.write("\nPåminnelser:\n");
  spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "bench-reminders.ts")], {
    stdio: "inherit",
  });
}
