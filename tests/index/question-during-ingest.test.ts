import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestKnowledge } from "../../src/index/ingest-knowledge.ts";
import { KnowledgeIndex } from "../../src/index/knowledge-index.ts";
import { openDatabase } from "../../src/index/sqlite-database.ts";
import { HybridRetriever } from "../../src/retrieval/hybrid-retriever.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";
import { temporaryFolder } from "../builders/core.ts";
import { FakeEmbedder } from "../fakes/fake-embedder.ts";

// A question runs while another process (here: another connection to the same data folder, with its
// own vectors and caches) commits an ingest that rewrote a document. The question began on the old
// generation; whatever it returns must be passages as they were written, never one passage's
// evidence (its keyword hit, its vector) shown with another passage's text.

const analyzer = createSwedishAnalyzer();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A FakeEmbedder whose next query waits until `release` is called: the seam between the two reads. */
class PausingEmbedder extends FakeEmbedder {
  private pause: { reached: () => void; wait: Promise<void> } | null = null;

  /** Makes the next query embedding wait; resolves `reached` when a question gets there. */
  pauseNextQuery(): { reached: Promise<void>; release: () => void } {
    let release = () => {};
    let reached = () => {};
    const reachedPromise = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const wait = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.pause = { reached, wait };
    return { reached: reachedPromise, release };
  }

  override async embed(texts: readonly string[], kind: "passage" | "query"): Promise<Float32Array[]> {
    const pause = kind === "query" ? this.pause : null;
    if (pause) {
      this.pause = null;
      pause.reached();
      await pause.wait;
    }
    return super.embed(texts, kind);
  }
}

const OLD_HARBOUR = `# Kvarnholmia

${Array.from({ length: 6 }, (_, index) => `Kvarnholmia sammanträder i hamnen, punkt ${index + 1}, varje månad med presidiet.`).join("\n\n")}
`;
const NEW_POOL = `# Tornbyverket

${Array.from({ length: 6 }, (_, index) => `Tornbyverket beslutar om simhallens budget, punkt ${index + 1}, varje höst.`).join("\n\n")}
`;

function setUp() {
  const folder = temporaryFolder("samsyn-question-during-ingest-");
  const knowledgeDir = path.join(folder.dir, "knowledge");
  const dataDir = path.join(folder.dir, "data");
  fs.mkdirSync(knowledgeDir);
  fs.writeFileSync(
    path.join(knowledgeDir, "a-reglemente.md"),
    "# Reglemente\n\nBeredningen sammanträder fyra gånger per år i Laholm.\n",
  );
  fs.writeFileSync(path.join(knowledgeDir, "z-natverk.md"), OLD_HARBOUR);
  const embedder = new PausingEmbedder();
  const server = KnowledgeIndex.open(dataDir, embedder, analyzer);
  const ingester = KnowledgeIndex.open(dataDir, new FakeEmbedder(), analyzer);
  cleanups.push(() => {
    server.close();
    ingester.close();
    folder.cleanup();
  });
  return { knowledgeDir, server, ingester, embedder };
}

describe("a question while another process commits an ingest", () => {
  it("never shows a passage's keyword hit or vector with another passage's text", async () => {
    const { knowledgeDir, server, ingester, embedder } = setUp();
    await ingestKnowledge(server, knowledgeDir);
    const retriever = new HybridRetriever(server);
    const before = await retriever.retrieve("Var sammanträder Kvarnholmia?", EVERYTHING, 8);
    expect(before.passages.some((passage) => passage.chunk.text.includes("hamnen"))).toBe(true);

    // The question has read its keyword hits and waits for its query vector when the other
    // process rewrites the document and commits.
    const pause = embedder.pauseNextQuery();
    const asked = retriever.retrieve("Var sammanträder Kvarnholmia?", EVERYTHING, 8);
    await pause.reached;
    fs.writeFileSync(path.join(knowledgeDir, "z-natverk.md"), NEW_POOL);
    const summary = await ingestKnowledge(ingester, knowledgeDir);
    expect(summary.updated).toBe(1);
    pause.release();
    const during = await asked;

    for (const passage of during.passages) {
      // A keyword hit has one of the question's words in its text; the new text has none of them.
      if (passage.keywordScore !== null) expect(passage.chunk.text).toMatch(/Kvarnholmia|sammanträd/);
      expect(passage.chunk.text).not.toContain("Tornbyverket");
    }

    // Once the server has loaded the new generation, the rewritten document answers.
    expect(await server.syncWithDatabase()).toBe(true);
    retriever.invalidate();
    const after = await retriever.retrieve("Vad beslutar Tornbyverket om?", EVERYTHING, 8);
    expect(after.passages.some((passage) => passage.chunk.text.includes("simhallens budget"))).toBe(true);
  });
});

describe("passage row ids", () => {
  it("are never handed out again, also not after the passages with the highest ids were replaced", async () => {
    const { knowledgeDir, server } = setUp();
    await ingestKnowledge(server, knowledgeDir);
    const rowids = () =>
      (server.database.prepare("SELECT rowid FROM chunks ORDER BY rowid").all() as { rowid: number }[]).map(
        (row) => row.rowid,
      );
    const first = rowids();
    // z-natverk.md is read last, so its passages hold the highest ids.
    fs.writeFileSync(path.join(knowledgeDir, "z-natverk.md"), NEW_POOL);
    await ingestKnowledge(server, knowledgeDir);
    const second = rowids();
    const kept = second.filter((rowid) => first.includes(rowid));
    const added = second.filter((rowid) => !first.includes(rowid));
    expect(kept.length).toBeGreaterThan(0);
    expect(Math.min(...added)).toBeGreaterThan(Math.max(...first));
  });

  it("keep their ids when a database of the previous schema is upgraded", () => {
    const folder = temporaryFolder("samsyn-chunk-ids-");
    cleanups.push(folder.cleanup);
    const file = path.join(folder.dir, "samsyn.db");
    const database = openDatabase(file);
    database.exec(`
      INSERT INTO documents(id, content_hash, title, type, organisations, groups, chunk_count, indexed_at)
        VALUES ('a.md', 'h', 'A', 'other', '[]', '[]', 2, '2026-01-01');
      INSERT INTO chunks(rowid, id, document_id, ordinal, text, heading_path, start_offset, end_offset)
        VALUES (7, 'a.md#0', 'a.md', 0, 'Första', '[]', 0, 6), (9, 'a.md#1', 'a.md', 1, 'Andra', '[]', 7, 12);
    `);
    // Back to schema 3: the chunks table as it was, ids reused.
    database.exec(`
      CREATE TABLE chunks_old AS SELECT rowid AS rowid, * FROM chunks;
      DROP TABLE chunks;
      CREATE TABLE chunks (
        rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL, text TEXT NOT NULL, heading_path TEXT NOT NULL, page INTEGER,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, embedding BLOB);
      INSERT INTO chunks SELECT rowid, id, document_id, ordinal, text, heading_path, page, start_offset, end_offset, embedding FROM chunks_old;
      DROP TABLE chunks_old;
      CREATE INDEX chunks_document ON chunks(document_id);
      PRAGMA user_version = 3;
    `);
    database.close();

    const upgraded = openDatabase(file);
    const rows = upgraded.prepare("SELECT rowid, text FROM chunks ORDER BY rowid").all();
    expect(rows).toEqual([
      { rowid: 7, text: "Första" },
      { rowid: 9, text: "Andra" },
    ]);
    upgraded.exec("DELETE FROM chunks WHERE rowid = 9");
    const inserted = upgraded
      .prepare(
        "INSERT INTO chunks(id, document_id, ordinal, text, heading_path, start_offset, end_offset) VALUES ('a.md#2', 'a.md', 1, 'Ny', '[]', 0, 2)",
      )
      .run();
    expect(Number(inserted.lastInsertRowid)).toBe(10);
    upgraded.close();
  });
});
