import { silentLogger } from "../../src/logger.ts";
import type { DocumentSource, SourceItem, SyncSink } from "../../src/sources/source-port.ts";

/** One copy an adapter put: the item, its bytes as sent, and those bytes read as UTF-8. */
export interface PutCopy {
  item: SourceItem;
  bytes: Uint8Array;
  text: string;
}

/** What an adapter told the sink during one sync. */
export interface SyncCalls {
  put: PutCopy[];
  kept: SourceItem[];
  removed: string[];
  problems: string[];
}

/**
 * A sink that behaves like the runner's as far as an adapter can tell: it remembers the items of
 * the last sync that finished (and their bytes), hands them back through `previous`/`items`, and
 * keeps the adapter's cursor. A sync that throws leaves all of that as it was, but its calls are
 * still readable in `calls`, so a test can check what a failing adapter tried to do.
 */
export class RecordingSyncSink {
  readonly stored = new Map<string, PutCopy>();
  cursor: string | null = null;
  /** The calls of the latest sync, also when it threw. */
  calls: SyncCalls = { put: [], kept: [], removed: [], problems: [] };

  /** Runs one sync of `source` against this sink and applies it when it does not throw. */
  async sync(source: DocumentSource): Promise<SyncCalls> {
    const calls: SyncCalls = { put: [], kept: [], removed: [], problems: [] };
    this.calls = calls;
    const stored = this.stored;
    const sink: SyncSink = {
      previous: (key) => stored.get(key)?.item,
      items: () => this.items(),
      put: async (item, bytes) => {
        // A copy, as the runner writes the bytes to disk at once: later changes to the buffer do not count.
        const copy = new Uint8Array(bytes);
        calls.put.push({ item, bytes: copy, text: new TextDecoder().decode(copy) });
      },
      keep: (item) => {
        calls.kept.push(item);
      },
      remove: (key) => {
        calls.removed.push(key);
      },
      problem: (message) => {
        calls.problems.push(message);
      },
    };
    const result = await source.sync(sink, {
      cursor: this.cursor,
      signal: new AbortController().signal,
      logger: silentLogger,
    });
    for (const key of calls.removed) stored.delete(key);
    // Like the runner, keeping an item it does not know adds nothing.
    for (const item of calls.kept) {
      const entry = stored.get(item.key);
      if (entry) stored.set(item.key, { ...entry, item });
    }
    for (const entry of calls.put) stored.set(entry.item.key, entry);
    this.cursor = result.cursor;
    return calls;
  }

  /** The items of the last sync that finished. */
  items(): SourceItem[] {
    return [...this.stored.values()].map((entry) => entry.item);
  }

  /** The stored copy of `key` as text, or undefined when no finished sync holds it. */
  text(key: string): string | undefined {
    return this.stored.get(key)?.text;
  }

  /** The stored documents as `fileName: text`, sorted, for readable assertions. */
  texts(): string[] {
    return [...this.stored.values()].map((entry) => `${entry.item.fileName}: ${entry.text}`).sort();
  }
}
