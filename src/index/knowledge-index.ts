import fs from "node:fs";
import path from "node:path";
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from "../config/ingest-limits.ts";
import { CHUNKING_VERSION } from "../knowledge/chunk-document.ts";
import type { Analyzer } from "../text/index.ts";
import type { Embedder } from "./embedder.ts";
import { HnswVectorIndex, removeStaleTemporaryFiles } from "./hnsw-vector-index.ts";
import { SqliteCatalog } from "./sqlite-catalog.ts";
import { openDatabase, readMeta, type SqliteDatabase } from "./sqlite-database.ts";
import { SqliteKeywordIndex } from "./sqlite-keyword-index.ts";
import type { VectorIndex } from "./vector-index.ts";

/** Bumped when the definition extraction changes, so the next ingest re-reads every document. */
export const DEFINITIONS_VERSION = "1";

/** The file names under the data directory. */
export const DATABASE_FILE = "samsyn.db";

/**
 * Everything retrieval and ingest need from the data directory: the SQLite database (catalog, FTS)
 * and the hnswlib vector index derived from the embeddings stored in it.
 */
export class KnowledgeIndex {
  readonly catalog: SqliteCatalog;
  readonly keywords: SqliteKeywordIndex;
  private vectorIndex: HnswVectorIndex;

  private constructor(
    readonly database: SqliteDatabase,
    readonly dataDir: string,
    readonly embedder: Embedder,
    readonly analyzer: Analyzer,
    /** What one knowledge file may cost to read when ingesting into this index. */
    readonly ingestLimits: IngestLimits,
  ) {
    this.catalog = new SqliteCatalog(database);
    this.keywords = new SqliteKeywordIndex(database, this.catalog);
    this.vectorIndex = this.loadVectors();
  }

  /** Opens (or creates) the index in `dataDir`. */
  static open(
    dataDir: string,
    embedder: Embedder,
    analyzer: Analyzer,
    options: { ingestLimits?: IngestLimits } = {},
  ): KnowledgeIndex {
    const database = openDatabase(path.join(dataDir, DATABASE_FILE));
    removeStaleTemporaryFiles(dataDir);
    return new KnowledgeIndex(
      database,
      dataDir,
      embedder,
      analyzer,
      options.ingestLimits ?? DEFAULT_INGEST_LIMITS,
    );
  }

  /** The vector index currently in use. */
  get vectors(): VectorIndex {
    return this.vectorIndex;
  }

  /** The live hnswlib index, for ingest to mutate inside its write transaction. */
  get mutableVectors(): HnswVectorIndex {
    return this.vectorIndex;
  }

  /** Re-reads the vector file named in the database, e.g. after a failed write rolled back. */
  reloadVectors(): void {
    this.vectorIndex = this.loadVectors();
    this.catalog.invalidate();
  }

  /** Replaces the vector index wholesale (after a full re-embed). */
  replaceVectors(index: HnswVectorIndex): void {
    this.vectorIndex = index;
  }

  /** True when the stored passages were cut, analysed and embedded the way this process would do it. */
  isCurrent(): boolean {
    return (
      readMeta(this.database, "analyzer_version") === this.analyzer.version &&
      readMeta(this.database, "embedder_id") === this.embedder.id &&
      readMeta(this.database, "definitions_version") === DEFINITIONS_VERSION &&
      readMeta(this.database, "chunking_version") === CHUNKING_VERSION
    );
  }

  close(): void {
    this.database.close();
  }

  private loadVectors(): HnswVectorIndex {
    const dimensions = this.embedder.dimensions;
    const file = readMeta(this.database, "vector_file");
    const storedEmbedder = readMeta(this.database, "embedder_id");
    if (file && storedEmbedder === this.embedder.id) {
      const fullPath = path.join(this.dataDir, file);
      if (fs.existsSync(fullPath)) {
        try {
          return HnswVectorIndex.load(fullPath, dimensions);
        } catch {
          // A damaged vector file is rebuilt from the embeddings kept in the database below.
        }
      }
      return this.rebuildFromStoredEmbeddings(dimensions);
    }
    return HnswVectorIndex.create(dimensions);
  }

  private rebuildFromStoredEmbeddings(dimensions: number): HnswVectorIndex {
    const rows = this.database
      .prepare("SELECT rowid, embedding FROM chunks WHERE embedding IS NOT NULL")
      .all() as { rowid: number; embedding: Buffer }[];
    const index = HnswVectorIndex.create(dimensions, { initialCapacity: Math.max(rows.length, 16) });
    for (const row of rows) index.upsert(row.rowid, bufferToVector(row.embedding));
    return index;
  }
}

/** Stores a vector compactly as a BLOB. */
export function vectorToBuffer(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Reads a vector stored with `vectorToBuffer`. */
export function bufferToVector(buffer: Buffer): Float32Array {
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return new Float32Array(copy.buffer);
}
