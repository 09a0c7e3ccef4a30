import type { SqliteDatabase } from "../index/sqlite-database.ts";
import type { SuggestionChunk } from "./suggest-calendar.ts";

/** Every indexed chunk's text, in document order, for the calendar suggester. */
export function indexedChunks(database: SqliteDatabase): SuggestionChunk[] {
  const rows = database
    .prepare("SELECT id, document_id, text FROM chunks ORDER BY document_id, ordinal")
    .all() as {
    id: string;
    document_id: string;
    text: string;
  }[];
  return rows.map((row) => ({ chunkId: row.id, documentId: row.document_id, text: row.text }));
}
