import fs from "node:fs";
import path from "node:path";
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from "../config/ingest-limits.ts";
import { CHUNKING_VERSION } from "../knowledge/chunk-document.ts";
import type { Analyzer } from "../text/index.ts";
import type { Embedder } from "./embedder.ts";
import { HnswVectorIndex, removeStaleTemporaryFiles } from "./hnsw-vector-index.ts";
import { ensureIngestLeaseSchema } from "./ingest-lease.ts";
import { SqliteCatalog } from "./sqlite-catalog.ts";
import { openDatabase, readMeta, type SqliteDatabase } from "./sqlite-database.ts";
import { SqliteKeywordIndex } from "./sqlite-keyword-index.ts";
import { VectorChanges } from "./vector-changes.ts";
import type { VectorIndex } from "./vector-index.ts";

/** Bumped when the definition extraction changes, so the next ingest re-reads every document. */
export const DEFINITIONS_VERSION = "1";

/** Meta key of the knowledge fingerprint the stored vectors were embedded under. */
export const KNOWLEDGE_FINGERPRINT = "knowledge_fingerprint";

/** The file names under the data directory. */
export const DATABASE_FILE = "samsyn.db";

/** Tries to read a generation's vector file before rebuilding it from the stored embeddings. */
const VECTOR_FILE_ATTEMPTS = 3;

/**
 * Everything retrieval and ingest need from the data directory: the SQLite database (catalog, FTS)
 * and the hnswlib vector index derived from the embeddings stored in it.
 *
 * Several processes may share the data directory. Each ingest commits a new `generation` (meta row)
 * with the vector file that belongs to it; `syncWithDatabase` notices another process's commit and
 * loads that generation's vectors and catalog from one read snapshot, so the in-memory parts always
 * belong to one generation.
 */
export class KnowledgeIndex {
  readonly catalog: SqliteCatalog;
  readonly keywords: SqliteKeywordIndex;
  /** Vector changes committed after the current vector file was written. */
  readonly vectorChanges: VectorChanges;
  /** The vector index in use, or how to read it when it was replaced by a file not yet read. */
  private vectorIndex: HnswVectorIndex | (() => HnswVectorIndex);
  /** The generation the in-memory parts (vectors, catalog and keyword caches) belong to. */
  private loadedGeneration: string;
  /** SQLite's count of other connections' commits when last checked (`PRAGMA data_version`). */
  private seenDataVersion: number;

  private constructor(
    readonly database: SqliteDatabase,
    readonly dataDir: string,
    readonly embedder: Embedder,
    readonly analyzer: Analyzer,
    /** What one knowledge file may cost to read when ingesting into this index. */
    readonly ingestLimits: IngestLimits,
  ) {
    ensureIngestLeaseSchema(database);
    this.vectorChanges = new VectorChanges(database);
    this.catalog = new SqliteCatalog(database);
    this.keywords = new SqliteKeywordIndex(database, this.catalog);
    this.seenDataVersion = this.dataVersion();
    const loaded = this.loadGeneration();
    this.vectorIndex = loaded.vectors;
    this.loadedGeneration = loaded.generation;
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
    return this.currentVectors();
  }

  /** The live hnswlib index, for ingest to mutate inside its write transaction. */
  get mutableVectors(): HnswVectorIndex {
    return this.currentVectors();
  }

  /** The ingest generation the in-memory parts belong to ("0" before the first ingest). */
  get generation(): string {
    return this.loadedGeneration;
  }

  /**
   * Loads the newest generation when another process committed one since the last call; true when
   * it did (callers then drop what they cached). Costs one `PRAGMA data_version` when nothing
   * changed, and one meta read when something else was written (reminders, feedback, a heartbeat).
   * The embedder first takes on what the writer's embedder learned from the new knowledge (kept in
   * the data folder), so questions are embedded as the new passages were.
   */
  async syncWithDatabase(): Promise<boolean> {
    const version = this.dataVersion();
    if (version === this.seenDataVersion) return false;
    this.seenDataVersion = version;
    if ((readMeta(this.database, "generation") ?? "0") === this.loadedGeneration) return false;
    for (;;) {
      const fingerprint = readMeta(this.database, KNOWLEDGE_FINGERPRINT) ?? null;
      await this.adaptEmbedderTo(fingerprint);
      // Synchronous from here: nothing answers from a half-swapped index.
      if (this.reload(fingerprint)) return true;
    }
  }

  /** Records that this process committed `generation` itself (its in-memory parts are already current). */
  committed(generation: string): void {
    this.loadedGeneration = generation;
  }

  /** Re-reads the generation in the database, e.g. after a failed write rolled back. */
  reloadVectors(): void {
    this.reload(undefined);
  }

  /**
   * Replaces the vector index wholesale (after a full re-embed) with the one `load` reads, read when
   * it is first used: `npm run ingest` never uses it, and a server would read 180 MB at once for
   * the statute corpus while the build's memory is still being given back.
   */
  replaceVectors(load: () => HnswVectorIndex): void {
    this.vectorIndex = load;
  }

  private currentVectors(): HnswVectorIndex {
    const current = this.vectorIndex;
    if (typeof current !== "function") return current;
    try {
      this.vectorIndex = current();
    } catch {
      // Gone already (another process committed and removed it): the committed generation's instead.
      this.reload(undefined);
    }
    return this.currentVectors();
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

  private dataVersion(): number {
    return (this.database.prepare("PRAGMA data_version").get() as { data_version: number }).data_version;
  }

  /**
   * Swaps in the committed generation; false (and nothing swapped) when it was embedded under
   * another knowledge fingerprint than `fingerprint` (undefined: any), i.e. a newer one arrived.
   */
  private reload(fingerprint: string | null | undefined): boolean {
    const loaded = this.loadGeneration();
    if (fingerprint !== undefined && loaded.fingerprint !== fingerprint) return false;
    this.vectorIndex = loaded.vectors;
    this.loadedGeneration = loaded.generation;
    this.keywords.reset();
    return true;
  }

  /** Lets the embedder take on its adaptation to the knowledge that `fingerprint` describes. */
  private async adaptEmbedderTo(fingerprint: string | null): Promise<void> {
    if (!this.embedder.adaptTo || fingerprint === null) return;
    const database = this.database;
    await this.embedder.adaptTo({
      fingerprint,
      committedFingerprint: fingerprint,
      cacheDir: this.dataDir,
      // Read only when the writer's adaptation is not on disk (then it is learned again).
      *documents() {
        const ids = database.prepare("SELECT id FROM documents ORDER BY id").all() as { id: string }[];
        const text = database.prepare("SELECT text FROM chunks WHERE document_id = ? ORDER BY ordinal");
        for (const { id } of ids)
          yield (text.all(id) as { text: string }[]).map((row) => row.text).join("\n");
      },
    });
  }

  /**
   * The generation committed last, its vectors and its catalog, read in one snapshot: a commit by
   * another process in the meantime is not seen halfway. Its writer deletes the previous vector
   * file after committing, so a file that vanished under the snapshot is retried with the next one.
   */
  private loadGeneration(): { generation: string; fingerprint: string | null; vectors: HnswVectorIndex } {
    for (let attempt = 1; ; attempt++) {
      const loaded = this.database.transaction(() => {
        const generation = readMeta(this.database, "generation") ?? "0";
        const fingerprint = readMeta(this.database, KNOWLEDGE_FINGERPRINT) ?? null;
        const vectors = this.loadVectors(attempt >= VECTOR_FILE_ATTEMPTS);
        if (!vectors) return null;
        this.catalog.invalidate();
        this.catalog.documents();
        this.catalog.stats();
        return { generation, fingerprint, vectors };
      })();
      if (loaded) return loaded;
    }
  }

  /** The vectors named in the database; null when their file cannot be read and `rebuild` is false. */
  private loadVectors(rebuild: boolean): HnswVectorIndex | null {
    const dimensions = this.embedder.dimensions;
    const file = readMeta(this.database, "vector_file");
    const storedEmbedder = readMeta(this.database, "embedder_id");
    if (file && storedEmbedder === this.embedder.id) {
      const fullPath = path.join(this.dataDir, file);
      if (fs.existsSync(fullPath)) {
        let loaded: HnswVectorIndex | undefined;
        try {
          loaded = HnswVectorIndex.load(fullPath, dimensions);
        } catch {
          // A damaged vector file is rebuilt from the embeddings kept in the database below.
        }
        if (loaded) {
          this.vectorChanges.replay(loaded);
          return loaded;
        }
      }
      return rebuild ? this.rebuildFromStoredEmbeddings(dimensions) : null;
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
