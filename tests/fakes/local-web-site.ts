import http from "node:http";
import type { AddressInfo } from "node:net";

/** One resource the local site serves. */
export interface LocalPage {
  status?: number;
  contentType?: string;
  body?: string | Uint8Array;
  etag?: string;
  lastModified?: string;
  /** Other response headers (Location for a redirect, Content-Length to lie about …). */
  headers?: Record<string, string>;
  /** Waits this long before answering (a slow server). */
  delayMs?: number;
}

/** A request the site saw, with what it answered. */
export interface SeenRequest {
  path: string;
  status: number;
  userAgent: string | undefined;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  started: number;
  ended: number;
}

/**
 * A real HTTP server on 127.0.0.1 serving pages from a map that tests change between syncs. It
 * answers conditional requests as a web server does (304 when If-None-Match or If-Modified-Since
 * says the copy is current) and records every request.
 */
export class LocalWebSite {
  readonly pages = new Map<string, LocalPage>();
  readonly requests: SeenRequest[] = [];
  private inFlight = 0;
  /** Most requests the site was answering at the same time. */
  maxInFlight = 0;
  private server: http.Server | null = null;
  private port = 0;

  /** The absolute address of `path` on this site. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Starts listening on a free port. */
  async start(): Promise<void> {
    this.server = http.createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops listening and drops open connections (a slow response still waiting). */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Responses with a body (status 200) to anything but robots.txt. */
  contentDownloads(): SeenRequest[] {
    return this.requests.filter((request) => request.status === 200 && request.path !== "/robots.txt");
  }

  private async answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const started = Date.now();
    const path = request.url ?? "/";
    const page = this.pages.get(path);
    let status = page?.status ?? (page ? 200 : 404);
    if (page?.delayMs) await new Promise((resolve) => setTimeout(resolve, page.delayMs));
    const headers: Record<string, string> = { ...(page?.headers ?? {}) };
    if (page?.contentType) headers["Content-Type"] = page.contentType;
    if (page?.etag) headers.ETag = page.etag;
    if (page?.lastModified) headers["Last-Modified"] = page.lastModified;
    if (status === 200 && page && isCurrent(request, page)) status = 304;
    const record = (): void => {
      this.inFlight -= 1;
      this.requests.push({
        path,
        status,
        userAgent: request.headers["user-agent"],
        ifNoneMatch: request.headers["if-none-match"],
        ifModifiedSince: request.headers["if-modified-since"],
        started,
        ended: Date.now(),
      });
    };
    response.on("close", record);
    if (response.destroyed) return;
    response.writeHead(status, headers);
    response.end(status === 200 ? (page?.body ?? "") : status === 404 ? "Sidan finns inte" : undefined);
  }
}

function isCurrent(request: http.IncomingMessage, page: LocalPage): boolean {
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch !== undefined) return page.etag !== undefined && ifNoneMatch === page.etag;
  const since = request.headers["if-modified-since"];
  if (since === undefined || page.lastModified === undefined) return false;
  return Date.parse(page.lastModified) <= Date.parse(since);
}
