import type { IngestLimits } from "../../config/ingest-limits.ts";
import { SamsynError } from "../../errors.ts";
import { chunkDocument } from "../chunk-document.ts";
import type { Chunk, DocumentWarning, LoadedDocument } from "../document.ts";
import { readDocument } from "../load-document.ts";

/** A knowledge file read and cut into passages, ready to be analysed and embedded. */
export interface ReadKnowledgeFile {
  document: LoadedDocument;
  chunks: Chunk[];
  /** The text encoding when it was not UTF-8 (e.g. "windows-1252"), for the log. */
  encoding: string | undefined;
  /** Metadata that did not fit (the document is indexed without it), in Swedish naming file and field. */
  warnings: DocumentWarning[];
}

/**
 * Reads one knowledge file and cuts it into passages: the part of ingest whose cost depends on
 * what the file holds, and so the part the reading worker runs under its time and memory limits.
 * A file that yields no passage is refused rather than indexed as an empty document.
 */
export async function readKnowledgeFile(
  file: string,
  knowledgeRoot: string,
  limits: IngestLimits,
): Promise<ReadKnowledgeFile> {
  const { document, encoding, warnings } = await readDocument(file, knowledgeRoot, limits);
  const chunks = chunkDocument(document);
  if (chunks.length === 0) {
    throw new SamsynError(
      "ingest_unreadable_file",
      `${document.id}: filen innehåller inga ord att söka i (bara tecken utan mellanrum, t.ex. kodad data). Spara dokumentets text som .txt, .md, .pdf eller .docx, eller ta bort den ur kunskapsmappen.`,
    );
  }
  return { document, chunks, encoding: encoding === "utf-8" ? undefined : encoding, warnings };
}
