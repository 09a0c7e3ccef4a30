import fs from "node:fs";
import type { AskOptions } from "../answer/answer-service.ts";
import type { Core } from "../app/compose.ts";
import { SamsynError } from "../errors.ts";
import type { Group } from "../knowledge/groups.ts";
import { EVERYTHING, type Scope, scopeForGroups } from "../retrieval/scope.ts";
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
        const issue = result.error.issues[0];
        const field = issue?.path.length ? `fältet "${issue.path.join(".")}": ` : "";
        throw new SamsynError(
          "usage_invalid",
          `${file}:${index + 1}: ${field}${issue?.message ?? "ogiltig rad"}`,
        );
      }
      questions.push(result.data);
    });
  return questions;
}

/** What the eval knows beyond the index: the knowledge folder's groups, read as `npm start` reads them. */
export interface EvalContext {
  groups?: readonly Group[];
}

/**
 * Answers every question and returns one output line per question. A question with `group` is asked
 * in that group's scope (as in its channel), at its `now`, after its `history` turns were answered
 * in the same thread; the others over the whole index.
 */
export async function runEval(
  core: Core,
  questions: readonly EvalQuestion[],
  context: EvalContext = {},
): Promise<EvalResultLine[]> {
  const groups = context.groups ?? [];
  const lines: EvalResultLine[] = [];
  // One untimed question first: latency is measured with the index loaded and the code warm.
  await core.answers.ask("Vem ansvarar för uppföljningen?", { scope: EVERYTHING });
  for (const question of questions) {
    const options = askOptionsFor(core, question, groups);
    // Earlier turns are answered as a thread would answer them; only the last one is scored and timed.
    const history: string[] = [];
    for (const turn of question.history ?? []) {
      await core.answers.ask(turn.question, { ...options, history: [...history] });
      history.push(turn.question);
    }
    const { answer, retrieval, latencyMs } = await core.answers.ask(question.question, {
      ...options,
      ...(history.length > 0 ? { history } : {}),
    });
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

/** Scope, group and clock of one question line; an unknown group is an error naming the line's id. */
function askOptionsFor(core: Core, question: EvalQuestion, groups: readonly Group[]): AskOptions {
  const now = question.now ? { now: new Date(question.now) } : {};
  if (question.group === undefined) return { scope: EVERYTHING, ...now };
  const group = groups.find((candidate) => candidate.id === question.group);
  if (!group) {
    throw new SamsynError(
      "usage_invalid",
      `${question.id}: gruppen "${question.group}" finns inte i kunskapsmappens groups/ (finns: ${groups.map((candidate) => candidate.id).join(", ") || "inga"}).`,
    );
  }
  const scope: Scope = scopeForGroups([group.id], groups, core.index.catalog.documents());
  return { scope, group, ...now };
}
