/**
 * How closely a running `npm start` follows changes it did not make itself:
 * - notice delay: from another process's ingest committing (`npm run ingest` in a second terminal)
 *   until the server's status counts the new document;
 * - drop to answerable: from a file saved into knowledge/ until the server answers a question
 *   about it with a citation (the folder watcher, debounce and ingest included).
 * Usage: npx tsx scripts/bench-shared-index.ts [--rounds 5] [--corpus DIR]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { freePort, REPOSITORY, startSamsynProcess } from "../tests/e2e/helpers/samsyn-process.ts";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, corpus: { type: "string" } },
});
const rounds = Number(values.rounds);
const API = { "x-samsyn-request": "1" };
const PLACES = ["Kvarnö", "Lerhamn", "Torsvik", "Ålabodarna", "Sandhamn", "Grötvik", "Skäret", "Haverdal"];

const root = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-bench-shared-"));
const knowledgeDir = path.join(root, "knowledge");
const dataDir = path.join(root, "data");
const source = values.corpus ?? path.join(REPOSITORY, "knowledge");
fs.cpSync(source, knowledgeDir, { recursive: true });

const environment = (watch: "on" | "off") => ({
  SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
  SAMSYN_DATA_DIR: dataDir,
  SAMSYN_WATCH_KNOWLEDGE: watch,
  LOG_LEVEL: "warn",
});

function document(place: string): string {
  return `# Fyren i ${place}\n\nFyrgruppen i ${place} ansvarar för fyren i ${place} och möts varje torsdag i sjöboden.\n`;
}

async function documents(url: string): Promise<number> {
  const response = await fetch(`${url}/api/web/status`, { headers: API });
  return ((await response.json()) as { documents: number }).documents;
}

async function cites(url: string, question: string, file: string): Promise<boolean> {
  const response = await fetch(`${url}/api/web/ask`, {
    method: "POST",
    headers: { ...API, "content-type": "application/json" },
    body: JSON.stringify({ question }),
  });
  const { answer } = (await response.json()) as { answer: { citations: { documentId: string }[] } };
  return answer.citations.some((citation) => citation.documentId === file);
}

async function ingestInAnotherProcess(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/surfaces/cli/ingest-command.ts"], {
    cwd: REPOSITORY,
    env: { ...process.env, ...environment("off") },
    stdio: "ignore",
  });
  await new Promise((resolve) => child.once("exit", resolve));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const summary = (label: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  process.stdout.write(
    `${label}: median ${median} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms (${samples.map(String).join(", ")})\n`,
  );
};

// Notice delay: the watcher is off, so only the other process can bring the document in.
const notices: number[] = [];
{
  const server = await startSamsynProcess(
    { ...environment("off"), PORT: String(await freePort()) },
    1_800_000,
  );
  for (let round = 0; round < rounds; round++) {
    const before = await documents(server.url);
    fs.writeFileSync(path.join(knowledgeDir, `extern-${round}.md`), document(`Ytterby ${round}`));
    const ingest = ingestInAnotherProcess();
    let seen = 0;
    while (!seen) {
      if ((await documents(server.url)) > before) seen = Date.now();
      else await sleep(20);
    }
    await ingest;
    const database = new Database(path.join(dataDir, "samsyn.db"), { readonly: true });
    const row = database.prepare("SELECT value FROM meta WHERE key = 'last_ingest_at'").get() as {
      value: string;
    };
    database.close();
    // last_ingest_at is stamped as the write begins: the delay includes the write itself.
    notices.push(seen - Date.parse(row.value));
  }
  await server.stop();
}

// Drop to answerable: the watcher is on (the default).
const drops: number[] = [];
{
  const server = await startSamsynProcess(
    { ...environment("on"), PORT: String(await freePort()) },
    1_800_000,
  );
  for (let round = 0; round < rounds; round++) {
    const place = PLACES[round % PLACES.length] as string;
    const file = `fyr-${round}.md`;
    const question = `Vem ansvarar för fyren i ${place}?`;
    const dropped = Date.now();
    fs.writeFileSync(path.join(knowledgeDir, file), document(place));
    while (!(await cites(server.url, question, file))) await sleep(50);
    drops.push(Date.now() - dropped);
    await sleep(1000);
  }
  await server.stop();
}

process.stdout.write(`knowledge: ${source}\n`);
summary("another process's ingest → server answers from it (notice delay)", notices);
summary("file saved into knowledge/ → answerable", drops);
fs.rmSync(root, { recursive: true, force: true });
