import { z } from "zod";
import type { DocumentWarning } from "../knowledge/document.ts";
import { readMeta, type SqliteDatabase, writeMeta } from "./sqlite-database.ts";

/** The metadata warnings of one indexed file, with the content they were found in. */
export interface RememberedWarnings {
  hash: string;
  warnings: DocumentWarning[];
}

const META_KEY = "metadata_warnings";

const storedSchema = z.record(
  z.string(),
  z.object({
    hash: z.string(),
    warnings: z.array(z.object({ field: z.string().nullable(), message: z.string() })),
  }),
);

/**
 * Warnings of the files indexed with metadata that did not fit, by knowledge id. An unchanged file
 * is not read again, so its warnings come from here: every ingest summary names every file still
 * to fix, not only those changed since the last run.
 */
export function rememberedWarnings(database: SqliteDatabase): Map<string, RememberedWarnings> {
  try {
    return new Map(Object.entries(storedSchema.parse(JSON.parse(readMeta(database, META_KEY) ?? "{}"))));
  } catch {
    return new Map();
  }
}

/** Stores the warnings of the files now indexed (replacing the previous run's). */
export function rememberWarnings(
  database: SqliteDatabase,
  warnings: ReadonlyMap<string, RememberedWarnings>,
): void {
  writeMeta(database, META_KEY, JSON.stringify(Object.fromEntries(warnings)));
}
