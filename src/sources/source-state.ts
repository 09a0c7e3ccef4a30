import { randomUUID } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * Where the copies of every source live, under the data folder. Named like the document ids
 * (`källor/<source id>/<file name>`), so the ids are the copies' paths relative to the data folder.
 */
export const COPIES_FOLDER = "källor";
/** The state of a source, beside its copies; dot files are never listed as copies. */
export const STATE_FILE = ".source.json";

const itemSchema = z.object({
  key: z.string(),
  url: z.string(),
  fileName: z.string(),
  title: z.string().optional(),
  validators: z.record(z.string(), z.string()).optional(),
  /** The copy's name in the source's folder. */
  file: z.string(),
  /** sha256 of the copy's bytes, hex. */
  hash: z.string(),
});

const runSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  added: z.number(),
  changed: z.number(),
  removed: z.number(),
  /** Why the sync failed as a whole, in Swedish; null when it did not. */
  error: z.string().nullable(),
  /** Items that could not be fetched this time, in Swedish. */
  problems: z.array(z.string()),
});

const stateSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  kind: z.enum(["web", "sharepoint", "slack"]),
  /** The group the copies belong to; null for public sources. */
  group: z.string().nullable(),
  label: z.string(),
  cursor: z.string().nullable(),
  items: z.array(itemSchema),
  lastRun: runSchema.nullable(),
  /** When the last sync that threw nothing finished. */
  lastSuccessAt: z.string().nullable(),
});

/** A document of a source as the runner keeps it: the adapter's item plus its copy on disk. */
export type StoredItem = z.output<typeof itemSchema>;
/** What the last sync of a source did. */
export type SourceRun = z.output<typeof runSchema>;
/** Everything the runner remembers about a source between syncs. */
export type SourceState = z.output<typeof stateSchema>;

/** The folder of a source's copies. */
export function sourceFolder(dataDir: string, sourceId: string): string {
  return path.join(dataDir, COPIES_FOLDER, sourceId);
}

/** Reads a source's state; null when there is none yet or it cannot be read (the source starts afresh). */
export async function readSourceState(folder: string): Promise<SourceState | null> {
  let text: string;
  try {
    text = await readFile(path.join(folder, STATE_FILE), "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes a source's state atomically: a crash leaves the old state or the new one, never half. */
export async function writeSourceState(folder: string, state: SourceState): Promise<void> {
  const temporary = path.join(folder, `${STATE_FILE}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, `${JSON.stringify(state, null, 1)}\n`);
    await rename(temporary, path.join(folder, STATE_FILE));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
