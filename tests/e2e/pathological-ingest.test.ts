import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import type { IngestSummary } from "../../src/index/ingest-knowledge.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { type PathologicalFile, writePathologicalFiles } from "../builders/pathological-files.ts";

// Wall time and memory are measured outside the tests (see the README's ingest limits); here the
// test checks what a person running ingest sees: it finishes, indexes the seeds, names every bad file.
let folder: ReturnType<typeof temporaryFolder>;
let core: Core;
let summary: IngestSummary;
let files: PathologicalFile[];
let seeds: string[];

beforeAll(async () => {
  folder = temporaryFolder();
  const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  seeds = (await ingestedCoreIds(knowledgeDir, path.join(folder.dir, "seed-data"))).sort();
  files = await writePathologicalFiles(knowledgeDir);
  ({ core, summary } = await ingestedCore(knowledgeDir, path.join(folder.dir, "data")));
}, 600_000);

afterAll(() => {
  core?.close();
  folder?.cleanup();
});

async function ingestedCoreIds(knowledgeDir: string, dataDir: string): Promise<string[]> {
  const seeded = await ingestedCore(knowledgeDir, dataDir);
  const ids = seeded.core.index.catalog.documents().map((document) => document.id);
  seeded.core.close();
  return ids;
}

const skippedMessage = (name: string) => summary.skipped.find((problem) => problem.file === name)?.message;

describe("ingest of a folder holding pathological files next to the seed documents", () => {
  it("indexes every seed document", () => {
    expect(seeds.length).toBeGreaterThan(0);
    const indexed = new Set(core.index.catalog.documents().map((document) => document.id));
    expect(seeds.filter((id) => !indexed.has(id))).toEqual([]);
  });

  it("reports each bad file by name with its reason in Swedish, and nothing else", () => {
    const bad = files.filter((file) => file.reason !== null);
    for (const file of bad) {
      const message = skippedMessage(file.name);
      expect(message, file.name).toBeDefined();
      expect(message?.startsWith(`${file.name}: `), message).toBe(true);
      expect(message, file.name).toMatch(file.reason ?? "");
    }
    expect(summary.skipped.map((problem) => problem.file).sort()).toEqual(
      bad.map((file) => file.name).sort(),
    );
  });

  it("indexes the readable ones with their real text", async () => {
    const indexed = new Map(core.index.catalog.documents().map((document) => [document.id, document]));
    for (const file of files.filter((candidate) => candidate.reason === null)) {
      expect(indexed.get(file.name)?.chunkCount ?? 0, file.name).toBeGreaterThan(0);
    }
    const textOf = async (question: string, id: string) =>
      (await core.retriever.retrieve(question, EVERYTHING, 10)).passages
        .filter((passage) => passage.document.id === id)
        .map((passage) => passage.chunk.text)
        .join("\n");
    expect(await textOf("Hur ofta sammanträder Kustberedningen i Varberg?", "utf16-utan-bom.txt")).toContain(
      "Kustberedningen sammanträder i Varberg fyra gånger per år.",
    );
    const markdown = await textOf("Vem leder arbetet i Kustberedningen?", "bild-i-markdown.md");
    expect(markdown).toContain("Presidiet i Kustberedningen leder arbetet.");
    expect(markdown).not.toContain("base64");
    expect(await textOf("Vilket ärende behandlades i april?", "arendelista.pdf")).toContain("Ärende 4 av 6");
  });

  it("keeps no passage of junk: no NUL characters and no token longer than a word can be", () => {
    const rows = core.index.database.prepare("SELECT text FROM chunks").all() as { text: string }[];
    expect(rows.filter((row) => row.text.includes("\u0000"))).toEqual([]);
    expect(rows.filter((row) => /\S{1401}/.test(row.text))).toEqual([]);
  });
});
