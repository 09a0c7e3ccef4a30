/** Error codes used across Samsyn, written `area_problem`. */
export type ErrorCode =
  | "config_invalid"
  | "ingest_unreadable_file"
  | "ingest_unsupported_format"
  | "ingest_failed"
  | "ingest_file_too_large"
  | "ingest_file_timeout"
  | "knowledge_invalid_group"
  | "index_unavailable"
  | "index_embedder_mismatch"
  | "embedding_failed"
  | "llm_unavailable"
  | "llm_invalid_response"
  | "usage_invalid"
  | "source_unavailable"
  | "source_access_denied"
  | "source_not_configured"
  | "source_sync_failed"
  | "source_busy"
  | "internal_error";

/**
 * An error with a stable code. The message is for the log and for operators; what a chat user sees
 * is rendered separately by the surfaces.
 */
export class SamsynError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SamsynError";
    this.code = code;
  }
}

/** Wraps anything thrown into a SamsynError without losing the cause. */
export function toSamsynError(error: unknown, code: ErrorCode = "internal_error"): SamsynError {
  if (error instanceof SamsynError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SamsynError(code, message, { cause: error });
}
