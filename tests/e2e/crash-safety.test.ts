import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { composeCore } from "../../src/app/compose.ts";
import { loadConfig } from "../../src/config/config.ts";
import { silentLogger } from "../../src/logger.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());
const CHILD = path.resolve(import.meta.dirname, "helpers/ingest-child.ts");

/** Writes many generated documents so an ingest runs long enough to be interrupted. */
function addBulk(knowledgeDir: string, count: number): void {
  const sentence = (index: number) =>
    `Arbetsgrupp ${index} sammanträder varje månad och rapporterar till beredningen om läget i kommunen. `;
  for (let index = 0; index < count; index++) {
    const body = Array.from({ length: 60 }, (_, position) => sentence(index * 100 + position)).join("");
    fs.writeFileSync(
      path.join(knowledgeDir, `bulk-${index}.md`),
      `---\ntitle: Bilaga ${index}\n---\n# Bilaga ${index}\n\n${body}\n`,
    );
  }
}

/** Starts an ingest child and kills it with SIGKILL once it has printed `trigger`. */
function killDuring(
  knowledgeDir: string,
  dataDir: string,
  trigger: RegExp,
  delayMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, knowledgeDir, dataDir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let armed = false;
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString();
      if (!armed && trigger.test(output)) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.on("error", reject);
    child.on("exit", () => resolve(output));
  });
}

describe("crash safety", () => {
  it("leaves the previous index usable when ingest is killed mid-run", async () => {
    const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
    const dataDir = path.join(folder.dir, "data");
    const first = await ingestedCore(knowledgeDir, dataDir);
    const documentsBefore = first.summary.documents;
    const chunksBefore = first.summary.chunks;
    first.core.close();

    addBulk(knowledgeDir, 150);
    for (const [trigger, delay] of [
      [/reading/, 50],
      [/embedding/, 10],
      [/writing 0/, 0],
    ] as const) {
      const output = await killDuring(knowledgeDir, dataDir, trigger, delay);
      if (output.includes("done")) continue; // finished before the kill: nothing to check this round
      const { core } = await reopen(dataDir, knowledgeDir);
      const stats = core.index.catalog.stats();
      expect([documentsBefore, documentsBefore + 150]).toContain(stats.documents);
      if (stats.documents === documentsBefore) expect(stats.chunks).toBe(chunksBefore);
      expect(core.index.vectors.size).toBe(stats.chunks);
      const { answer } = await core.answers.ask("Vem kallar till samverkansberedningens möten i Laholm?", {
        scope: EVERYTHING,
      });
      expect(answer.text).toMatch(/kommunstyrelsens ordförande/i);
      core.close();
    }

    const final = await ingestedCore(knowledgeDir, dataDir);
    expect(final.summary.documents).toBe(documentsBefore + 150);
    expect(final.core.index.vectors.size).toBe(final.summary.chunks);
    final.core.close();
    // Four ingests of 150 files, three of them in a child process that reads files in a worker thread.
  }, 180_000);
});

/** Opens the index without ingesting, as the bot does after a restart. */
async function reopen(dataDir: string, knowledgeDir: string) {
  const core = await composeCore({ ...loadConfig({}), knowledgeDir, dataDir }, silentLogger);
  return { core };
}
