/**
 * `npm run bench -- --load`: starts the real server and drives it over HTTP — concurrent web
 * questions and signed Slack events at once, then sequential web questions — and prints errors,
 * latency and the server's memory (VmRSS) before and after.
 * Usage: npm run bench -- --load [--concurrent 200] [--sequential 5000]
 */
import { parseArgs } from "node:util";
import { describeArgumentError } from "../src/surfaces/cli/argument-errors.ts";
import { type Latencies, type PhaseResult, runLoad } from "./bench-load-driver.ts";

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        load: { type: "boolean" },
        concurrent: { type: "string", default: "200" },
        sequential: { type: "string", default: "5000" },
      },
    });
  } catch (error) {
    process.stderr.write(`${describeArgumentError(error)}\n`);
    process.exit(2);
  }
})();
const concurrent = Number(values.concurrent);
const sequential = Number(values.sequential);

const result = await runLoad({
  concurrentWeb: concurrent,
  concurrentSlack: concurrent,
  sequential,
  settleMs: 15_000,
  progress: (line) => process.stderr.write(`${line}\n`),
});

const milliseconds = (value: number) => value.toFixed(0);
const row = (name: string, phase: PhaseResult) => {
  const latency: Latencies = phase.latency;
  return [
    name,
    String(latency.count + phase.errors),
    String(phase.errors),
    milliseconds(latency.p50),
    milliseconds(latency.p95),
    milliseconds(latency.max),
  ];
};
const rows = [
  ["fas", "anrop", "fel", "p50 ms", "p95 ms", "max ms"],
  row(`webbfrågor, ${concurrent} samtidigt`, result.web),
  row(`Slack-händelser, ${concurrent} samtidigt (kvittens)`, result.slackAck),
  row(`Slack-händelser, ${concurrent} samtidigt (svar postat)`, result.slackAnswer),
  row(`webbfrågor, ${sequential} i följd`, result.soak),
];
const widths =
  rows[0]?.map((_, column) => Math.max(...rows.map((cells) => cells[column]?.length ?? 0))) ?? [];
for (const cells of rows) {
  process.stdout.write(
    `${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ")}\n`,
  );
}
const megabytes = (kilobytes: number) => (kilobytes / 1024).toFixed(0);
const { started, afterConcurrent, duringSoak, afterSoak, settled } = result.rss;
const soakGrowth = ((afterSoak - afterConcurrent) / afterConcurrent) * 100;
const totalGrowth = ((afterSoak - started) / started) * 100;
const settledGrowth = ((settled - started) / started) * 100;
const signed = (percent: number) => `${percent >= 0 ? "+" : ""}${percent.toFixed(1)} %`;
process.stdout.write(
  `\nServerns minne (VmRSS): ${megabytes(started)} MB efter start, ${megabytes(afterConcurrent)} MB efter de samtidiga anropen, ` +
    `${megabytes(afterSoak)} MB efter ${sequential} frågor i följd (${signed(soakGrowth)} under följden, ${signed(totalGrowth)} sedan start), ` +
    `${megabytes(settled)} MB efter 15 s utan anrop (${signed(settledGrowth)} sedan start). Servern ${result.alive ? "lever" : "har STANNAT"}.\n` +
    `Slack-händelser som inte kvitterades inom 3 s och skickades igen (som Slack gör): ${result.slackRedelivered}; varje nämning ska ändå besvaras en gång.\n` +
    `Under följden, efter varje femtedel: ${duringSoak.map((kilobytes) => `${megabytes(kilobytes)} MB`).join(", ")}.\n`,
);
for (const phase of [result.web, result.slackAck, result.slackAnswer, result.soak]) {
  for (const example of phase.examples) process.stdout.write(`fel: ${example}\n`);
}
const errors = result.web.errors + result.slackAck.errors + result.slackAnswer.errors + result.soak.errors;
process.exitCode = errors === 0 && result.alive ? 0 : 1;
