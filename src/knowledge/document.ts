/** Kinds of document the knowledge base understands. */
export const DOCUMENT_TYPES = ["agreement", "regulation", "report", "schedule", "webpage", "other"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Metadata of one knowledge document, from front matter or inferred from the file. */
export interface DocumentMetadata {
  title: string;
  type: DocumentType;
  organisations: string[];
  /** Group ids (knowledge/groups/*.yaml) the document belongs to; empty when it belongs to none. */
  groups: string[];
  /** Decision or publication date when known: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when no more is known. */
  date: string | null;
  /** Where the document comes from (URL), when known. */
  source: string | null;
}

/**
 * A group id no group file can have (ids are kebab-case). A document whose own group claim could
 * not be read is given it, so that it is hidden from every chat and visitor (a claim by no known
 * group) instead of becoming public, until its front matter is fixed.
 */
export const UNREADABLE_GROUP_CLAIM = "(oläslig gruppuppgift)";

/**
 * Something in a file's own metadata that did not fit: left out or read as far as it could be.
 * The document is indexed anyway; the message (Swedish) names the file, the field, what was kept
 * and how to write it.
 */
export interface DocumentWarning {
  /** The front matter field concerned, or null when it is the front matter as a whole. */
  field: string | null;
  message: string;
}

/** A structural block of a loaded document; offsets index into `LoadedDocument.text`. */
export interface DocumentBlock {
  kind: "heading" | "paragraph" | "list-item";
  text: string;
  /** Heading level 1–6 for headings; undefined otherwise. */
  level?: number;
  /** 1-based page number for paginated formats (PDF); null otherwise. */
  page: number | null;
  start: number;
  end: number;
}

/** A document as read from disk, before chunking. */
export interface LoadedDocument {
  /** Stable id: path relative to the knowledge folder, with forward slashes. */
  id: string;
  /** Plain text of the whole document (what offsets refer to). */
  text: string;
  blocks: DocumentBlock[];
  metadata: DocumentMetadata;
  /** sha256 of the file bytes, hex. */
  contentHash: string;
}

/** A retrievable passage of a document. */
export interface Chunk {
  /** `${documentId}#${ordinal}` */
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  /** Heading path from the document title downwards, e.g. ["Samverkansberedning"]. */
  headingPath: string[];
  /**
   * Where each section begins when small sections share the chunk, so a sentence is labelled with
   * the heading it stands under; absent when the whole chunk is one section (`headingPath`).
   */
  sections?: ChunkSection[];
  page: number | null;
  /** Character offsets into `LoadedDocument.text`. */
  start: number;
  end: number;
}

/** A section inside a chunk: its heading path and where it begins in the chunk's text. */
export interface ChunkSection {
  /** Offset into `Chunk.text`. */
  start: number;
  headingPath: string[];
}
