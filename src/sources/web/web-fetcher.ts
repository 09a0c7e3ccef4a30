import { HostGate } from "./host-gate.ts";
import { ALLOW_ALL, parseRobotsRules, type RobotsRules } from "./robots-rules.ts";
import { ACCEPTED_TYPES, mediaTypeOf, type WebFormat, webFormat } from "./web-content-type.ts";
import type { WebFetchSettings } from "./web-fetch-settings.ts";

/** Redirects followed before an address is given up. */
const MAX_REDIRECTS = 5;
/** Longest Crawl-delay honoured; a site asking for more still gets one request per this long. */
const MAX_CRAWL_DELAY_MS = 30_000;
/** robots.txt beyond this size is read only this far (RFC 9309 asks for at least 500 KiB). */
const MAX_ROBOTS_BYTES = 512 * 1024;
/** Hosts fetched at the same time. */
const HOST_CONCURRENCY = 4;

/** Why a fetch gave nothing usable; the earlier copy is kept in every case. */
export type FetchFailure =
  | { reason: "network"; detail: string }
  | { reason: "timeout" }
  | { reason: "status"; status: number }
  | { reason: "too-large" }
  | { reason: "wrong-type"; mediaType: string }
  | { reason: "robots-disallow" }
  | { reason: "robots-unavailable"; detail: string; network: boolean }
  | { reason: "redirects" };

/** What one GET of a web address came to. */
export type FetchOutcome =
  | { kind: "ok"; finalUrl: URL; format: WebFormat; bytes: Uint8Array; validators: Record<string, string> }
  | { kind: "not-modified"; finalUrl: URL; validators: Record<string, string> }
  | { kind: "gone"; finalUrl: URL; status: number }
  | ({ kind: "failed"; finalUrl: URL } & FetchFailure);

type RobotsState =
  | { kind: "rules"; rules: RobotsRules }
  | { kind: "unavailable"; detail: string; network: boolean };

/** Dependencies a test or the bench may replace. */
export interface WebFetcherDependencies {
  fetch: typeof fetch;
  now: () => number;
  signal: AbortSignal;
}

/**
 * Fetches web addresses for one sync: robots.txt once per host, one request at a time per host,
 * conditional requests, redirects, and the time, size and type limits of the settings.
 */
export class WebFetcher {
  private readonly gate: HostGate;
  private readonly robots = new Map<string, Promise<RobotsState>>();
  private readonly productToken: string;
  /** Responses whose body was read, for the "nothing changed downloads nothing" check and logs. */
  bodiesRead = 0;

  constructor(
    private readonly settings: WebFetchSettings,
    private readonly deps: WebFetcherDependencies,
  ) {
    this.gate = new HostGate({
      delayMs: settings.hostDelayMs,
      concurrency: HOST_CONCURRENCY,
      now: deps.now,
      signal: deps.signal,
    });
    this.productToken = settings.userAgent.split("/")[0]?.trim() ?? settings.userAgent;
  }

  /** GETs `url`, asking "changed since?" with the ETag / Last-Modified in `validators`. */
  async get(url: URL, validators: Record<string, string> = {}): Promise<FetchOutcome> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const robots = await this.robotsFor(current);
      if (robots.kind === "unavailable") {
        return {
          kind: "failed",
          finalUrl: current,
          reason: "robots-unavailable",
          detail: robots.detail,
          network: robots.network,
        };
      }
      if (!robots.rules.allows(current))
        return { kind: "failed", finalUrl: current, reason: "robots-disallow" };
      const step = await this.gate.run(current.host, () => this.request(current, validators));
      if (step.kind !== "redirect") return step;
      current = step.location;
    }
    return { kind: "failed", finalUrl: current, reason: "redirects" };
  }

  private async request(
    url: URL,
    validators: Record<string, string>,
  ): Promise<FetchOutcome | { kind: "redirect"; location: URL }> {
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const signal = AbortSignal.any([timeout, this.deps.signal]);
    const headers: Record<string, string> = { "User-Agent": this.settings.userAgent, Accept: ACCEPTED_TYPES };
    if (validators.etag) headers["If-None-Match"] = validators.etag;
    if (validators.lastModified) headers["If-Modified-Since"] = validators.lastModified;
    let response: Response;
    try {
      response = await this.deps.fetch(url, { headers, redirect: "manual", signal });
    } catch (error) {
      return this.failure(url, error, timeout);
    }
    const fresh = validatorsOf(response);
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get("location");
      const target = location ? safeUrl(location, url) : null;
      return target
        ? { kind: "redirect", location: target }
        : { kind: "failed", finalUrl: url, reason: "status", status: response.status };
    }
    if (response.status === 304 && (validators.etag || validators.lastModified)) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: "not-modified", finalUrl: url, validators: fresh };
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: "gone", finalUrl: url, status: response.status };
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: "failed", finalUrl: url, reason: "status", status: response.status };
    }
    const contentType = response.headers.get("content-type");
    const format = webFormat(contentType, url);
    if (!format) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: "failed", finalUrl: url, reason: "wrong-type", mediaType: mediaTypeOf(contentType) };
    }
    try {
      const bytes = await readLimited(response, this.settings.maxBytes);
      if (!bytes) return { kind: "failed", finalUrl: url, reason: "too-large" };
      this.bodiesRead += 1;
      return { kind: "ok", finalUrl: url, format, bytes, validators: fresh };
    } catch (error) {
      return this.failure(url, error, timeout);
    }
  }

  private failure(url: URL, error: unknown, timeout: AbortSignal): FetchOutcome {
    // The sync itself was stopped: not a problem of this address, so let it end the sync.
    if (this.deps.signal.aborted) throw this.deps.signal.reason ?? error;
    if (timeout.aborted) return { kind: "failed", finalUrl: url, reason: "timeout" };
    return { kind: "failed", finalUrl: url, reason: "network", detail: networkDetail(error) };
  }

  private robotsFor(url: URL): Promise<RobotsState> {
    let state = this.robots.get(url.origin);
    if (!state) {
      state = this.gate.run(url.host, () => this.fetchRobots(url));
      this.robots.set(url.origin, state);
    }
    return state;
  }

  private async fetchRobots(url: URL): Promise<RobotsState> {
    const robotsUrl = new URL("/robots.txt", url.origin);
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    try {
      const response = await this.deps.fetch(robotsUrl, {
        headers: { "User-Agent": this.settings.userAgent, Accept: "text/plain" },
        signal: AbortSignal.any([timeout, this.deps.signal]),
      });
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: "unavailable", detail: `HTTP ${response.status}`, network: false };
      }
      if (!response.ok) {
        // RFC 9309: a robots.txt that is missing or forbidden (4xx) puts no limits on crawling.
        await response.body?.cancel().catch(() => undefined);
        return { kind: "rules", rules: ALLOW_ALL };
      }
      const bytes = (await readLimited(response, MAX_ROBOTS_BYTES, true)) ?? new Uint8Array();
      const rules = parseRobotsRules(new TextDecoder().decode(bytes), this.productToken);
      if (rules.crawlDelayMs !== null)
        this.gate.slowDown(url.host, Math.min(rules.crawlDelayMs, MAX_CRAWL_DELAY_MS));
      return { kind: "rules", rules };
    } catch (error) {
      if (this.deps.signal.aborted) throw this.deps.signal.reason ?? error;
      const detail = timeout.aborted ? "inget svar i tid" : networkDetail(error);
      return { kind: "unavailable", detail, network: true };
    }
  }
}

/** The validators a response offers for next time. */
function validatorsOf(response: Response): Record<string, string> {
  const validators: Record<string, string> = {};
  const etag = response.headers.get("etag");
  const lastModified = response.headers.get("last-modified");
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  return validators;
}

/**
 * Reads the body up to `maxBytes`; null (and the stream cancelled, so the rest is never
 * downloaded) when it is larger, or the first `maxBytes` when `truncate` is set.
 */
async function readLimited(
  response: Response,
  maxBytes: number,
  truncate = false,
): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (!truncate && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      if (!truncate) return null;
      break;
    }
  }
  const bytes = Buffer.concat(chunks, Math.min(total, maxBytes));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function safeUrl(location: string, base: URL): URL | null {
  try {
    const url = new URL(location, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** A short cause for the message: "ECONNREFUSED", "ENOTFOUND" … rather than "fetch failed". */
function networkDetail(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
