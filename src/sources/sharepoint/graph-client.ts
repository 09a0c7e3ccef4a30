import { z } from "zod";
import { SamsynError } from "../../errors.ts";
import { EntraTokenError, type EntraTokenProvider } from "../../microsoft/entra-token-provider.ts";

/** How often a throttled request (429, 503) is tried again before the sync gives up. */
const MAX_RETRIES = 5;
/** Longest single wait Samsyn accepts; a longer Retry-After ends the sync instead of blocking it. */
const MAX_WAIT_MS = 120_000;
/** Time for one JSON request, and for one file download. */
const REQUEST_TIMEOUT_MS = 30_000;
const DOWNLOAD_TIMEOUT_MS = 120_000;

const graphErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

/** Graph answered a request with an error status; the caller decides what it means for the user. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    /** Graph's `error.code` (`accessDenied`, `itemNotFound`, `resyncRequired` …) when it gave one. */
    readonly graphCode: string | null,
    /** The `Location` header (a 410 on a delta link carries a fresh start there). */
    readonly location: string | null,
  ) {
    super(`Graph answered ${status}${graphCode ? ` (${graphCode})` : ""}`);
    this.name = "GraphRequestError";
  }
}

/** A file's content was larger than allowed; the download was stopped at the limit. */
export class ContentTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`content larger than ${limitBytes} bytes`);
    this.name = "ContentTooLargeError";
  }
}

/** What the client needs besides the token provider. */
export interface GraphClientOptions {
  tokens: EntraTokenProvider;
  tenantId: string;
  /** Graph root without version, e.g. https://graph.microsoft.com. */
  graphBaseUrl: string;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Microsoft Graph v1.0 over plain fetch: app-only bearer token, throttling (429/503 with
 * Retry-After) obeyed within limits, and downloads that follow the pre-authenticated redirect
 * without the token.
 */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  /** Graph root without version, as configured. */
  get graphBaseUrl(): string {
    return this.options.graphBaseUrl;
  }

  /** GET a Graph path (`/sites/…`) or an absolute link Graph handed out (`@odata.nextLink`), as JSON. */
  async getJson(pathOrUrl: string, signal: AbortSignal): Promise<unknown> {
    const response = await this.send(this.resolve(pathOrUrl), signal, REQUEST_TIMEOUT_MS, true);
    if (!response.ok) throw await requestError(response);
    return response.json();
  }

  /**
   * The bytes of a drive item, at most `maxBytes`. Graph answers `/content` with a 302 to a
   * short-lived pre-authenticated URL, which is fetched without the Authorization header.
   */
  async download(
    driveId: string,
    itemId: string,
    maxBytes: number,
    signal: AbortSignal,
  ): Promise<Uint8Array> {
    const path = `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}/content`;
    let response = await this.send(this.resolve(path), signal, DOWNLOAD_TIMEOUT_MS, true);
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      await response.body?.cancel();
      if (!location) throw new GraphRequestError(response.status, null, null);
      response = await this.send(location, signal, DOWNLOAD_TIMEOUT_MS, false);
    }
    if (!response.ok) throw await requestError(response);
    return readLimited(response, maxBytes);
  }

  private resolve(pathOrUrl: string): string {
    if (!/^https?:\/\//.test(pathOrUrl)) return `${this.options.graphBaseUrl}/v1.0${pathOrUrl}`;
    // Links come from Graph and from the stored cursor; the token goes to Graph's own host only.
    if (new URL(pathOrUrl).origin !== new URL(this.options.graphBaseUrl).origin) {
      throw new SamsynError(
        "source_unavailable",
        `Länken ${new URL(pathOrUrl).origin} hör inte till Microsoft Graph (${this.options.graphBaseUrl}); Samsyn skickar inte sin token dit.`,
      );
    }
    return pathOrUrl;
  }

  /** One request, tried again while Graph throttles; `authorized` adds the bearer token. */
  private async send(
    url: string,
    signal: AbortSignal,
    timeoutMs: number,
    authorized: boolean,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: "application/json" };
      if (authorized) headers.authorization = `Bearer ${await this.token()}`;
      const response = await this.options.fetch(url, {
        headers,
        // Redirects are followed by hand so the token never goes to the download host.
        redirect: authorized ? "manual" : "follow",
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      if (response.status !== 429 && response.status !== 503) return response;
      await response.body?.cancel();
      const waitMs = retryAfterMs(response.headers.get("retry-after"), attempt);
      if (attempt >= MAX_RETRIES || waitMs > MAX_WAIT_MS) {
        throw new SamsynError(
          "source_unavailable",
          `Microsoft Graph begränsar Samsyns anrop (HTTP ${response.status}${
            response.headers.get("retry-after") ? `, vänta ${Math.ceil(waitMs / 1000)} s` : ""
          }) även efter ${attempt + 1} försök. Samsyn försöker igen vid nästa synkning; tidigare hämtade dokument finns kvar.`,
        );
      }
      await this.options.sleep(waitMs);
      signal.throwIfAborted();
    }
  }

  private async token(): Promise<string> {
    try {
      return await this.options.tokens.token(`${this.options.graphBaseUrl}/.default`, this.options.tenantId);
    } catch (error) {
      if (!(error instanceof EntraTokenError)) throw error;
      throw new SamsynError(
        "source_access_denied",
        `Microsoft Entra gav ingen token för Microsoft Graph (HTTP ${error.status}${
          error.errorCode ? `, ${error.errorCode}` : ""
        }). Kontrollera MICROSOFT_APP_ID, MICROSOFT_APP_TENANT_ID och MICROSOFT_APP_PASSWORD eller certifikatet ` +
          "(MICROSOFT_APP_CERTIFICATE_THUMBPRINT, MICROSOFT_APP_CERTIFICATE_KEY_FILE), och att hemligheten inte har gått ut.",
        { cause: error },
      );
    }
  }
}

/** Retry-After in seconds (what Graph sends) or as an HTTP date; without it, a growing pause. */
function retryAfterMs(header: string | null, attempt: number): number {
  const value = header?.trim() ?? "";
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  return 2 ** attempt * 1000;
}

async function requestError(response: Response): Promise<GraphRequestError> {
  const text = await response.text().catch(() => "");
  let code: string | null = null;
  try {
    const parsed = graphErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) code = parsed.data.error.code;
  } catch {
    // Not JSON (a proxy's HTML page): the status alone has to do.
  }
  return new GraphRequestError(response.status, code, response.headers.get("location"));
}

/** Reads the body, stopping as soon as it passes `maxBytes` so a huge file never sits in memory. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ContentTooLargeError(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array(0);
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new ContentTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
