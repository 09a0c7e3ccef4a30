import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvalMetrics } from "../../src/evaluation/eval-records.ts";
import { readQuestions, runEval } from "../../src/evaluation/run-eval.ts";
import { scoreEval } from "../../src/evaluation/score-eval.ts";
import { ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

// The dev set sits beside the checkout (as in CI); SAMSYN_EVAL_DIR points elsewhere.
const EVAL = process.env.SAMSYN_EVAL_DIR ?? path.resolve(import.meta.dirname, "../../../shared/eval");
/** The knowledge documents as Word and PDF files without front matter (scripts/make-converted-seeds.sh). */
const CONVERTED = path.resolve(import.meta.dirname, "../fixtures/converted-seeds");
/** How far a converted format may fall below the Markdown originals (issue 17). */
const TOLERANCE = 0.03;
const COMPARED = ["hit@1", "answer_correct", "citation_hit"] as const;

const folders: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of folders) cleanup();
});

async function measure(knowledgeDir: string) {
  const folder = temporaryFolder();
  folders.push(folder.cleanup);
  const { core } = await ingestedCore(knowledgeDir, folder.dir);
  try {
    const questions = readQuestions(path.join(EVAL, "dev.jsonl"));
    const lines = await runEval(core, questions);
    return {
      metrics: scoreEval(questions, new Map(lines.map((line) => [line.id, line]))),
      documents: core.index.catalog.documents(),
    };
  } finally {
    core.close();
  }
}

describe.skipIf(!existsSync(EVAL))("the seed documents as Word and PDF files", () => {
  let markdown: Awaited<ReturnType<typeof measure>>;
  beforeAll(async () => {
    markdown = await measure(SHIPPED_KNOWLEDGE);
  }, 120_000);

  it.each(["docx", "pdf"])(
    "%s files without front matter answer the dev questions within .03 of the Markdown originals",
    async (format) => {
      const converted = await measure(path.join(CONVERTED, format));
      expect(converted.documents).toHaveLength(markdown.documents.length);
      for (const name of COMPARED) {
        const floor = (markdown.metrics[name] as number) - TOLERANCE;
        expect
          .soft(converted.metrics[name] as EvalMetrics[typeof name], name)
          .toBeGreaterThanOrEqual(floor - 1e-9);
      }
      // What the front matter states, the content gives: the same kind of document, a title, its organisations.
      for (const document of converted.documents) {
        const original = markdown.documents.find(
          (candidate) => path.parse(candidate.id).name === path.parse(document.id).name,
        );
        expect.soft(document.type, document.id).toBe(original?.type);
        expect.soft(document.title, document.id).not.toMatch(/\.(?:pdf|docx)$|^Direkt till/i);
        expect.soft(document.organisations.length, document.id).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
