import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { poll } from "./helpers/poll.ts";
import { freePort, type SamsynProcess, startSamsynProcess } from "./helpers/samsyn-process.ts";

// `npm start` serves at once and reads the knowledge folder behind the scenes: a first start says
// that it is indexing; a restart answers from the previous index while the changes are read.

const SEEDS = path.resolve(import.meta.dirname, "../../knowledge");
const QUESTION = "Hur många möten per år har samverkansberedningen i Laholm?";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-serve-indexing-"));
const knowledgeDir = path.join(root, "knowledge");
const started: SamsynProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((process_) => process_.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

/** The seed documents plus a long minutes file (about 1.5 MB) that takes some seconds to index. */
function knowledgeWithLongFile(): void {
  fs.mkdirSync(knowledgeDir, { recursive: true });
  for (const name of fs.readdirSync(SEEDS).filter((file) => file.endsWith(".md") && file !== "README.md"))
    fs.copyFileSync(path.join(SEEDS, name), path.join(knowledgeDir, name));
  const sections = Array.from(
    { length: 2500 },
    (_, index) =>
      `## Paragraf ${index + 1}\n\nSammanträde nummer ${index + 1} behandlade ärende ${index * 7 + 3} om ` +
      `budget, uppföljning och samverkan mellan kommun och region; beslut fattades enligt förslag ${index}. ` +
      "Protokollet justerades av ordföranden och en ledamot utsedd vid sammanträdets början.\n",
  );
  fs.writeFileSync(
    path.join(knowledgeDir, "protokollsamling.md"),
    `# Protokollsamling\n\n${sections.join("\n")}`,
  );
}

async function start(): Promise<SamsynProcess> {
  const process_ = await startSamsynProcess(
    {
      SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
      SAMSYN_DATA_DIR: path.join(root, "data"),
      PORT: String(await freePort()),
    },
    120_000,
    false,
  );
  started.push(process_);
  return process_;
}

async function status(process_: SamsynProcess): Promise<{ documents: number; indexing: string | null }> {
  const response = await fetch(`${process_.url}/api/web/status`, { headers: { "x-samsyn-request": "1" } });
  expect(response.status).toBe(200);
  return (await response.json()) as { documents: number; indexing: string | null };
}

async function ask(
  process_: SamsynProcess,
): Promise<{ text: string; abstained: boolean; citations: unknown[] }> {
  const response = await fetch(`${process_.url}/api/web/ask`, {
    method: "POST",
    headers: { "x-samsyn-request": "1", "content-type": "application/json" },
    body: JSON.stringify({ question: QUESTION }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    answer: { text: string; abstained: boolean; citations: unknown[] };
  };
  return body.answer;
}

const indexed = (process_: SamsynProcess) => /Indexering klar på/.test(process_.output());

describe("npm start while the knowledge folder is indexed", { timeout: 240_000 }, () => {
  it("says it is indexing on a first start, then answers from the previous index during a re-index", async () => {
    knowledgeWithLongFile();
    const first = await start();
    const firstStatus = await status(first);
    expect(firstStatus.documents).toBe(0);
    expect(firstStatus.indexing).toMatch(/^Indexerar kunskapsmappen/);
    const early = await ask(first);
    expect(early.text).toMatch(/^Indexerar kunskapsmappen/);
    await poll(() => indexed(first), 180_000);
    expect((await status(first)).indexing).toBeNull();
    expect((await ask(first)).abstained).toBe(false);
    await first.stop();

    // A changed file: the restart re-reads it while answering from what was indexed before.
    fs.appendFileSync(path.join(knowledgeDir, "protokollsamling.md"), "\n## Tillägg\n\nEtt nytt stycke.\n");
    const second = await start();
    const secondStatus = await status(second);
    // The five seed documents and the minutes, from the first start's index.
    expect(secondStatus.documents).toBe(6);
    expect(secondStatus.indexing).toMatch(/^Läser in ändringar i kunskapsmappen/);
    const during = await ask(second);
    expect(during.abstained).toBe(false);
    expect(during.citations.length).toBeGreaterThan(0);
    await poll(() => indexed(second), 180_000);
    expect((await status(second)).indexing).toBeNull();
  });
});
