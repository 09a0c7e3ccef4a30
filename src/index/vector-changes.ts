import type { HnswVectorIndex } from "./hnsw-vector-index.ts";
import { bufferToVector } from "./knowledge-index.ts";
import { ensureModuleSchema, type SqliteDatabase } from "./sqlite-database.ts";

const SCHEMA = [
  // Vector changes made since the vector file named in meta was written, in the order applied: rows
  // removed from the graph, and rows (re)inserted with the embedding the chunks table holds for them.
  "CREATE TABLE vector_changes (seq INTEGER PRIMARY KEY, rowid INTEGER NOT NULL, removed INTEGER NOT NULL)",
];
/** Changes kept beside the file before it is written whole again: replaying them must stay cheap. */
const MIN_PENDING = 2000;
/** ... or this share of the vectors, whichever is more. */
const PENDING_SHARE = 0.02;

/** One change of the vector graph: a row removed, or a row inserted or updated. */
export interface VectorChange {
  rowid: number;
  removed: boolean;
}

/**
 * Small ingests leave the vector file as it is and record their changes here, in the same
 * transaction: rewriting a statute corpus's 200 MB file (and fsyncing it) took longer than the rest
 * of a one-file ingest. A process loading the index replays the changes on the file it reads.
 */
export class VectorChanges {
  private readonly pending;
  private readonly insert;
  private readonly clearAll;
  private readonly all;

  constructor(database: SqliteDatabase) {
    ensureModuleSchema(database, "vector-changes", SCHEMA);
    this.pending = database.prepare("SELECT count(*) AS n FROM vector_changes");
    this.insert = database.prepare("INSERT INTO vector_changes(rowid, removed) VALUES (?, ?)");
    this.clearAll = database.prepare("DELETE FROM vector_changes");
    this.all = database.prepare(
      "SELECT v.rowid AS rowid, v.removed AS removed, c.embedding AS embedding FROM vector_changes v LEFT JOIN chunks c ON c.rowid = v.rowid ORDER BY v.seq",
    );
  }

  /** Whether `changes` may be recorded instead of writing a graph of `size` vectors to a new file. */
  fits(changes: number, size: number): boolean {
    const pending = (this.pending.get() as { n: number }).n;
    return pending + changes <= Math.max(MIN_PENDING, size * PENDING_SHARE);
  }

  /** Records changes made to the graph; call in the transaction that changes the chunks. */
  record(changes: readonly VectorChange[]): void {
    for (const change of changes) this.insert.run(change.rowid, change.removed ? 1 : 0);
  }

  /** Forgets the changes: the vector file written in this transaction holds them. */
  clear(): void {
    this.clearAll.run();
  }

  /** Applies the recorded changes to the graph read from the vector file, in the order made. */
  replay(vectors: HnswVectorIndex): void {
    const rows = this.all.all() as { rowid: number; removed: number; embedding: Buffer | null }[];
    for (const row of rows) {
      if (row.removed) vectors.remove(row.rowid);
      // A row removed again later has no embedding; its removal follows in the list.
      else if (row.embedding) vectors.upsert(row.rowid, bufferToVector(row.embedding));
    }
  }
}
