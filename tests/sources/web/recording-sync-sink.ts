import type { SourceItem, SyncSink } from "../../../src/sources/source-port.ts";

/** What one sync told the sink. */
export interface SyncCalls {
  put: { item: SourceItem; bytes: Uint8Array }[];
  kept: SourceItem[];
  removed: string[];
  problems: string[];
}

/**
 * The runner's side of the port as a test sees it: remembers the items of the last successful
 * sync (and their bytes) and records what the adapter did during the current one.
 */
export class RecordingSyncSink implements SyncSink {
  private committed = new Map<string, { item: SourceItem; bytes: Uint8Array | null }>();
  calls: SyncCalls = emptyCalls();

  previous(key: string): SourceItem | undefined {
    return this.committed.get(key)?.item;
  }

  items(): readonly SourceItem[] {
    return [...this.committed.values()].map((entry) => entry.item);
  }

  async put(item: SourceItem, bytes: Uint8Array): Promise<void> {
    this.calls.put.push({ item, bytes });
  }

  keep(item: SourceItem): void {
    this.calls.kept.push(item);
  }

  remove(key: string): void {
    this.calls.removed.push(key);
  }

  problem(message: string): void {
    this.calls.problems.push(message);
  }

  /** Starts recording a new sync. */
  begin(): void {
    this.calls = emptyCalls();
  }

  /** What the runner does after a sync that did not throw: the recorded changes become the state. */
  commit(): void {
    for (const { item, bytes } of this.calls.put) this.committed.set(item.key, { item, bytes });
    for (const item of this.calls.kept) {
      const known = this.committed.get(item.key);
      this.committed.set(item.key, { item, bytes: known?.bytes ?? null });
    }
    for (const key of this.calls.removed) this.committed.delete(key);
  }

  /** The bytes of the committed copy of `key` as text. */
  text(key: string): string | undefined {
    const bytes = this.committed.get(key)?.bytes;
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  }
}

function emptyCalls(): SyncCalls {
  return { put: [], kept: [], removed: [], problems: [] };
}
