import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, REPOSITORY, type SamsynProcess, startSamsynProcess } from "./helpers/samsyn-process.ts";

// Two processes on one data folder, as a secretary has them: `npm start` serving in one terminal,
// `npm run ingest` (or a file saved into knowledge/) in another. The server must answer from what
// the other process indexed, and its own ingests (an upload) must build on it.

const SEEDS = path.resolve(import.meta.dirname, "../../knowledge");
const API = { "x-samsyn-request": "1" };

const root = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-shared-index-"));
const knowledgeDir = path.join(root, "knowledge");
const dataDir = path.join(root, "data");
const started: SamsynProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((process_) => process_.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

function seedKnowledge(): void {
  fs.mkdirSync(knowledgeDir, { recursive: true });
  for (const name of fs.readdirSync(SEEDS).filter((file) => file.endsWith(".md") && file !== "README.md"))
    fs.copyFileSync(path.join(SEEDS, name), path.join(knowledgeDir, name));
}

async function start(env: Record<string, string> = {}): Promise<SamsynProcess> {
  const process_ = await startSamsynProcess({
    SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
    SAMSYN_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ...env,
  });
  started.push(process_);
  return process_;
}

/** `npm run ingest` in its own process on the same folders; resolves with its exit code and output. */
async function ingestInAnotherProcess(): Promise<{ code: number | null; output: string }> {
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value !== undefined &&
      !["NODE_OPTIONS", "VITEST", "VITEST_WORKER_ID", "VITEST_POOL_ID"].includes(key)
    )
      environment[key] = value;
  }
  const child = spawn(process.execPath, ["--import", "tsx", "src/surfaces/cli/ingest-command.ts"], {
    cwd: REPOSITORY,
    env: { ...environment, SAMSYN_KNOWLEDGE_DIR: knowledgeDir, SAMSYN_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, output };
}

async function documents(process_: SamsynProcess): Promise<number> {
  const response = await fetch(`${process_.url}/api/web/status`, { headers: API });
  expect(response.status).toBe(200);
  return ((await response.json()) as { documents: number }).documents;
}

/** The documents the answer to `question` cites; empty when Samsyn declines. */
async function citedDocuments(process_: SamsynProcess, question: string): Promise<string[]> {
  const response = await fetch(`${process_.url}/api/web/ask`, {
    method: "POST",
    headers: { ...API, "content-type": "application/json" },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  const { answer } = (await response.json()) as {
    answer: { abstained: boolean; citations: { documentId: string }[] };
  };
  return answer.abstained ? [] : answer.citations.map((citation) => citation.documentId);
}

/** Asks until `done` holds for the answer (every 250 ms); fails after `timeoutMs`. */
async function askUntil(
  process_: SamsynProcess,
  question: string,
  done: (cited: string[]) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let cited: string[] = [];
  while (Date.now() < deadline) {
    cited = await citedDocuments(process_, question);
    if (done(cited)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`"${question}" still cites ${JSON.stringify(cited)}`);
}

const PRESIDIUM = "Var sammanträder Kvarnholmias presidium?";
const HARBOUR = "När möts Hamnrådet i Skanör?";

describe("one index for npm start and npm run ingest", { timeout: 300_000 }, () => {
  it("answers from another process's ingest, and takes an upload afterwards", async () => {
    seedKnowledge();
    const server = await start({ SAMSYN_WATCH_KNOWLEDGE: "off" });
    const before = await documents(server);
    fs.writeFileSync(
      path.join(knowledgeDir, "kvarnholmia.md"),
      "# Kustnätverket Kvarnholmia\n\nKvarnholmia är ett samverkansnätverk för kustkommunerna. " +
        "Kvarnholmias presidium sammanträder i hamnkontoret i Torekov varje tisdag.\n",
    );
    // With the watcher off, only the other process's ingest can bring the document in.
    expect(await citedDocuments(server, PRESIDIUM)).not.toContain("kvarnholmia.md");

    const ingest = await ingestInAnotherProcess();
    expect(ingest.output).toMatch(/Indexering klar på .*1 nya/);
    expect(ingest.code).toBe(0);
    await askUntil(server, PRESIDIUM, (cited) => cited.includes("kvarnholmia.md"));
    expect(await documents(server)).toBe(before + 1);

    const upload = await fetch(`${server.url}/api/web/documents`, {
      method: "POST",
      headers: { ...API, "x-samsyn-filename": encodeURIComponent("hamnrad.md") },
      body: "# Hamnrådet i Skanör\n\nHamnrådet i Skanör möts första måndagen i varje månad i rådhuset.\n",
    });
    const body = (await upload.json()) as { indexed?: boolean; error?: { message: string } };
    expect(body.error?.message).toBeUndefined();
    expect(upload.status).toBe(200);
    expect(body.indexed).toBe(true);
    expect(await documents(server)).toBe(before + 2);
    expect(await citedDocuments(server, HARBOUR)).toContain("hamnrad.md");
    expect(await citedDocuments(server, PRESIDIUM)).toContain("kvarnholmia.md");
    // The reading worker kept between ingests must not keep Ctrl+C from ending the server.
    await server.stop();
    expect(server.child.signalCode).toBeNull();
    expect(server.child.exitCode).toBe(0);
  });

  it("indexes a file saved into, and removed from, the knowledge folder without a command", async () => {
    const server = await start();
    const question = "Vem ansvarar för fyrarna vid Hallandsåsen?";
    expect(await citedDocuments(server, question)).not.toContain("fyrar.md");
    // Written under an editor's temporary name first, then renamed, as editors save.
    const temporary = path.join(knowledgeDir, ".fyrar.md.swp");
    fs.writeFileSync(
      temporary,
      "# Fyrarna vid Hallandsåsen\n\nFyrgruppen i Båstad ansvarar för fyrarna vid Hallandsåsen och " +
        "rapporterar till kustnätverket två gånger om året.\n",
    );
    fs.renameSync(temporary, path.join(knowledgeDir, "fyrar.md"));
    await askUntil(server, question, (cited) => cited.includes("fyrar.md"));

    fs.rmSync(path.join(knowledgeDir, "fyrar.md"));
    await askUntil(server, question, (cited) => !cited.includes("fyrar.md"));
    expect(server.output()).toMatch(/"message":"watching the knowledge folder","mode":"events"/);
  });
});
