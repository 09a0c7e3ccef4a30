import { createHash } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isSupportedFile } from "../knowledge/supported-formats.ts";
import { safeFileName } from "./safe-file-name.ts";
import type { SourceItem, SyncSink } from "./source-port.ts";
import { type SourceState, STATE_FILE, type StoredItem, writeSourceState } from "./source-state.ts";

/** Where the copies of a sync wait until it has finished without a thrown error. */
const INCOMING = ".incoming";

/** What a committed sync changed. */
export interface SyncCounts {
  added: number;
  changed: number;
  removed: number;
}

/**
 * The `SyncSink` of one sync of one source. New copies are written to a hidden folder as they
 * come; `commit` moves them into place, forgets removed items and writes the state in one step at
 * the end, and `discard` (after a thrown error) throws them away, so a failed sync changes nothing.
 */
export class StagedSync implements SyncSink {
  private readonly before: Map<string, StoredItem>;
  private readonly puts = new Map<string, { item: SourceItem; hash: string; staged: string }>();
  private readonly kept = new Map<string, SourceItem>();
  private readonly removed = new Set<string>();
  private readonly found: string[] = [];
  private staged = 0;

  constructor(
    private readonly folder: string,
    /** The items of the last successful sync. */
    items: readonly StoredItem[],
  ) {
    this.before = new Map(items.map((item) => [item.key, item]));
  }

  previous(key: string): SourceItem | undefined {
    const stored = this.before.get(key);
    return stored === undefined ? undefined : withoutCopy(stored);
  }

  items(): readonly SourceItem[] {
    return [...this.before.values()].map(withoutCopy);
  }

  async put(item: SourceItem, bytes: Uint8Array): Promise<void> {
    if (!isSupportedFile(item.fileName)) {
      const extension = path.extname(item.fileName) || "utan filändelse";
      this.problem(
        `${item.url}: filformatet "${extension}" kan inte läsas och hoppades över (Samsyn läser .pdf, .docx, .html, .md och .txt).`,
      );
      return;
    }
    const hash = createHash("sha256").update(bytes).digest("hex");
    this.removed.delete(item.key);
    this.kept.delete(item.key);
    const before = this.before.get(item.key);
    if (before?.hash === hash) {
      // Same bytes under a new name, link or title: no copy to write, the details are updated.
      this.puts.delete(item.key);
      this.kept.set(item.key, item);
      return;
    }
    await mkdir(path.join(this.folder, INCOMING), { recursive: true });
    const staged = path.join(this.folder, INCOMING, String(++this.staged));
    await writeFile(staged, bytes);
    this.puts.set(item.key, { item, hash, staged });
  }

  keep(item: SourceItem): void {
    if (!this.before.has(item.key) || this.puts.has(item.key)) return;
    this.kept.set(item.key, item);
  }

  remove(key: string): void {
    this.puts.delete(key);
    this.kept.delete(key);
    if (this.before.has(key)) this.removed.add(key);
  }

  problem(message: string): void {
    this.found.push(message);
  }

  /** The problems reported so far (items not fetched this time). */
  problems(): readonly string[] {
    return this.found;
  }

  /**
   * Moves the new copies into place and writes the state (`finish` gives everything but the items,
   * knowing what changed) atomically; files no item names any more are deleted last.
   */
  async commit(
    finish: (counts: SyncCounts) => Omit<SourceState, "items">,
  ): Promise<{ state: SourceState; counts: SyncCounts }> {
    const items = new Map(this.before);
    const counts: SyncCounts = { added: 0, changed: 0, removed: this.removed.size };
    for (const key of this.removed) items.delete(key);
    for (const [key, item] of this.kept) {
      const stored = items.get(key);
      if (stored === undefined) continue;
      if (differs(key, item, this.before)) counts.changed++;
      items.set(key, { ...stored, ...copyDetails(item) });
    }
    // Names of changed items count as taken too, so no other new item takes one they keep.
    const taken = new Set([...items.values()].map((item) => item.file));
    const moves: { staged: string; file: string }[] = [];
    for (const [key, { item, hash, staged }] of this.puts) {
      const stored = items.get(key);
      const extension = path.extname(safeFileName(item.fileName, new Set()));
      // The same document keeps its file name, and so its document id, while its format stays the same.
      const file =
        stored && path.extname(stored.file) === extension ? stored.file : safeFileName(item.fileName, taken);
      taken.add(file);
      moves.push({ staged, file });
      items.set(key, { ...copyDetails(item), file, hash });
      if (stored) counts.changed++;
      else counts.added++;
    }
    for (const { staged, file } of moves) await rename(staged, path.join(this.folder, file));
    const state: SourceState = { ...finish(counts), items: [...items.values()] };
    await writeSourceState(this.folder, state);
    await this.tidy(new Set(state.items.map((item) => item.file)));
    return { state, counts };
  }

  /** Throws away the copies of a sync that did not finish. */
  async discard(): Promise<void> {
    await rm(path.join(this.folder, INCOMING), { recursive: true, force: true });
  }

  /** Deletes copies no item names any more (removed, or renamed because their format changed). */
  private async tidy(named: ReadonlySet<string>): Promise<void> {
    await this.discard();
    for (const name of await readdir(this.folder)) {
      if (name.startsWith(".") || named.has(name) || name === STATE_FILE) continue;
      await rm(path.join(this.folder, name), { force: true });
    }
  }
}

function withoutCopy(stored: StoredItem): SourceItem {
  const { file: _file, hash: _hash, ...item } = stored;
  return item;
}

/** The fields of an item the state keeps (an adapter may pass more). */
function copyDetails(item: SourceItem): Omit<StoredItem, "file" | "hash"> {
  return {
    key: item.key,
    url: item.url,
    fileName: item.fileName,
    ...(item.title !== undefined ? { title: item.title } : {}),
    ...(item.validators !== undefined ? { validators: item.validators } : {}),
  };
}

/** Whether a kept item changes what a person sees: its link or title (validators do not count). */
function differs(key: string, item: SourceItem, before: ReadonlyMap<string, StoredItem>): boolean {
  const stored = before.get(key);
  return stored !== undefined && (stored.url !== item.url || stored.title !== item.title);
}
