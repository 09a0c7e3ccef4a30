import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readMeta } from "../../src/index/sqlite-database.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { runIngest } from "./helpers/run-ingest.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function workspace() {
  const folder = temporaryFolder();
  cleanups.push(folder.cleanup);
  const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  return { knowledgeDir, dataDir: path.join(folder.dir, "data") };
}

async function ingestOnce(knowledgeDir: string, dataDir: string): Promise<string> {
  const { core } = await ingestedCore(knowledgeDir, dataDir);
  const file = readMeta(core.index.database, "vector_file") ?? "";
  core.close();
  return file;
}

describe("the vector file", () => {
  it("is not rewritten by an ingest that changed nothing or one document; the next process sees that document's new vectors", async () => {
    const { knowledgeDir, dataDir } = workspace();
    const first = await ingestOnce(knowledgeDir, dataDir);
    const written = fs.statSync(path.join(dataDir, first)).mtimeMs;

    expect(await ingestOnce(knowledgeDir, dataDir)).toBe(first);
    expect(fs.statSync(path.join(dataDir, first)).mtimeMs).toBe(written);

    const file = path.join(knowledgeDir, "halsam-samverkansstruktur.md");
    fs.appendFileSync(file, "\n## Presidiet\n\nPresidiet möts i Falkenberg varje kvartal.\n");
    expect(await ingestOnce(knowledgeDir, dataDir)).toBe(first);
    expect(fs.statSync(path.join(dataDir, first)).mtimeMs).toBe(written);
    expect(fs.readdirSync(dataDir).filter((name) => name.endsWith(".hnsw"))).toEqual([first]);

    // A process opening the index finds exactly the committed passages among the vectors, new ones included.
    const { core } = await ingestedCore(knowledgeDir, dataDir);
    cleanups.push(() => core.close());
    const rowids = core.index.catalog.chunkRowidsOfDocuments(
      core.index.catalog.documents().map((document) => document.id),
    );
    expect(core.index.vectors.size).toBe(rowids.length);
    expect(rowids.every((rowid) => core.index.vectors.has(rowid))).toBe(true);
    const [vector] = await core.index.embedder.embed(["Presidiet möts i Falkenberg varje kvartal."], "query");
    const [best] = core.index.vectors.search(vector as Float32Array, 1);
    const text = core.index.catalog.chunksByRowid([best?.label ?? -1]).get(best?.label ?? -1)?.text ?? "";
    expect(text).toContain("Falkenberg");
  });

  it("loses the temporary file a crash between writing and renaming left behind", async () => {
    const { knowledgeDir, dataDir } = workspace();
    await ingestOnce(knowledgeDir, dataDir);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const stray = path.join(dataDir, `vectors-9.hnsw.tmp-${dead}`);
    fs.writeFileSync(stray, Buffer.alloc(4096));

    await ingestOnce(knowledgeDir, dataDir);
    expect(fs.existsSync(stray)).toBe(false);
  });
});

describe("a damaged or unusable data folder", () => {
  it("is reported at start, naming SAMSYN_DATA_DIR and what to do, when the database is damaged in the middle", async () => {
    const { knowledgeDir, dataDir } = workspace();
    await ingestOnce(knowledgeDir, dataDir);
    const database = path.join(dataDir, "samsyn.db");
    const size = fs.statSync(database).size;
    const handle = fs.openSync(database, "r+");
    fs.writeSync(handle, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(handle);

    const { code, output } = await runIngest(knowledgeDir, dataDir);
    expect(code).not.toBe(0);
    expect(output).toMatch(/samsyn\.db i datamappen \(SAMSYN_DATA_DIR\) är skadad/);
    expect(output).toMatch(/Flytta undan mappens filer/);
    expect(output).not.toMatch(/Oväntat fel|SqliteError/);
  });

  it("is reported naming SAMSYN_DATA_DIR when the data folder is not a usable folder", async () => {
    const { knowledgeDir, dataDir } = workspace();
    fs.writeFileSync(dataDir, "ingen mapp");

    const { code, output } = await runIngest(knowledgeDir, dataDir);
    expect(code).not.toBe(0);
    expect(output).toMatch(/SAMSYN_DATA_DIR/);
    expect(output).not.toMatch(/Oväntat fel|SqliteError/);
  });
});
