import { describe, expect, it } from "vitest";
import type { KeywordHit } from "../../src/index/keyword-index.ts";
import type { KeywordPostingsOptions } from "../../src/index/keyword-postings.ts";
import { SqliteCatalog } from "../../src/index/sqlite-catalog.ts";
import { openDatabase, type SqliteDatabase, writeMeta } from "../../src/index/sqlite-database.ts";
import { SqliteKeywordIndex } from "../../src/index/sqlite-keyword-index.ts";
import { createSeededRandom } from "../../src/vectors/seeded-random.ts";

const WORDS = "nämnd styrelse ledamot beslut möte skola rektor bygglov plan kommun region avtal budget".split(
  " ",
);

/** A database with the keyword index over passages of two documents, written as an ingest would. */
function indexedPassages(
  passages: readonly { document: string; body: string[]; context: string[] }[],
  limits: KeywordPostingsOptions = {},
) {
  const database = openDatabase(":memory:");
  const catalog = new SqliteCatalog(database);
  let keywords = new SqliteKeywordIndex(database, catalog, limits);
  let generation = 0;
  const insertDocument = database.prepare(
    `INSERT OR IGNORE INTO documents(id, content_hash, title, type, organisations, groups, chunk_count, indexed_at)
     VALUES (?, 'hash', ?, 'other', '[]', '[]', 0, 'now')`,
  );
  const insertChunk = database.prepare(
    `INSERT INTO chunks(id, document_id, ordinal, text, heading_path, start_offset, end_offset)
     VALUES (?, ?, 0, 'text', '[]', 0, 0)`,
  );
  /** One committed ingest: removes passages by row id, then adds passages. */
  const ingest = (
    removed: readonly number[],
    added: readonly { document: string; body: string[]; context: string[] }[],
    flush = true,
  ): number[] => {
    const rowids: number[] = [];
    database.transaction(() => {
      generation++;
      for (const rowid of removed) {
        keywords.remove(rowid);
        database.prepare("DELETE FROM chunks WHERE rowid = ?").run(rowid);
      }
      for (const passage of added) {
        insertDocument.run(passage.document, passage.document);
        const rowid = Number(
          insertChunk.run(`${passage.document}#${rowids.length}-${generation}`, passage.document)
            .lastInsertRowid,
        );
        keywords.write(rowid, passage.body, passage.context);
        rowids.push(rowid);
      }
      if (flush) keywords.flush(String(generation));
      writeMeta(database, "generation", String(generation));
    })();
    catalog.invalidate();
    return rowids;
  };
  const rowids = ingest([], passages);
  return {
    database,
    keywords: () => keywords,
    rowids,
    ingest,
    /** Opens the index again, as a restarted process would. */
    reopen: () => {
      keywords = new SqliteKeywordIndex(database, catalog, limits);
    },
  };
}

/** What FTS5 itself answers for the same search. */
function fts5Search(
  database: SqliteDatabase,
  terms: readonly string[],
  limit: number,
  documentIds?: string[],
) {
  const query = [...new Set(terms)].map((term) => `"${term.replaceAll('"', '""')}"`).join(" OR ");
  if (documentIds) {
    return database
      .prepare(
        `SELECT f.rowid AS rowid, -bm25(chunks_fts, 1.0, 0.6) AS score FROM chunks_fts f JOIN chunks c ON c.rowid = f.rowid
         WHERE chunks_fts MATCH ? AND c.document_id IN (SELECT value FROM json_each(?)) ORDER BY score DESC LIMIT ?`,
      )
      .all(query, JSON.stringify(documentIds), limit) as KeywordHit[];
  }
  return database
    .prepare(
      "SELECT rowid, -bm25(chunks_fts, 1.0, 0.6) AS score FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY score DESC LIMIT ?",
    )
    .all(query, limit) as KeywordHit[];
}

function randomPassages(count: number, seed: number) {
  const random = createSeededRandom(seed);
  const pick = () => WORDS[Math.floor(random.next() * WORDS.length)] as string;
  return Array.from({ length: count }, (_, index) => ({
    document: `dokument-${index % 7}.md`,
    // Every fifth passage repeats the one before it, so equal scores occur.
    body: Array.from({ length: 3 + Math.floor(random.next() * 25) }, pick),
    context: Array.from({ length: Math.floor(random.next() * 4) }, pick),
  })).map((passage, index, all) => (index % 5 === 4 ? { ...(all[index - 1] ?? passage) } : passage));
}

function expectSameAsFts5(
  index: ReturnType<typeof indexedPassages>,
  queries: readonly (readonly string[])[],
  documentIds?: string[],
): void {
  for (const terms of queries) {
    for (const limit of [1, 5, 50, 1000]) {
      const options = documentIds ? { limit, documentIds } : { limit };
      // Scores are compared bit for bit: fusion standardises them, so any difference could reorder answers.
      expect(index.keywords().search(terms, options)).toEqual(
        fts5Search(index.database, terms, limit, documentIds),
      );
    }
  }
}

const QUERIES = [
  ["nämnd"],
  ["skola", "rektor"],
  ["bygglov", "plan", "kommun", "okänd"],
  WORDS,
  ["avtal", "avtal"],
];

describe("SqliteKeywordIndex", () => {
  it("ranks exactly as FTS5's bm25 does, equal scores by row id", () => {
    const index = indexedPassages(randomPassages(400, 1));
    expectSameAsFts5(index, QUERIES);
    expectSameAsFts5(index, QUERIES, ["dokument-1.md", "dokument-4.md"]);
  });

  it("keeps ranking exactly after passages are removed and others added", () => {
    const index = indexedPassages(randomPassages(300, 2));
    // The highest row ids go too, so SQLite hands them out again to new passages.
    index.ingest([...index.rowids.slice(0, 40), ...index.rowids.slice(-10)], randomPassages(60, 3));
    index.ingest(index.rowids.slice(100, 120), []);
    expectSameAsFts5(index, QUERIES);
    index.reopen();
    expectSameAsFts5(index, QUERIES, ["dokument-2.md"]);
  });

  it("stays exact when an ingest is too large to hold in memory at once", () => {
    const limits = { maxPendingPairs: 100, maxMergedPairs: 7 };
    const index = indexedPassages(randomPassages(300, 7), limits);
    index.ingest(index.rowids.slice(0, 250), randomPassages(200, 8));
    expectSameAsFts5(index, QUERIES);
    // Postings an older program left behind are rebuilt in the same bounded steps.
    index.ingest([], randomPassages(20, 9), false);
    index.reopen();
    index.ingest(index.rowids.slice(250, 260), []);
    expectSameAsFts5(index, QUERIES);
  });

  it("answers a term FTS5 reads as several words the way FTS5 does", () => {
    const index = indexedPassages([
      { document: "a.md", body: ["fn:s", "mål", "nämnd"], context: [] },
      { document: "b.md", body: ["fn", "s", "nämnd"], context: ["fn"] },
      { document: "c.md", body: ["s", "fn", "nämnd"], context: [] },
    ]);
    expectSameAsFts5(index, [["fn:s"], ["fn", "nämnd"], ["fn:s", "mål"]]);
  });

  it("stays exact when an older program changed the index, and catches up at the next ingest", () => {
    const index = indexedPassages(randomPassages(200, 4));
    // An older program writes passages without keeping the postings up to date.
    index.ingest(index.rowids.slice(0, 30), randomPassages(30, 5), false);
    index.reopen();
    expectSameAsFts5(index, QUERIES);
    index.ingest([], randomPassages(5, 6));
    expectSameAsFts5(index, QUERIES);
  });

  it("finds the documents that contain a name", () => {
    const index = indexedPassages([
      { document: "laholm.md", body: ["laholm", "nämnd"], context: [] },
      { document: "halland.md", body: ["region"], context: ["laholm"] },
      { document: "annat.md", body: ["kommun"], context: [] },
    ]);
    expect([...index.keywords().documentsContaining("laholm")].sort()).toEqual(["halland.md", "laholm.md"]);
    expect(index.keywords().documentsContaining("saknas").size).toBe(0);
  });
});
