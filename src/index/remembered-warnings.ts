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

/**
 * This run's warnings (`fresh`, of the files read) plus those remembered for the unchanged files not
 * read again; stored for the next run and returned one per warning, ordered by file.
 */
export function carryWarnings(
  database: SqliteDatabase,
  fresh: ReadonlyMap<string, RememberedWarnings>,
  notRead: readonly { id: string; hash: string }[],
): ({ file: string } & DocumentWarning)[] {
  const before = rememberedWarnings(database);
  const all = new Map(fresh);
  for (const item of notRead) {
    const remembered = before.get(item.id);
    if (remembered?.hash === item.hash) all.set(item.id, remembered);
  }
  rememberWarnings(database, all);
  return [...all.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .flatMap(([file, entry]) => entry.warnings.map((warning) => ({ file, ...warning })));
}
