import type { DocumentSource, SyncContext, SyncSink } from "../../src/sources/source-port.ts";

/** A document the fake source holds; `version` plays the part of an ETag. */
export interface FakeDocument {
  url: string;
  fileName: string;
  title?: string;
  text: string;
  version: string;
}

/**
 * A source that lists every document each time, like a web source with a fixed list of pages:
 * unchanged versions are kept without fetching, changed ones put, vanished ones removed. Records
 * its syncs and the keys it fetched; `failAfter` makes the next syncs throw after doing their work.
 */
export class FakeDocumentSource implements DocumentSource {
  readonly kind = "web" as const;
  readonly label: string;
  readonly documents = new Map<string, FakeDocument>();
  readonly fetched: string[] = [];
  readonly cursors: (string | null)[] = [];
  failAfter: Error | null = null;

  constructor(readonly id: string) {
    this.label = `testkälla ${id}`;
  }

  async sync(sink: SyncSink, context: SyncContext): Promise<{ cursor: string | null }> {
    this.cursors.push(context.cursor);
    for (const [key, document] of this.documents) {
      const previous = sink.previous(key);
      if (previous?.validators?.etag === document.version) {
        sink.keep(previous);
        continue;
      }
      this.fetched.push(key);
      await sink.put(
        {
          key,
          url: document.url,
          fileName: document.fileName,
          ...(document.title !== undefined ? { title: document.title } : {}),
          validators: { etag: document.version },
        },
        new TextEncoder().encode(document.text),
      );
    }
    for (const item of sink.items()) if (!this.documents.has(item.key)) sink.remove(item.key);
    if (this.failAfter) throw this.failAfter;
    return { cursor: `efter-${this.cursors.length}` };
  }
}
