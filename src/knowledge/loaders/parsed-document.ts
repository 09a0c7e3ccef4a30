import type { DocumentBlock, DocumentMetadata } from "../document.ts";

/** A block as a loader produces it, before offsets into the document text exist. */
export interface RawBlock {
  kind: DocumentBlock["kind"];
  text: string;
  level?: number;
  page: number | null;
}

/** What a format loader returns: blocks plus whatever metadata the file itself states. */
export interface ParsedDocument {
  blocks: RawBlock[];
  metadata: Partial<DocumentMetadata>;
}

/** Reads one format; `file` is the knowledge id, used in error messages. */
export type FormatLoader = (bytes: Buffer, file: string) => Promise<ParsedDocument>;
