import { HTMLElement, type Node, NodeType, parse } from "node-html-parser";
import { collapseWhitespace } from "./assemble-document.ts";
import { isHeadingLike, SKIP_LINK } from "./heading-heuristics.ts";
import type { RawBlock } from "./parsed-document.ts";

const NOISE = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "svg",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "button",
  "dialog",
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-hidden="true"]',
  "[hidden]",
].join(",");
/**
 * Class or id words of page furniture that is no element of its own: cookie and consent banners,
 * breadcrumbs ("brödsmulor"), skip links.
 */
const NOISE_NAME = /cookie|consent|gdpr|breadcrumb|brodsmul|skip-?link|skip-?to-?content/i;
/** "banner" alone names a cookie bar as often as a page hero, so only as a whole word and with no h1 inside. */
const BANNER_NAME = /(?:^|[\s_-])banner(?:$|[\s_-])/i;
const PAGE_CONTENT = 'main, article, [role="main"]';
const BLOCK_TAGS = new Set(
  "p div section article main body blockquote pre dl dt dd figure figcaption caption address details summary table thead tbody tfoot ul ol center hr".split(
    " ",
  ),
);
const HEADING = /^h([1-6])$/;

/** How to read an HTML rendering. */
export interface HtmlBlockOptions {
  /**
   * A paragraph set wholly in bold that reads like a heading is one, a level below the last real
   * heading: Word documents often mark their headings with bold type instead of a heading style.
   */
  boldParagraphHeadings?: boolean;
}

/** Blocks of an HTML page plus what the page says about itself. */
export interface HtmlContent {
  blocks: RawBlock[];
  title: string | null;
  canonical: string | null;
}

/** Extracts readable blocks from HTML: the page's main content (see `mainContent`) as headings, paragraphs, list items and table rows. */
export function htmlBlocks(html: string, options: HtmlBlockOptions = {}): HtmlContent {
  const root = parse(html, { comment: false, blockTextElements: { pre: true } });
  const title = collapseWhitespace(root.querySelector("title")?.text ?? "");
  const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() ?? null;
  const content = mainContent(root);
  const blocks: RawBlock[] = [];
  const inline: string[] = [];
  let lastLevel = 1;
  const flush = () => {
    const text = collapseWhitespace(inline.join(""));
    inline.length = 0;
    if (text !== "") blocks.push({ kind: "paragraph", text, page: null });
  };
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      inline.push(node.text);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = element.tagName?.toLowerCase() ?? "";
    const heading = HEADING.exec(tag);
    if (heading) {
      flush();
      lastLevel = Number(heading[1]);
      blocks.push({ kind: "heading", level: lastLevel, text: element.text, page: null });
    } else if (tag === "p" && options.boldParagraphHeadings && isBoldHeading(element)) {
      flush();
      blocks.push({ kind: "heading", level: Math.min(lastLevel + 1, 6), text: element.text, page: null });
    } else if (tag === "li") {
      flush();
      blocks.push({ kind: "list-item", text: ownText(element), page: null });
      for (const nested of childElements(element, /^[uo]l$/i)) walk(nested);
    } else if (tag === "tr") {
      flush();
      const cells = childElements(element, /^t[hd]$/i)
        .map((cell) => collapseWhitespace(cell.text))
        .filter((cell) => cell !== "");
      blocks.push({ kind: "paragraph", text: cells.join(" | "), page: null });
    } else if (tag === "br") {
      inline.push(" ");
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      for (const child of element.childNodes) walk(child);
      flush();
    } else {
      for (const child of element.childNodes) walk(child);
    }
  };
  walk(content);
  flush();
  const firstH1 = content.querySelector("h1");
  return { blocks, title: firstH1 ? collapseWhitespace(firstH1.text) : title || null, canonical };
}

/**
 * The part of a parsed page worth reading, with page furniture removed from the whole document:
 * scripts, navigation, header, footer, asides, forms, dialogs, cookie banners, breadcrumbs and
 * skip links. `<main>`, role=main or `<article>` when the page has one, else the body.
 */
export function mainContent(root: HTMLElement): HTMLElement {
  for (const element of root.querySelectorAll(NOISE)) element.remove();
  for (const element of root.querySelectorAll("[class], [id]")) {
    if (isFurniture(element)) element.remove();
  }
  for (const link of root.querySelectorAll("a")) {
    if (SKIP_LINK.test(collapseWhitespace(link.text))) link.remove();
  }
  return (
    root.querySelector("main") ??
    root.querySelector('[role="main"]') ??
    root.querySelector("article") ??
    root.querySelector("body") ??
    root
  );
}

function isFurniture(element: HTMLElement): boolean {
  const tag = element.tagName?.toLowerCase() ?? "";
  if (tag === "html" || tag === "body" || tag === "main" || tag === "article") return false;
  const names = `${element.getAttribute("class") ?? ""} ${element.id}`;
  const furniture = NOISE_NAME.test(names) || (BANNER_NAME.test(names) && !element.querySelector("h1"));
  // A wrapper such as <div class="page has-cookie-banner"> holds the page itself and stays.
  return furniture && !element.querySelector(PAGE_CONTENT);
}

function childElements(element: HTMLElement, tag: RegExp): HTMLElement[] {
  return element.childNodes.filter(
    (child): child is HTMLElement => child instanceof HTMLElement && tag.test(child.tagName ?? ""),
  );
}

/** Text of a list item without the text of lists nested inside it (they become items of their own). */
function ownText(item: HTMLElement): string {
  const parts: string[] = [];
  const collect = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) parts.push(node.text);
    else if (node.nodeType === NodeType.ELEMENT_NODE) {
      const tag = (node as HTMLElement).tagName?.toLowerCase();
      if (tag === "ul" || tag === "ol") return;
      if (tag === "br" || BLOCK_TAGS.has(tag ?? "")) parts.push(" ");
      for (const child of node.childNodes) collect(child);
      if (BLOCK_TAGS.has(tag ?? "")) parts.push(" ");
    }
  };
  for (const child of item.childNodes) collect(child);
  return parts.join("");
}

/** A paragraph whose every word is bold and that reads like a heading (short, no full stop). */
function isBoldHeading(paragraph: HTMLElement): boolean {
  const text = collapseWhitespace(paragraph.text);
  if (text === "" || !isHeadingLike(text)) return false;
  const boldText = paragraph
    .querySelectorAll("strong, b")
    .map((element) => element.text)
    .join("");
  return collapseWhitespace(boldText).length === text.length;
}
