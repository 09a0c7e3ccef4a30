import type { IngestLimits } from "../../config/ingest-limits.ts";
import type { DocumentBlock, DocumentMetadata, DocumentWarning } from "../document.ts";

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
  /** How the file was read when that is worth telling (e.g. "windows-1252"); for the log. */
  encoding?: string;
  /** Metadata the file states that did not fit and was left out or read leniently. */
  warnings?: DocumentWarning[];
}

/** Reads one format; `file` is the knowledge id, used in error messages. */
export type FormatLoader = (bytes: Buffer, file: string, limits: IngestLimits) => Promise<ParsedDocument>;
