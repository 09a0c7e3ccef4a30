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
 * is refused with 413 without reading the rest.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new WebRequestError(413, "too_large", `Förfrågan är för stor (högst ${formatBytes(limit)}).`);
  const declared = Number(request.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** "20 MB", "512 kB" — sizes for Swedish messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("sv-SE")} kB`;
}
