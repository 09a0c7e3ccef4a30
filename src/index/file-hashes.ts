import { createHash } from "node:crypto";
import fs from "node:fs";
import type { IngestLimits } from "../config/ingest-limits.ts";
import { ensureModuleSchema, type SqliteDatabase } from "./sqlite-database.ts";

const SCHEMA = [
  "CREATE TABLE file_hashes (id TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, hash TEXT NOT NULL, hashed_at REAL NOT NULL)",
];
/**
 * A file changed within this long of being hashed may have changed again without a new time stamp
 * (coarse file-system clocks); its hash is not trusted, as git distrusts "racily clean" entries.
 */
const RACY_MS = 2000;

interface Known {
  size: number;
  mtime: number;
  hash: string;
  hashedAt: number;
}

/**
 * Content hashes of the knowledge files, remembered with their size and modification time: an
 * unchanged file is not read again (hashing a 7,600-file statute corpus took longer than indexing
 * one changed file). A file whose size or time differs is hashed, so its content decides.
 */
export class FileHashes {
  private readonly known: Map<string, Known>;
  private readonly fresh = new Map<string, Known>();

  constructor(
    private readonly database: SqliteDatabase,
    private readonly limits: IngestLimits,
  ) {
    ensureModuleSchema(database, "file-hashes", SCHEMA);
    const rows = database
      .prepare("SELECT id, size, mtime, hash, hashed_at AS hashedAt FROM file_hashes")
      .all() as ({
      id: string;
    } & Known)[];
    this.known = new Map(rows.map(({ id, ...known }) => [id, known]));
  }

  /** The content hash of `file` (named `id`); one over the size limit is keyed by size and time, not read. */
  of(file: string, id: string): string {
    const stats = fs.statSync(file);
    if (stats.size > this.limits.maxFileBytes) return `oversize-${stats.size}-${stats.mtimeMs}`;
    const known = this.known.get(id);
    if (
      known &&
      known.size === stats.size &&
      known.mtime === stats.mtimeMs &&
      stats.mtimeMs < known.hashedAt - RACY_MS
    )
      return known.hash;
    const hashedAt = Date.now();
    const hash = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    this.fresh.set(id, { size: stats.size, mtime: stats.mtimeMs, hash, hashedAt });
    return hash;
  }

  /** Stores the hashes computed since this was created, and forgets files no longer in `present`. */
  save(present: ReadonlySet<string>): void {
    const upsert = this.database.prepare(
      "INSERT INTO file_hashes(id, size, mtime, hash, hashed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, hashed_at = excluded.hashed_at",
    );
    const remove = this.database.prepare("DELETE FROM file_hashes WHERE id = ?");
    this.database.transaction(() => {
      for (const [id, known] of this.fresh)
        upsert.run(id, known.size, known.mtime, known.hash, known.hashedAt);
      for (const id of this.known.keys()) if (!present.has(id)) remove.run(id);
    })();
  }
}
