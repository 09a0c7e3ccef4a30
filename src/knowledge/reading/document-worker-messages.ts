import type { IngestLimits } from "../../config/ingest-limits.ts";
import type { ErrorCode } from "../../errors.ts";
import type { ReadKnowledgeFile } from "./read-knowledge-file.ts";

/** Asks the reading worker to read one file. */
export interface ReadRequest {
  id: number;
  file: string;
  knowledgeRoot: string;
  limits: IngestLimits;
}

/** What the reading worker answers: the file read, or why not (a Swedish message naming it). */
export type ReadReply =
  | { type: "ready" }
  | { type: "read"; id: number; result: ReadKnowledgeFile }
  | { type: "failed"; id: number; code: ErrorCode; message: string };
