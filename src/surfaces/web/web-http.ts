import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The page may only load its own files: no inline scripts, no CDNs, no framing. Pictures from panel
 * providers (the årshjul) arrive as SVG text and are shown through a `blob:` URL in an `<img>`,
 * where SVG cannot run scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers on every response of the web chat. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** A request the web chat refuses, with the HTTP status and a Swedish message for the page. */
export class WebRequestError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "WebRequestError";
  }
}

/** Sends JSON that is never cached. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), "utf8");
  response
    .writeHead(status, {
      ...SECURITY_HEADERS,
      "content-type": "application/json; charset=utf-8",
      "content-length": String(bytes.length),
      "cache-control": "no-store",
    })
    .end(bytes);
}

/** Sends an error as `{ error: { reason, message } }`; the message is Swedish and shown as is. */
export function sendError(response: ServerResponse, error: WebRequestError): void {
  sendJson(response, error.status, { error: { reason: error.reason, message: error.message } });
}

/**
 * Reads a request body up to `limit` bytes. A larger body (by Content-Length or as it streams in)
 * is refused with 413; the rest is left for `discardRest`, so the refusal reaches the client
 * instead of a reset connection. A client that gives up halfway is a 400.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new WebRequestError(
      413,
      "too_large",
      `Filen eller förfrågan är för stor (högst ${formatBytes(limit)}). Dela upp den eller be den som driver Samsyn höja gränsen.`,
    );
  const declared = Number(request.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  // Someone read the body already; waiting for an end that has passed would hang the request.
  if (request.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: () => void) => {
      request.off("data", onData).off("end", onEnd).off("error", onAbort).off("close", onAbort);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(() => reject(tooLarge()));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(() => resolve(Buffer.concat(chunks)));
    const onAbort = () =>
      finish(() => reject(new WebRequestError(400, "aborted", "Förfrågan avbröts innan den kom fram helt.")));
    request.on("data", onData).once("end", onEnd).once("error", onAbort).once("close", onAbort);
  });
}

/** How much of a refused body is still read (and thrown away) so the client sees the refusal. */
const DISCARD_LIMIT = 256 * 1024 * 1024;

/**
 * Reads and throws away what is left of a refused request body, so the response is not lost to
 * a reset connection while the client is still sending. Past `DISCARD_LIMIT` bytes the connection
 * is cut instead: reading without end would let one client keep the server busy.
 */
export function discardRest(request: IncomingMessage): void {
  if (request.readableEnded) return;
  let discarded = 0;
  request.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) request.socket.destroy();
  });
  request.resume();
}

/** "20 MB", "512 kB" — sizes for Swedish messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("sv-SE")} kB`;
}
