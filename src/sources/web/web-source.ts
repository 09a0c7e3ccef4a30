import { createHash } from "node:crypto";
import { SamsynError } from "../../errors.ts";
import { decodeText } from "../../knowledge/loaders/decode-text.ts";
import { htmlBlocks } from "../../knowledge/loaders/html-blocks.ts";
import type { SourceDefinition, WebSourceOptions } from "../source-definition.ts";
import type { DocumentSource, SourceItem, SyncContext, SyncSink } from "../source-port.ts";
import { type ListingState, readListingCursor, writeListingCursor } from "./listing-cursor.ts";
import { listingLinks } from "./listing-links.ts";
import { normaliseUrl } from "./normalise-url.ts";
import { type WebFormat, webFileName } from "./web-content-type.ts";
import type { WebFetchSettings } from "./web-fetch-settings.ts";
import { type FetchOutcome, WebFetcher } from "./web-fetcher.ts";
import { webFailureSummary, webProblemMessage } from "./web-problem-message.ts";

/** Addresses of one source fetched at the same time; the host gate still serialises each host. */
const WORKERS = 4;

/** What a web source's adapter may be given instead of the real network and clock. */
export interface WebSourceDependencies {
  fetch?: typeof fetch;
  now?: () => number;
}

/** One address to fetch this sync. */
interface Target {
  key: string;
  url: URL;
  title: string | null;
  /** Named in the source itself (not found on a listing page): a 404 there is worth telling. */
  configured: boolean;
}

/** The adapter for a web source: pages and files by address, plus the links of listing pages. */
export function webSource(
  definition: SourceDefinition,
  settings: WebFetchSettings,
  deps: WebSourceDependencies = {},
): DocumentSource {
  const options = definition.web;
  if (definition.kind !== "web" || !options) {
    throw new SamsynError(
      "config_invalid",
      `Källan ${definition.id} (${definition.origin}) är ingen webbkälla.`,
    );
  }
  return {
    id: definition.id,
    kind: "web",
    label: webLabel(options),
    sync: (sink, context) =>
      syncWeb(definition, options, settings, sink, context, {
        fetch: deps.fetch ?? fetch,
        now: deps.now ?? Date.now,
      }),
  };
}

/** "webb: www.laholm.se (3 adresser, 1 listningssida)". */
function webLabel(options: WebSourceOptions): string {
  const addresses = [...options.urls, ...options.follow.map((entry) => entry.page)];
  const hosts = [...new Set(addresses.map((address) => normaliseUrl(address)?.host ?? address))];
  const parts = [`${options.urls.length} ${options.urls.length === 1 ? "adress" : "adresser"}`];
  if (options.follow.length > 0) {
    parts.push(
      `${options.follow.length} ${options.follow.length === 1 ? "listningssida" : "listningssidor"}`,
    );
  }
  return `webb: ${hosts.join(", ")} (${parts.join(", ")})`;
}

async function syncWeb(
  definition: SourceDefinition,
  options: WebSourceOptions,
  settings: WebFetchSettings,
  sink: SyncSink,
  context: SyncContext,
  deps: Required<WebSourceDependencies>,
): Promise<{ cursor: string | null }> {
  const fetcher = new WebFetcher(settings, { fetch: deps.fetch, now: deps.now, signal: context.signal });
  const started = deps.now();
  const targets = new Map<string, Target>();
  for (const address of options.urls) {
    const url = normaliseUrl(address);
    if (!url) {
      sink.problem(
        `"${address}" i ${definition.origin} är ingen webbadress (http:// eller https://). Rätta eller ta bort den.`,
      );
    } else if (!targets.has(url.href)) {
      targets.set(url.href, { key: url.href, url, title: null, configured: true });
    }
  }
  const listings = await readListings(
    definition,
    options,
    settings,
    fetcher,
    readListingCursor(context.cursor),
  );
  for (const listing of listings.values()) {
    for (const link of listing.links) {
      const known = targets.get(link.url);
      if (known) known.title ??= link.title;
      else
        targets.set(link.url, {
          key: link.url,
          url: new URL(link.url),
          title: link.title,
          configured: false,
        });
    }
  }
  const all = [...targets.values()];
  const fetched = all.slice(0, settings.maxPagesPerSource);
  const skipped = all.slice(settings.maxPagesPerSource);
  if (skipped.length > 0) {
    sink.problem(
      `Källan ${definition.id} har ${all.length} sidor och filer men högst ${settings.maxPagesPerSource} hämtas per synkning; ` +
        `${skipped.length} hoppades över (tidigare kopior behålls). Höj SAMSYN_WEB_SOURCE_MAX_PAGES eller smalna av källan med under/match.`,
    );
    for (const target of skipped) keepPrevious(sink, target.key);
  }

  const outcomes = await runPool(fetched, WORKERS, (target) =>
    syncTarget(target, definition, settings, fetcher, sink),
  );
  const networkFailures = outcomes.filter((outcome) => outcome === "network").length;
  if (fetched.length > 0 && networkFailures === fetched.length) {
    throw new SamsynError(
      "source_unavailable",
      `Ingen adress i webbkällan ${definition.id} (${definition.origin}) gick att nå. Inga dokument tas bort; ` +
        "kontrollera nätverket och adresserna, Samsyn försöker igen vid nästa synkning.",
    );
  }
  for (const item of sink.items()) {
    if (!targets.has(item.key)) sink.remove(item.key);
  }
  context.logger.info("web source synced", {
    source: definition.id,
    addresses: fetched.length,
    bodiesRead: fetcher.bodiesRead,
    ms: deps.now() - started,
  });
  return { cursor: writeListingCursor(listings) };
}

/** Fetches every listing page; any that fails ends the sync, so no followed document is removed. */
async function readListings(
  definition: SourceDefinition,
  options: WebSourceOptions,
  settings: WebFetchSettings,
  fetcher: WebFetcher,
  previous: ReadonlyMap<string, ListingState>,
): Promise<Map<string, ListingState>> {
  const results = await Promise.allSettled(
    options.follow.map(async (entry) => {
      const page = normaliseUrl(entry.page);
      if (!page) throw listingFailed(definition, entry.page, "adressen är ogiltig");
      const filter = `${entry.under ?? ""} ${entry.match?.source ?? ""}`;
      const remembered = previous.get(page.href);
      const before = remembered?.filter === filter ? remembered : undefined;
      const outcome = await fetcher.get(page, before?.validators);
      if (outcome.kind === "not-modified" && before) {
        return [
          page.href,
          { filter, validators: { ...before.validators, ...outcome.validators }, links: before.links },
        ] as const;
      }
      if (outcome.kind === "ok" && outcome.format === "html") {
        const html = new TextDecoder().decode(outcome.bytes);
        const links = listingLinks(html, outcome.finalUrl, { under: entry.under, match: entry.match });
        return [page.href, { filter, validators: outcome.validators, links }] as const;
      }
      throw listingFailed(definition, page.href, listingReason(outcome, settings));
    }),
  );
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return new Map(results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : [])));
}

function listingReason(outcome: FetchOutcome, settings: WebFetchSettings): string {
  if (outcome.kind === "gone") return `den finns inte (HTTP ${outcome.status}); rätta adressen.`;
  if (outcome.kind === "ok") return "den är ingen HTML-sida.";
  if (outcome.kind === "failed") return webFailureSummary(outcome, settings);
  return "servern svarade 304 utan att ha fått en fråga om ändringar.";
}

/**
 * What a copy's content is compared by: for a web page, what Samsyn would index of it (its blocks,
 * title and canonical address), so markup that changes on every request (a session token, a
 * timestamp in a script) does not make an unchanged page a new document on every sync.
 */
function contentHash(bytes: Uint8Array, format: WebFormat): string {
  const hash = createHash("sha256");
  if (format !== "html") return hash.update(bytes).digest("hex");
  const { text } = decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "page.html");
  const content = htmlBlocks(text);
  return hash
    .update(JSON.stringify([content.title ?? null, content.canonical ?? null, content.blocks]))
    .digest("hex");
}

function listingFailed(definition: SourceDefinition, page: string, reason: string): SamsynError {
  return new SamsynError(
    "source_unavailable",
    `Listningssidan ${page} i webbkällan ${definition.id} (${definition.origin}) kunde inte läsas: ${reason} ` +
      "Inga dokument från källan tas bort; Samsyn försöker igen vid nästa synkning.",
  );
}

/** Fetches one address and tells the sink; returns "network" when the host could not be reached at all. */
async function syncTarget(
  target: Target,
  definition: SourceDefinition,
  settings: WebFetchSettings,
  fetcher: WebFetcher,
  sink: SyncSink,
): Promise<"ok" | "problem" | "network"> {
  const previous = sink.previous(target.key);
  const outcome = await fetcher.get(target.url, previous?.validators);
  switch (outcome.kind) {
    case "ok": {
      const hash = contentHash(outcome.bytes, outcome.format);
      const item: SourceItem = {
        key: target.key,
        url: outcome.finalUrl.href,
        fileName: webFileName(outcome.finalUrl, outcome.format),
        ...(target.title ? { title: target.title } : {}),
        validators: { ...outcome.validators, hash },
      };
      // A server without ETag/Last-Modified (or one that ignores them) sends the body every time.
      const unchanged = previous?.validators?.hash === hash && previous.fileName === item.fileName;
      if (unchanged) sink.keep(item);
      else await sink.put(item, outcome.bytes);
      return "ok";
    }
    case "not-modified": {
      if (!previous) return "ok";
      sink.keep({
        ...previous,
        url: outcome.finalUrl.href,
        ...(target.title ? { title: target.title } : {}),
        validators: { ...previous.validators, ...outcome.validators },
      });
      return "ok";
    }
    case "gone":
      if (previous) sink.remove(target.key);
      if (target.configured) {
        sink.problem(
          `${target.url.href} finns inte längre (HTTP ${outcome.status})${previous ? "; kopian togs bort" : ""}. ` +
            `Rätta eller ta bort adressen i ${definition.origin}.`,
        );
      }
      return "ok";
    case "failed":
      sink.problem(webProblemMessage(target.url.href, outcome, settings));
      keepPrevious(sink, target.key);
      return outcome.reason === "network" || (outcome.reason === "robots-unavailable" && outcome.network)
        ? "network"
        : "problem";
  }
}

function keepPrevious(sink: SyncSink, key: string): void {
  const previous = sink.previous(key);
  if (previous) sink.keep(previous);
}

/** Runs `task` over `items` with at most `workers` at a time, results in input order. */
async function runPool<T, R>(
  items: readonly T[],
  workers: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
  return results;
}
