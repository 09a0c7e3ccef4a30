/**
 * A plain BM25 to put beside Samsyn's figures in `npm run bench -- --corpus`: the same files cut into
 * paragraphs of at most ~200 words, analysed with the project's Swedish analyzer (stemmed, stop
 * words dropped), postings in memory, Okapi BM25 (k1 1.2, b 0.75). Runs in its own process (the
 * bench spawns it) so its time and peak memory are its own; prints one JSON line.
 * Usage: tsx scripts/bm25-reference.ts --corpus DIR [--question-file FILE.jsonl]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createSwedishAnalyzer } from "../src/text/index.ts";

const K1 = 1.2;
const B = 0.75;
const PASSAGE_WORDS = 200;

/** What the reference measured, read by the bench. */
export interface Bm25ReferenceResult {
  passages: number;
  seconds: number;
  peakRssMb: number;
  /** Share of questions with gold documents whose first passage is from one of them; null without any. */
  hitAt1: number | null;
  questions: number;
}

interface Passage {
  document: string;
  length: number;
}

const { values } = parseArgs({
  options: { corpus: { type: "string" }, "question-file": { type: "string" } },
});
if (!values.corpus) throw new Error("--corpus saknas");

const started = performance.now();
const analyzer = createSwedishAnalyzer();
const passages: Passage[] = [];
const postings = new Map<string, number[]>();
for (const file of markdownFiles(path.resolve(values.corpus))) {
  const text = fs.readFileSync(file, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
  for (const passage of paragraphsOf(text)) {
    const terms = analyzer.analyze(passage);
    if (terms.length === 0) continue;
    const id = passages.length;
    passages.push({ document: path.basename(file), length: terms.length });
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    // Postings as flat (passage, count) pairs: a Map of arrays per term is what a simple BM25 keeps.
    for (const [term, count] of counts) {
      let list = postings.get(term);
      if (!list) {
        list = [];
        postings.set(term, list);
      }
      list.push(id, count);
    }
  }
}
const averageLength = passages.reduce((sum, passage) => sum + passage.length, 0) / passages.length;
const seconds = (performance.now() - started) / 1000;

const questions = values["question-file"] ? readQuestions(values["question-file"]) : [];
const withGold = questions.filter((question) => (question.docs ?? []).length > 0);
let hits = 0;
for (const question of withGold) {
  const best = topPassage(question.question);
  if (best !== null && question.docs?.includes(passages[best]?.document ?? "")) hits++;
}
const result: Bm25ReferenceResult = {
  passages: passages.length,
  seconds,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  hitAt1: withGold.length > 0 ? hits / withGold.length : null,
  questions: withGold.length,
};
process.stdout.write(`${JSON.stringify(result)}\n`);

function topPassage(question: string): number | null {
  const scores = new Map<number, number>();
  for (const term of new Set(analyzer.analyze(question))) {
    const list = postings.get(term);
    if (!list) continue;
    const frequency = list.length / 2;
    const idf = Math.log(1 + (passages.length - frequency + 0.5) / (frequency + 0.5));
    for (let at = 0; at < list.length; at += 2) {
      const id = list[at] as number;
      const count = list[at + 1] as number;
      const length = passages[id]?.length ?? 0;
      const score = (idf * count * (K1 + 1)) / (count + K1 * (1 - B + (B * length) / averageLength));
      scores.set(id, (scores.get(id) ?? 0) + score);
    }
  }
  let best: number | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const [id, score] of scores) {
    if (score > bestScore || (score === bestScore && best !== null && id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

/** Paragraphs (blank-line separated) packed into passages of at most ~PASSAGE_WORDS words. */
function* paragraphsOf(text: string): Generator<string> {
  let current: string[] = [];
  let words = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const size = paragraph.split(/\s+/).length;
    if (words > 0 && words + size > PASSAGE_WORDS) {
      yield current.join("\n\n");
      current = [];
      words = 0;
    }
    current.push(paragraph);
    words += size;
  }
  if (words > 0) yield current.join("\n\n");
}

function* markdownFiles(dir: string): Generator<string> {
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(full);
    else if (entry.name.endsWith(".md")) yield full;
  }
}

function readQuestions(file: string): { question: string; docs?: string[] }[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { question: string; docs?: string[] });
}
