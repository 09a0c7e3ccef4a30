/**
 * The port between the sync runner (`src/sources/`) and the places documents live: public web
 * pages, SharePoint/Teams document libraries through Microsoft Graph, files shared in Slack.
 *
 * An adapter knows how to list and fetch; the runner knows where the copies are kept
 * (`<dataDir>/källor/<source id>/`), what was there last time, how the copies become documents
 * (the same ingest as `knowledge/`, ids `källor/<source id>/<file name>`, the item's `url` as the
 * document's source link, the source's group as the document's group) and how status is shown.
 */
import type { Logger } from "../logger.ts";

/** Kinds of source a group file or `knowledge/sources.yaml` can name. */
export type SourceKind = "web" | "sharepoint" | "slack";

/** One document a source holds, as the runner remembers it between syncs. */
export interface SourceItem {
  /** Stable key within the source: the URL for web, the drive item id for Graph, the file id for Slack. */
  key: string;
  /** Where people open it (page URL, SharePoint `webUrl`, Slack permalink); shown in citations. */
  url: string;
  /**
   * A file name whose extension picks the loader (`.html`, `.pdf`, `.docx`, `.md`, `.txt`); the
   * runner makes it unique and safe on disk, so an adapter may pass the remote name as it is.
   */
  fileName: string;
  /** Title when the source knows one (SharePoint name, link text); the loader infers one otherwise. */
  title?: string;
  /**
   * What the adapter needs to ask "changed since?" next time: ETag, Last-Modified, cTag … Opaque to
   * the runner, stored with the item and handed back through `SyncSink.previous`.
   */
  validators?: Record<string, string>;
}

/**
 * Where an adapter puts what it found. Writes go to disk as they come, so a large source never
 * sits in memory; nothing reaches the index before the sync has finished without a thrown error.
 */
export interface SyncSink {
  /** The item as it was after the last successful sync, or undefined when it is new. */
  previous(key: string): SourceItem | undefined;
  /** Every item of the last successful sync (an adapter doing a full listing removes the ones it no longer sees). */
  items(): readonly SourceItem[];
  /** A new or changed document; replaces the earlier copy of the same key. */
  put(item: SourceItem, bytes: Uint8Array): Promise<void>;
  /** The item is still there and unchanged, with possibly refreshed validators (e.g. a 304 with a new date). */
  keep(item: SourceItem): void;
  /** The document is gone at the source (deleted, 404/410 on a page the source lists). */
  remove(key: string): void;
  /**
   * One item could not be fetched this time (timeout, 5xx, too large, wrong type, robots.txt):
   * its earlier copy, if any, is kept. Message in Swedish, naming the URL or file and what to do.
   */
  problem(message: string): void;
}

/** What an adapter gets besides the sink. */
export interface SyncContext {
  /** The cursor the adapter returned last time (a Graph `@odata.deltaLink`); null on the first sync. */
  cursor: string | null;
  signal: AbortSignal;
  logger: Logger;
}

/** One configured source that the runner can sync. */
export interface DocumentSource {
  /** Unique among all sources, kebab-case; names the folder of copies and appears in status. */
  readonly id: string;
  readonly kind: SourceKind;
  /** Short Swedish description for status lines, e.g. "webb: www.laholm.se (3 adresser)". */
  readonly label: string;
  /**
   * Brings the sink up to date with the source. Throws (a `SamsynError` with a Swedish message) when
   * the source as a whole cannot be read — token refused, start page unreachable — and then the
   * runner keeps every earlier copy. Returns the cursor to hand back next time.
   */
  sync(sink: SyncSink, context: SyncContext): Promise<{ cursor: string | null }>;
}

/**
 * How a surface adds one file to a group's documents (the Slack shortcut "Lägg till i Samsyn").
 * The runner keeps it in the group's `slack` source and ingests at once.
 */
export interface SourceInbox {
  /**
   * Adds or replaces `item` in the group's files shared in chat and indexes it. Resolves with the
   * ingest outcome for that file, for the confirmation in the thread.
   */
  add(groupId: string, item: SourceItem, bytes: Uint8Array): Promise<InboxOutcome>;
}

/** What happened to a file added through the inbox. */
export interface InboxOutcome {
  /** The document id it got (`källor/<source id>/<file name>`). */
  documentId: string;
  /** True when the file is now searchable; false when it could not be read (see `message`). */
  indexed: boolean;
  /** Swedish summary for the thread: passages indexed, warnings, or why it could not be read. */
  message: string;
}
