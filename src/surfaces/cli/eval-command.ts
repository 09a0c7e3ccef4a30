import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrap } from "../../app/bootstrap.ts";
import type { EvalMetrics } from "../../evaluation/eval-records.ts";
import { readQuestions, runEval } from "../../evaluation/run-eval.ts";
import { scoreEval } from "../../evaluation/score-eval.ts";
import { EXIT_OK, parseCommandArguments, runCommand, UsageError } from "./run-command.ts";

const USAGE = `Användning: npm run eval -- --knowledge MAPP --questions FIL.jsonl --out FIL.jsonl
Indexerar MAPP i en tillfällig datamapp, besvarar varje fråga och skriver en JSON-rad per fråga.`;

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
      const lines = await runEval(core, questions);
      fs.writeFileSync(values.out, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
      const metrics = scoreEval(questions, new Map(lines.map((line) => [line.id, line])));
      process.stdout.write(
        `${summary.documents} dokument, ${summary.chunks} avsnitt, ${questions.length} frågor (svarsmotor ${core.composer.id}, vektorer ${core.index.embedder.id})\n`,
      );
      process.stdout.write(`${formatMetrics(metrics)}\n`);
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

function parseArguments() {
  return parseCommandArguments({
    options: { knowledge: { type: "string" }, questions: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
}

runCommand(main, USAGE);
