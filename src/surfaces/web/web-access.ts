import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { hostNameOf, isLoopbackHost } from "./is-loopback-host.ts";
import { WebRequestError } from "./web-http.ts";

/** The header every API call from the page carries; a cross-site form or image cannot set it. */
export const REQUEST_HEADER = "x-samsyn-request";

/** Wrong tokens tolerated per client and window before that client's attempts are refused for the rest of it. */
const MAX_FAILURES = 20;
const FAILURE_WINDOW_MS = 60_000;
/** Clients remembered at most; beyond it the oldest entry goes, so a flood of addresses cannot grow memory. */
const MAX_CLIENTS = 10_000;

/**
 * Who may do what. Without a token (loopback only) everyone reaching the page is the local
 * administrator; with a token, requests carrying it (`Authorization: Bearer …`) are, and others are
 * visitors who see public documents only.
 */
export class WebAccess {
  private readonly tokenDigest: Buffer | null;
  /** Times of wrong tokens per client address: one guessing client is locked out, not everyone. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    token: string | null,
    private readonly loopback: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.tokenDigest = token === null ? null : digest(token);
  }

  /** Whether a token is configured (then administration needs it). */
  get requiresToken(): boolean {
    return this.tokenDigest !== null;
  }

  /**
   * Refuses requests that did not come from the page itself: a foreign Host on loopback without a
   * token (DNS rebinding), API calls without the page's header, and cross-site writes.
   */
  checkRequest(request: IncomingMessage, isApi: boolean): void {
    // Without a token the page is only for this computer; with one, a reverse proxy may use any name.
    if (
      this.loopback &&
      this.tokenDigest === null &&
      !isLoopbackHost(hostNameOf(request.headers.host ?? ""))
    ) {
      throw new WebRequestError(
        421,
        "foreign_host",
        "Samsyn svarar bara på adresser till den egna datorn (127.0.0.1 eller localhost). " +
          "Ska Samsyn nås under ett annat namn, t.ex. genom en omvänd proxy, sätt SAMSYN_WEB_TOKEN.",
      );
    }
    if (!isApi) return;
    if (request.headers[REQUEST_HEADER] !== "1") {
      throw new WebRequestError(403, "missing_header", "Förfrågan kom inte från Samsyns webbsida.");
    }
    if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) {
      throw new WebRequestError(403, "cross_origin", "Förfrågan kom från en annan webbplats och nekades.");
    }
  }

  /** Whether the request may administer; a wrong token is refused rather than treated as a visitor. */
  isAdmin(request: IncomingMessage): boolean {
    if (this.tokenDigest === null) return true;
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match?.[1]) return false;
    const current = this.now();
    const client = request.socket.remoteAddress ?? "okänd";
    const recent = (this.failures.get(client) ?? []).filter((at) => current - at < FAILURE_WINDOW_MS);
    if (recent.length >= MAX_FAILURES) {
      throw new WebRequestError(
        429,
        "too_many_attempts",
        "För många felaktiga åtkomstkoder från den här datorn. Vänta en minut och försök igen.",
      );
    }
    if (timingSafeEqual(digest(match[1]), this.tokenDigest)) return true;
    this.remember(client, [...recent, current]);
    throw new WebRequestError(401, "wrong_token", "Fel åtkomstkod.");
  }

  private remember(client: string, times: number[]): void {
    this.failures.delete(client);
    this.failures.set(client, times);
    if (this.failures.size > MAX_CLIENTS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}

/**
 * Browsers say where a write comes from: Sec-Fetch-Site when they support it (it survives a proxy
 * that rewrites Host), otherwise Origin, which must then name this very server.
 */
function isSameOrigin(request: IncomingMessage): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined) return site === "same-origin" || site === "none";
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === (request.headers.host ?? "");
  } catch {
    return false;
  }
}

function digest(value: string): Buffer {
  // Comparing fixed-length digests keeps the comparison constant-time whatever the length typed.
  return createHash("sha256").update(value, "utf8").digest();
}
