import { z } from "zod";
import type { IngestLimits } from "../config/ingest-limits.ts";
import type { ErrorCode } from "../errors.ts";
import { CHUNKING_VERSION } from "../knowledge/chunk-document.ts";
import { readMeta, type SqliteDatabase, writeMeta } from "./sqlite-database.ts";

/** A file that could not be read, remembered with the content it had then. */
export interface RememberedFailure {
  hash: string;
  code: ErrorCode;
  message: string;
}

const META_KEY = "unreadable_files";

const storedSchema = z.object({
  limits: z.string(),
  files: z.record(z.string(), z.object({ hash: z.string(), code: z.string(), message: z.string() })),
});

/**
 * Files that failed under the same limits, by knowledge id. An unchanged bad file is reported again
 * from here instead of being read again: a file that runs into the time budget would otherwise
 * delay every start by that budget. Raising a limit, or a new way of reading files (CHUNKING_VERSION),
 * forgets them all, so they are tried again.
 */
export function rememberedFailures(
  database: SqliteDatabase,
  limits: IngestLimits,
): Map<string, RememberedFailure> {
  let stored: z.infer<typeof storedSchema>;
  try {
    stored = storedSchema.parse(JSON.parse(readMeta(database, META_KEY) ?? "null"));
  } catch {
    return new Map();
  }
  if (stored.limits !== limitsKey(limits)) return new Map();
  return new Map(
    Object.entries(stored.files).map(([id, failure]) => [
      id,
      { ...failure, code: failure.code as ErrorCode },
    ]),
  );
}

/** Stores the failures of this run (replacing the previous run's). */
export function rememberFailures(
  database: SqliteDatabase,
  limits: IngestLimits,
  failures: ReadonlyMap<string, RememberedFailure>,
): void {
  writeMeta(
    database,
    META_KEY,
    JSON.stringify({ limits: limitsKey(limits), files: Object.fromEntries(failures) }),
  );
}

function limitsKey(limits: IngestLimits): string {
  return JSON.stringify([
    CHUNKING_VERSION,
    limits.maxFileBytes,
    limits.maxUnpackedBytes,
    limits.maxCharacters,
    limits.fileTimeoutMs,
    limits.workerMemoryMb,
  ]);
}
