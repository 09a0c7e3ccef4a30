import { createLogger } from "../../src/logger.ts";
import type { DocumentSource, SourceItem, SyncSink } from "../../src/sources/source-port.ts";

/** What one sync did to the sink. */
export interface SyncRecord {
  put: { item: SourceItem; text: string }[];
  kept: SourceItem[];
  removed: string[];
  problems: string[];
}

/**
 * A sink that behaves like the runner's as far as an adapter can tell: it remembers the items of
 * the last sync that finished (and their text), hands them back through `previous`/`items`, and
 * keeps the adapter's cursor. A sync that throws leaves everything as it was.
 */
export class RecordingSyncSink {
  readonly stored = new Map<string, { item: SourceItem; text: string }>();
  cursor: string | null = null;
  last: SyncRecord = { put: [], kept: [], removed: [], problems: [] };

  /** Runs one sync of `source` against this sink and applies it when it succeeds. */
  async sync(source: DocumentSource): Promise<SyncRecord> {
    const record: SyncRecord = { put: [], kept: [], removed: [], problems: [] };
    const stored = this.stored;
    const sink: SyncSink = {
      previous: (key) => stored.get(key)?.item,
      items: () => [...stored.values()].map((entry) => entry.item),
      put: async (item, bytes) => {
        record.put.push({ item, text: Buffer.from(bytes).toString("utf8") });
      },
      keep: (item) => {
        record.kept.push(item);
      },
      remove: (key) => {
        record.removed.push(key);
      },
      problem: (message) => {
        record.problems.push(message);
      },
    };
    const result = await source.sync(sink, {
      cursor: this.cursor,
      signal: new AbortController().signal,
      logger: createLogger("silent"),
    });
    for (const key of record.removed) stored.delete(key);
    for (const item of record.kept) {
      const entry = stored.get(item.key);
      if (entry) stored.set(item.key, { item, text: entry.text });
    }
    for (const entry of record.put) stored.set(entry.item.key, entry);
    this.cursor = result.cursor;
    this.last = record;
    return record;
  }

  /** The stored documents as `fileName: text`, sorted, for readable assertions. */
  texts(): string[] {
    return [...this.stored.values()].map((entry) => `${entry.item.fileName}: ${entry.text}`).sort();
  }
}
