/**
 * The key a web address is known by: absolute http(s), no fragment, host in lower case and the
 * default port dropped (the URL parser does those two); null for anything else (mailto:, javascript:).
 */
export function normaliseUrl(address: string, base?: string | URL): URL | null {
  let url: URL;
  try {
    url = new URL(address.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  if (url.search === "?") url.search = "";
  return url;
}
