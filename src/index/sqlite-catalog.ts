import { decodeHeadings } from "../knowledge/chunking/chunk-sections.ts";
import type { DocumentType } from "../knowledge/document.ts";
import type { Catalog, CatalogAcronym, CatalogDocument, StoredChunk } from "./catalog.ts";
import { readMeta, type SqliteDatabase } from "./sqlite-database.ts";

interface DocumentRow {
  id: string;
  content_hash: string;
  title: string;
  type: string;
  organisations: string;
  groups: string;
  date: string | null;
  source: string | null;
  chunk_count: number;
  indexed_at: string;
}

interface ChunkRow {
  rowid: number;
  id: string;
  document_id: string;
  ordinal: number;
  text: string;
  heading_path: string;
  page: number | null;
  start_offset: number;
  end_offset: number;
}

/** Catalog of documents and chunks in the product's SQLite database. */
export class SqliteCatalog implements Catalog {
  private readonly documentCache = new Map<string, CatalogDocument>();
  private cacheLoaded = false;
  private ownerCache: Map<number, string> | null = null;
  /** Counts of documents and passages; answering reads the document count for every question. */
  private countCache: { documents: number; chunks: number } | null = null;

  constructor(private readonly database: SqliteDatabase) {}

  /** Forgets cached rows; call after an ingest changed the database. */
  invalidate(): void {
    this.documentCache.clear();
    this.cacheLoaded = false;
    this.ownerCache = null;
    this.countCache = null;
  }

  documents(): CatalogDocument[] {
    this.loadDocuments();
    return [...this.documentCache.values()];
  }

  document(id: string): CatalogDocument | undefined {
    this.loadDocuments();
    return this.documentCache.get(id);
  }

  chunksByRowid(rowids: readonly number[]): Map<number, StoredChunk> {
    const result = new Map<number, StoredChunk>();
    if (rowids.length === 0) return result;
    const statement = this.database.prepare(
      `SELECT rowid, id, document_id, ordinal, text, heading_path, page, start_offset, end_offset
       FROM chunks WHERE rowid IN (SELECT value FROM json_each(?))`,
    );
    for (const row of statement.all(JSON.stringify(rowids)) as ChunkRow[]) {
      result.set(row.rowid, toStoredChunk(row));
    }
    return result;
  }

  documentIdsByRowid(rowids: readonly number[]): Map<number, string> {
    const result = new Map<number, string>();
    if (rowids.length === 0) return result;
    // One read of the (small) rowid → document column instead of a row lookup per candidate, which
    // costs milliseconds when the rows' pages are not cached.
    this.ownerCache ??= new Map(
      (
        this.database.prepare("SELECT rowid, document_id FROM chunks").all() as {
          rowid: number;
          document_id: string;
        }[]
      ).map((row) => [row.rowid, row.document_id]),
    );
    for (const rowid of rowids) {
      const documentId = this.ownerCache.get(rowid);
      if (documentId !== undefined) result.set(rowid, documentId);
    }
    return result;
  }

  chunkRowidsOfDocuments(documentIds: readonly string[]): number[] {
    if (documentIds.length === 0) return [];
    const rows = this.database
      .prepare("SELECT rowid FROM chunks WHERE document_id IN (SELECT value FROM json_each(?))")
      .all(JSON.stringify(documentIds)) as { rowid: number }[];
    return rows.map((row) => row.rowid);
  }

  acronyms(): CatalogAcronym[] {
    const rows = this.database
      .prepare("SELECT acronym, long_form, document_id FROM acronyms ORDER BY acronym, document_id")
      .all() as { acronym: string; long_form: string; document_id: string }[];
    return rows.map((row) => ({
      acronym: row.acronym,
      longForm: row.long_form,
      documentId: row.document_id,
    }));
  }

  definingChunks(termKey: string, documentIds: readonly string[] | null): number[] {
    const rows = (
      documentIds === null
        ? this.database
            .prepare("SELECT DISTINCT chunk_rowid FROM definitions WHERE term_key = ?")
            .all(termKey)
        : this.database
            .prepare(
              "SELECT DISTINCT chunk_rowid FROM definitions WHERE term_key = ? AND document_id IN (SELECT value FROM json_each(?))",
            )
            .all(termKey, JSON.stringify(documentIds))
    ) as { chunk_rowid: number }[];
    return rows.map((row) => row.chunk_rowid);
  }

  stats(): { documents: number; chunks: number; lastIngestAt: string | null } {
    this.countCache ??= {
      documents: (this.database.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n,
      chunks: (this.database.prepare("SELECT count(*) AS n FROM chunks").get() as { n: number }).n,
    };
    return { ...this.countCache, lastIngestAt: readMeta(this.database, "last_ingest_at") ?? null };
  }

  private loadDocuments(): void {
    if (this.cacheLoaded) return;
    const rows = this.database.prepare("SELECT * FROM documents ORDER BY id").all() as DocumentRow[];
    for (const row of rows) this.documentCache.set(row.id, toCatalogDocument(row));
    this.cacheLoaded = true;
  }
}

function toCatalogDocument(row: DocumentRow): CatalogDocument {
  return {
    id: row.id,
    contentHash: row.content_hash,
    title: row.title,
    type: row.type as DocumentType,
    organisations: JSON.parse(row.organisations) as string[],
    groups: JSON.parse(row.groups) as string[],
    date: row.date,
    source: row.source,
    chunkCount: row.chunk_count,
    indexedAt: row.indexed_at,
  };
}

function toStoredChunk(row: ChunkRow): StoredChunk {
  return {
    rowid: row.rowid,
    id: row.id,
    documentId: row.document_id,
    ordinal: row.ordinal,
    text: row.text,
    ...decodeHeadings(row.heading_path),
    page: row.page,
    start: row.start_offset,
    end: row.end_offset,
  };
}
