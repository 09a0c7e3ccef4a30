import { parse } from "node-html-parser";
import { collapseWhitespace } from "../../knowledge/loaders/assemble-document.ts";
import { mainContent } from "../../knowledge/loaders/html-blocks.ts";
import { normaliseUrl } from "./normalise-url.ts";

/** A link found on a listing page: where it points and what it says. */
export interface ListingLink {
  url: string;
  title: string | null;
}

/** Which links of a listing page are followed. */
export interface LinkFilter {
  /** Links must start with this (absolute, normalised); the page's own folder when not configured. */
  under: string | null;
  match: RegExp | null;
}

/**
 * The links in a listing page's main content worth following, in page order and without duplicates: absolute,
 * without fragments, under the configured prefix (by default the page's folder, so on the same
 * site) and matching the pattern. The page itself is never among them.
 */
export function listingLinks(html: string, page: URL, filter: LinkFilter): ListingLink[] {
  const root = parse(html, { comment: false });
  const baseHref = root.querySelector("base[href]")?.getAttribute("href");
  const base = (baseHref ? normaliseUrl(baseHref, page) : null) ?? page;
  const prefix = linkPrefix(page, filter.under);
  const pageKey = normaliseUrl(page.href)?.href;
  const seen = new Map<string, ListingLink>();
  // Menus and footers link to the rest of the site; only the page's own content lists documents.
  for (const anchor of mainContent(root).querySelectorAll("a[href]")) {
    const url = normaliseUrl(anchor.getAttribute("href") ?? "", base);
    if (!url || url.href === pageKey || !url.href.startsWith(prefix)) continue;
    if (filter.match && !filter.match.test(url.href)) continue;
    const title =
      collapseWhitespace(anchor.text) ||
      anchor.getAttribute("title")?.trim() ||
      anchor.querySelector("img[alt]")?.getAttribute("alt")?.trim() ||
      null;
    const known = seen.get(url.href);
    if (!known) seen.set(url.href, { url: url.href, title });
    else if (!known.title && title) known.title = title;
  }
  return [...seen.values()];
}

/**
 * The prefix followed links must have. A configured `under` may be a path on the page's site or a
 * whole address (files on another host of the same organisation); without one, the page's folder.
 */
export function linkPrefix(page: URL, under: string | null): string {
  if (under) return normaliseUrl(under, page)?.href ?? page.origin;
  return new URL(".", page).href;
}
