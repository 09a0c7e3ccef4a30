import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { LoadedDocument } from "../knowledge/document.ts";
import { COPIES_FOLDER, readSourceState } from "./source-state.ts";

/** What a source says about its copy, over whatever the file itself says. */
export interface SourceMetadata {
  /** The item's link, shown in citations. */
  source: string;
  /** The source's group; null for public sources. */
  group: string | null;
  title: string | null;
}

/** A synced copy as ingest lists it beside the knowledge folder's files. */
export interface SourceCopy {
  file: string;
  /** `källor/<source id>/<file name>`: the copy's path relative to `root`. */
  id: string;
  /** The data folder; the reader names a file by its path relative to this. */
  root: string;
  /** The copy's content hash together with its metadata, so a new link or group re-indexes it. */
  hash: string;
  metadata: SourceMetadata;
}

/**
 * Every copy the sources' last successful syncs left in `<dataDir>/källor/`, sorted by id. Read
 * from the sources' state files (no copy is opened), so listing costs the same for any size.
 */
export async function listSourceCopies(dataDir: string): Promise<SourceCopy[]> {
  const root = path.resolve(dataDir);
  const folder = path.join(root, COPIES_FOLDER);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const copies: SourceCopy[] = [];
  for (const name of names.sort()) {
    if (name.startsWith(".")) continue;
    const state = await readSourceState(path.join(folder, name));
    if (state === null) continue;
    for (const item of state.items) {
      const file = path.join(folder, name, item.file);
      // A copy deleted by hand is simply not there; the next sync fetches it again.
      if (!(await stat(file).catch(() => null))?.isFile()) continue;
      const metadata: SourceMetadata = { source: item.url, group: state.group, title: item.title ?? null };
      const hash = createHash("sha256")
        .update(`${item.hash}\n${metadata.source}\n${metadata.group ?? ""}\n${metadata.title ?? ""}`)
        .digest("hex");
      copies.push({ file, id: `${COPIES_FOLDER}/${name}/${item.file}`, root, hash, metadata });
    }
  }
  return copies.sort((a, b) => a.id.localeCompare(b.id));
}

/** A loaded copy with its source's link, group and title, and the hash ingest compares next time. */
export function withSourceMetadata(
  document: LoadedDocument,
  copy: Pick<SourceCopy, "hash" | "metadata">,
): LoadedDocument {
  const { group, source, title } = copy.metadata;
  // A group's copy belongs to that group alone: a file shared in one group's channel cannot claim
  // another group's channels through its own front matter.
  const groups = group === null ? document.metadata.groups : [group];
  return {
    ...document,
    contentHash: copy.hash,
    metadata: { ...document.metadata, source, groups, ...(title !== null ? { title } : {}) },
  };
}
