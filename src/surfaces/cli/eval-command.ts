import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrap } from "../../app/bootstrap.ts";
import type { EvalMetrics } from "../../evaluation/eval-records.ts";
import { readQuestions, runEval } from "../../evaluation/run-eval.ts";
import { scoreEval, scoreEvalByType } from "../../evaluation/score-eval.ts";
import { loadGroups } from "../../knowledge/groups.ts";
import { EXIT_OK, parseCommandArguments, runCommand, UsageError } from "./run-command.ts";

const USAGE = `Användning: npm run eval -- --knowledge MAPP --questions FIL.jsonl --out FIL.jsonl
Indexerar MAPP i en tillfällig datamapp, besvarar varje fråga och skriver en JSON-rad per fråga.
Frågor med "group", "now" och "history" ställs i gruppens kanal, vid den tiden och i samma tråd;
MAPPENs groups/ och calendar/ läses som av npm start. Måtten skrivs ut totalt och per "type".`;

async function main(): Promise<number> {
  const { values } = parseArguments();
  if (!values.knowledge || !values.questions || !values.out) {
    throw new UsageError("--knowledge, --questions och --out måste anges.");
  }
  if (!fs.existsSync(values.knowledge))
    throw new UsageError(`Kunskapsmappen finns inte: ${values.knowledge}`);
  const questions = readQuestions(values.questions);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-eval-"));
  try {
    const { core, summary } = await bootstrap({
      overrides: { knowledgeDir: path.resolve(values.knowledge), dataDir },
      // Latency is measured as in a running bot, whose start-up warms the caches.
      warmUp: true,
    });
    try {
      const { groups, problems } = await loadGroups(path.join(path.resolve(values.knowledge), "groups"));
      for (const problem of problems) process.stderr.write(`Gruppfilen hoppas över: ${problem.message}\n`);
      const lines = await runEval(core, questions, { groups });
      fs.writeFileSync(values.out, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
      const metrics = scoreEval(questions, new Map(lines.map((line) => [line.id, line])));
      process.stdout.write(
        `${summary.documents} dokument, ${summary.chunks} avsnitt, ${questions.length} frågor (svarsmotor ${core.composer.id}, vektorer ${core.index.embedder.id})\n`,
      );
      process.stdout.write(`${formatMetrics(metrics)}\n`);
      const byType = scoreEvalByType(questions, new Map(lines.map((line) => [line.id, line])));
      if (byType.size > 1) process.stdout.write(`\nPer typ:\n${formatByType(byType)}\n`);
      return EXIT_OK;
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One metric per line, `name value`, easy to read and to grep. */
function formatMetrics(metrics: EvalMetrics): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name.padEnd(20)} ${Number.isInteger(value) ? value : value.toFixed(3)}`)
    .join("\n");
}

const TYPE_COLUMNS: readonly (keyof EvalMetrics)[] = [
  "questions",
  "hit@1",
  "hit@5",
  "answer_correct",
  "citation_hit",
  "abstain_accuracy",
  "over_abstain",
];

/** One row per question type under a header of the metrics that differ between types. */
function formatByType(byType: ReadonlyMap<string, EvalMetrics>): string {
  const width = Math.max(4, ...[...byType.keys()].map((type) => type.length)) + 2;
  const header = `${"typ".padEnd(width)}${TYPE_COLUMNS.map((name) => name.padStart(17)).join("")}`;
  const rows = [...byType].map(
    ([type, metrics]) =>
      `${type.padEnd(width)}${TYPE_COLUMNS.map((name) => {
        const value = metrics[name];
        return (Number.isInteger(value) ? String(value) : value.toFixed(3)).padStart(17);
      }).join("")}`,
  );
  return [header, ...rows].join("\n");
}

function parseArguments() {
  return parseCommandArguments({
    options: { knowledge: { type: "string" }, questions: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
}

runCommand(main, USAGE);
