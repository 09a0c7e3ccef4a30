import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The page's own files (HTML, CSS, JS, icon), shipped next to this module. */
export const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "static");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

/** A file ready to send. */
export interface StaticAsset {
  body: Buffer;
  contentType: string;
}

/**
 * Reads the static files once. Only these names can ever be served, so no request path reaches
 * the file system.
 */
export function loadStaticAssets(dir = STATIC_DIR): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  for (const name of readdirSync(dir)) {
    const contentType = CONTENT_TYPES[path.extname(name).toLowerCase()];
    if (!contentType) continue;
    assets.set(name, { body: readFileSync(path.join(dir, name)), contentType });
  }
  return assets;
}
