import type { Chunk, DocumentMetadata } from "../knowledge/document.ts";

/** A document as the catalog knows it. */
export interface CatalogDocument extends DocumentMetadata {
  id: string;
  contentHash: string;
  chunkCount: number;
  indexedAt: string;
}

/** A chunk as stored, with its row id (the label in the vector index and the FTS rowid). */
export interface StoredChunk extends Chunk {
  rowid: number;
}

/** An acronym learned from a document, e.g. HSN → Hälso- och sjukvårdsnämnden. */
export interface CatalogAcronym {
  acronym: string;
  longForm: string;
  documentId: string;
}

/** Read side of the catalog of documents and chunks. */
export interface Catalog {
  /** All documents, ordered by id. */
  documents(): CatalogDocument[];
  document(id: string): CatalogDocument | undefined;
  /** Chunks by row id; unknown ids are left out. */
  chunksByRowid(rowids: readonly number[]): Map<number, StoredChunk>;
  /** The document id of each chunk row id (cheap: no text is read). */
  documentIdsByRowid(rowids: readonly number[]): Map<number, string>;
  /** Row ids of every chunk of the given documents. */
  chunkRowidsOfDocuments(documentIds: readonly string[]): number[];
  acronyms(): CatalogAcronym[];
  /** Row ids of the chunks that define a term (key from `definitionKeys`), within the given documents. */
  definingChunks(termKey: string, documentIds: readonly string[] | null): number[];
  /** Counts for status lines. */
  stats(): { documents: number; chunks: number; lastIngestAt: string | null };
}
