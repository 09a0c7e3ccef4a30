import fs from "node:fs";
import type { Core } from "../app/compose.ts";
import { SamsynError } from "../errors.ts";
import { EVERYTHING } from "../retrieval/scope.ts";
import { type EvalQuestion, type EvalResultLine, evalQuestionSchema } from "./eval-records.ts";

/** Reads a JSONL question file; a bad line is reported with its line number. */
export function readQuestions(file: string): EvalQuestion[] {
  if (!fs.existsSync(file)) throw new SamsynError("usage_invalid", `Frågefilen finns inte: ${file}`);
  const questions: EvalQuestion[] = [];
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (line.trim() === "") return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new SamsynError("usage_invalid", `${file}:${index + 1}: raden är inte giltig JSON.`);
      }
      const result = evalQuestionSchema.safeParse(parsed);
      if (!result.success) {
        throw new SamsynError(
          "usage_invalid",
          `${file}:${index + 1}: ${result.error.issues[0]?.message ?? "ogiltig rad"}`,
        );
      }
      questions.push(result.data);
    });
  return questions;
}

/** Answers every question over the whole index and returns one output line per question. */
export async function runEval(core: Core, questions: readonly EvalQuestion[]): Promise<EvalResultLine[]> {
  const lines: EvalResultLine[] = [];
  // One untimed question first: latency is measured with the index loaded and the code warm.
  await core.answers.ask("Vem ansvarar för uppföljningen?", { scope: EVERYTHING });
  for (const question of questions) {
    const { answer, retrieval, latencyMs } = await core.answers.ask(question.question, { scope: EVERYTHING });
    lines.push({
      id: question.id,
      answer: answer.text,
      abstained: answer.abstained,
      citations: answer.citations.map((citation) => ({
        doc: citation.documentId,
        title: citation.title,
        section: citation.section,
        page: citation.page,
        text: citation.quote,
      })),
      retrieved: retrieval.passages.slice(0, 10).map((passage) => ({
        doc: passage.document.id,
        text: passage.chunk.text,
        score: Number(passage.score.toFixed(6)),
      })),
      latency_ms: Number(latencyMs.toFixed(2)),
    });
  }
  return lines;
}
