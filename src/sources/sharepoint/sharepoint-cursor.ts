import { z } from "zod";

/** What a SharePoint source remembers between syncs, stored by the runner as its opaque cursor. */
export interface SharePointCursor {
  /** Graph's `@odata.deltaLink`: asking it returns only what changed since. */
  deltaLink: string;
  driveId: string;
  /** The configured folder's item id; null when the whole drive is the source. */
  folderId: string | null;
  /**
   * Ids of the configured folder and every folder below it. Delta answers name a file's parent
   * by id only (no path), so this is how a file is known to lie inside the folder.
   */
  scope: string[] | null;
  /** Files whose download failed: delta will not name them again until they change, so they are asked for. */
  retry: string[];
}

const cursorSchema = z.object({
  deltaLink: z.string().min(1),
  driveId: z.string(),
  folderId: z.string().nullable(),
  scope: z.array(z.string()).nullable(),
  retry: z.array(z.string()).default([]),
});

/** The cursor as written for the runner. */
export function writeCursor(cursor: SharePointCursor): string {
  return JSON.stringify(cursor);
}

/**
 * The stored cursor when it belongs to this drive, folder and Graph; null when there is none, it
 * cannot be read, or the configuration now points elsewhere (then the source lists everything afresh).
 */
export function readCursor(
  stored: string | null,
  expected: { driveId: string; folderId: string | null; graphBaseUrl: string },
): SharePointCursor | null {
  if (!stored) return null;
  let parsed: z.ZodSafeParseResult<SharePointCursor>;
  try {
    parsed = cursorSchema.safeParse(JSON.parse(stored));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const cursor = parsed.data;
  if (cursor.driveId !== expected.driveId || cursor.folderId !== expected.folderId) return null;
  if (expected.folderId !== null && cursor.scope === null) return null;
  if (!sameOrigin(cursor.deltaLink, expected.graphBaseUrl)) return null;
  return cursor;
}

function sameOrigin(link: string, base: string): boolean {
  try {
    return new URL(link).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
