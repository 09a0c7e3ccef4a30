import { setTimeout as delay } from "node:timers/promises";
import { DEFAULT_INGEST_LIMITS } from "../../config/ingest-limits.ts";
import { SamsynError } from "../../errors.ts";
import { EntraTokenProvider } from "../../microsoft/entra-token-provider.ts";
import { readPrivateKeyFile } from "../../microsoft/read-private-key-file.ts";
import type { SharePointSourceOptions, SourceDefinition } from "../source-definition.ts";
import type { DocumentSource, SourceItem, SyncContext, SyncSink } from "../source-port.ts";
import { downloadInto } from "./download-into.ts";
import { type DriveItem, driveItemSchema, isFolder, sameContent, toSourceItem } from "./drive-item.ts";
import { resolveDriveId, resolveFolderId, resolveSiteId } from "./drive-location.ts";
import { folderScope, scopeChanged } from "./folder-scope.ts";
import { GraphClient, GraphRequestError } from "./graph-client.ts";
import { explainGraphFailure } from "./graph-failure.ts";
import type { GraphSettings } from "./graph-settings.ts";
import { type DeltaListing, readDelta } from "./read-delta.ts";
import { readCursor, type SharePointCursor, writeCursor } from "./sharepoint-cursor.ts";

/** Files downloaded at the same time; Graph throttles an app that asks for many more. */
const DOWNLOAD_CONCURRENCY = 4;

/** What tests (and one day the runner) may replace. */
export interface SharePointSourceDeps {
  fetch?: typeof fetch;
  /** Waits out a Retry-After; tests pass one that records the wait and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Largest file downloaded, in bytes (default the ingest limit, 50 MB). */
  maxFileBytes?: number;
}

/**
 * A SharePoint / Teams files source: one document library (or one folder in it) read through
 * Microsoft Graph with Samsyn's app registration, synced incrementally with delta queries.
 * Throws `config_invalid` when the definition has no SharePoint options or the certificate key
 * cannot be read.
 */
export function sharePointSource(
  definition: SourceDefinition,
  graph: GraphSettings,
  deps: SharePointSourceDeps = {},
): DocumentSource {
  const options = definition.sharepoint;
  if (definition.kind !== "sharepoint" || !options) {
    throw new SamsynError(
      "config_invalid",
      `${definition.origin}: källan ${definition.id} saknar SharePoint-inställningar.`,
    );
  }
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const tokens = new EntraTokenProvider({
    clientId: graph.appId,
    credential:
      graph.credential.kind === "secret"
        ? { kind: "secret", secret: graph.credential.secret }
        : {
            kind: "certificate",
            thumbprint: graph.credential.thumbprint,
            privateKeyPem: readPrivateKeyFile(graph.credential.keyFile),
          },
    loginEndpoint: graph.loginBaseUrl,
    defaultTenant: graph.tenantId,
    fetch: fetchImpl,
  });
  const client = new GraphClient({
    tokens,
    tenantId: graph.tenantId,
    graphBaseUrl: graph.graphBaseUrl,
    fetch: fetchImpl,
    sleep: deps.sleep ?? ((ms) => delay(ms)),
  });
  return new SharePointSource(definition, options, graph.appId, client, deps.maxFileBytes);
}

class SharePointSource implements DocumentSource {
  readonly id: string;
  readonly kind = "sharepoint" as const;
  readonly label: string;
  /** Site and drive ids never change for a configured source; asked once per process. */
  private drive: { siteId: string; driveId: string } | null = null;

  constructor(
    private readonly definition: SourceDefinition,
    private readonly options: SharePointSourceOptions,
    private readonly appId: string,
    private readonly client: GraphClient,
    private readonly maxFileBytes = DEFAULT_INGEST_LIMITS.maxFileBytes,
  ) {
    this.id = definition.id;
    const host = options.site.replace(/^https?:\/\//i, "").split(/[,:/]/)[0] ?? options.site;
    this.label = `SharePoint: ${host}${options.folder ? ` / ${options.folder}` : ""}`;
  }

  async sync(sink: SyncSink, context: SyncContext): Promise<{ cursor: string | null }> {
    const { signal, logger } = context;
    const driveId = await this.driveId(signal);
    const folder = this.options.folder;
    const folderId = folder
      ? await this.guard(`mappen ${folder}`, () => resolveFolderId(this.client, driveId, folder, signal))
      : null;
    const cursor = readCursor(context.cursor, { driveId, folderId, graphBaseUrl: this.client.graphBaseUrl });
    const { listing, full } = await this.list(driveId, folderId, cursor, context);
    const scope = folderId
      ? full
        ? folderScope(listing.items.values(), folderId)
        : new Set(cursor?.scope)
      : null;
    if (!full) await this.addRetries(listing.items, cursor?.retry ?? [], driveId, signal);
    const outcome = await this.apply(listing.items.values(), scope, full, sink, signal);
    logger.info("sharepoint source synced", {
      source: this.id,
      full,
      downloaded: outcome.downloaded,
      kept: outcome.kept,
      removed: outcome.removed,
      failed: outcome.failed.length,
    });
    return {
      cursor: writeCursor({
        deltaLink: listing.deltaLink,
        driveId,
        folderId,
        scope: scope ? [...scope] : null,
        retry: outcome.failed,
      }),
    };
  }

  /**
   * The changes since the cursor, or the whole drive when there is no cursor, Graph no longer
   * knows the token (410 resyncRequired, whose Location starts afresh) or a folder moved into or
   * out of the configured folder (delta does not list the files inside a moved folder).
   */
  private async list(
    driveId: string,
    folderId: string | null,
    cursor: SharePointCursor | null,
    { signal, logger }: SyncContext,
  ): Promise<{ listing: DeltaListing; full: boolean }> {
    let restart = `/drives/${encodeURIComponent(driveId)}/root/delta`;
    if (cursor) {
      try {
        const listing = await readDelta(this.client, cursor.deltaLink, signal);
        const moved =
          folderId && cursor.scope && scopeChanged(listing.items.values(), new Set(cursor.scope), folderId);
        if (!moved) return { listing, full: false };
        logger.debug("sharepoint folder moved in or out of scope, listing again", { source: this.id });
      } catch (error) {
        if (!(error instanceof GraphRequestError && error.status === 410))
          throw this.explain(error, "ändringarna");
        restart = error.location ?? restart;
        logger.info("sharepoint delta token expired, listing again", { source: this.id });
      }
    }
    const listing = await this.guard("dokumentbiblioteket", () => readDelta(this.client, restart, signal));
    return { listing, full: true };
  }

  /**
   * Adds the files whose download failed last time: delta will not name them again until they
   * change, so they are asked for one by one (a 404 means they are gone meanwhile).
   */
  private async addRetries(
    items: Map<string, DriveItem>,
    retry: readonly string[],
    driveId: string,
    signal: AbortSignal,
  ): Promise<void> {
    for (const id of retry) {
      if (items.has(id)) continue;
      try {
        const body = await this.client.getJson(
          `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(id)}`,
          signal,
        );
        const parsed = driveItemSchema.safeParse(body);
        if (parsed.success) items.set(id, parsed.data);
      } catch (error) {
        if (!(error instanceof GraphRequestError && error.status === 404))
          throw this.explain(error, "en fil");
        items.set(id, { id, deleted: {} });
      }
    }
  }

  private async driveId(signal: AbortSignal): Promise<string> {
    if (!this.drive) {
      const siteId = await this.guard("webbplatsen", () =>
        resolveSiteId(this.client, this.options.site, signal),
      );
      const driveId = await this.guard("dokumentbiblioteket", () =>
        resolveDriveId(this.client, siteId, this.options.drive, signal),
      );
      this.drive = { siteId, driveId };
    }
    return this.drive.driveId;
  }

  /** Applies a listing to the sink: removals at once, changed files downloaded a few at a time. */
  private async apply(
    items: Iterable<DriveItem>,
    scope: ReadonlySet<string> | null,
    full: boolean,
    sink: SyncSink,
    signal: AbortSignal,
  ): Promise<{ downloaded: number; kept: number; removed: number; failed: string[] }> {
    const present = new Set<string>();
    const removed = new Set<string>();
    const downloads: { source: SourceItem; size: number | undefined }[] = [];
    let kept = 0;
    for (const item of items) {
      if (isFolder(item)) continue;
      const inside = !item.deleted && (scope === null || scope.has(item.parentReference?.id ?? ""));
      const source = inside ? toSourceItem(item) : null;
      const previous = sink.previous(item.id);
      if (!source) {
        // Deleted, moved out of the folder, or renamed to a type Samsyn cannot read.
        if (previous && !removed.has(item.id)) {
          sink.remove(item.id);
          removed.add(item.id);
        }
        continue;
      }
      present.add(item.id);
      if (previous && sameContent(previous, source)) {
        sink.keep(source);
        kept++;
      } else {
        downloads.push({ source, size: item.size });
      }
    }
    if (full) {
      // A full listing names everything there is; what it no longer names is gone.
      for (const previous of sink.items()) {
        if (!present.has(previous.key) && !removed.has(previous.key)) {
          sink.remove(previous.key);
          removed.add(previous.key);
        }
      }
    }
    const driveId = this.drive?.driveId ?? "";
    let downloaded = 0;
    const failed: string[] = [];
    const queue = downloads.values();
    let stop = false;
    const worker = async () => {
      for (const next of queue) {
        if (stop) return;
        try {
          const fetched = await downloadInto(
            sink,
            this.client,
            driveId,
            next.source,
            next.size,
            this.maxFileBytes,
            signal,
          );
          if (fetched) downloaded++;
          else failed.push(next.source.key);
        } catch (error) {
          // Token refused or throttling without end: the others would fail alike, so they stop.
          stop = true;
          throw error;
        }
      }
    };
    // allSettled: no download may still write into the sink once the sync has failed.
    const results = await Promise.allSettled(
      Array.from({ length: Math.min(DOWNLOAD_CONCURRENCY, downloads.length) }, worker),
    );
    const rejected = results.find((result) => result.status === "rejected");
    if (rejected) throw rejected.reason;
    return { downloaded, kept, removed: removed.size, failed };
  }

  /** Runs a Graph call and turns a failure into a Swedish `SamsynError` that says what to do. */
  private async guard<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw this.explain(error, what);
    }
  }

  private explain(error: unknown, what: string): unknown {
    return explainGraphFailure(error, {
      site: this.options.site,
      appId: this.appId,
      origin: this.definition.origin,
      what,
    });
  }
}
