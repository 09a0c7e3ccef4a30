import type { RawBlock } from "./parsed-document.ts";
import { stripInlineMarkdown } from "./strip-inline-markdown.ts";

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^[ \t]*(?:([-*+])|(\d{1,9}[.)]))[ \t]+(.*)$/;
const BLOCKQUOTE = /^ {0,3}>[ \t]?/;
const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
// "**3 §** Text …": statutes written without `#` mark each paragraf in bold.
const BOLD_PARAGRAF = /^\*\*(\d+\s?[a-z]?\s?§)\*\*[ \t]*(.*)$/s;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;

/** Whether a Markdown body marks any heading with `#` (outside code fences). */
export function hasMarkdownHeadings(markdown: string): boolean {
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (FENCE.test(line)) fenced = !fenced;
    else if (!fenced && ATX_HEADING.test(line) && /#\s*\S/.test(line)) return true;
  }
  return false;
}

/**
 * Parses the block structure of a Markdown body: ATX and setext headings, list items, tables
 * (one paragraph per row), block quotes, fenced code and paragraphs. Inline syntax is stripped.
 */
export function markdownBlocks(markdown: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  // Held in an object so the closure below and the loop agree on its type.
  const open: { block: { kind: "paragraph" | "list-item"; lines: string[] } | null } = { block: null };
  let fence: string | null = null;
  const flush = () => {
    const block = open.block;
    open.block = null;
    if (!block) return;
    const text = block.lines.join(" ");
    const paragraf = block.kind === "paragraph" ? BOLD_PARAGRAF.exec(text) : null;
    if (paragraf?.[1]) {
      const level = Math.min(6, (blocks.findLast((earlier) => earlier.kind === "heading")?.level ?? 1) + 1);
      blocks.push({ kind: "heading", level, text: paragraf[1], page: null });
      if (paragraf[2]) blocks.push({ kind: "paragraph", text: stripInlineMarkdown(paragraf[2]), page: null });
      return;
    }
    blocks.push({ kind: block.kind, text: stripInlineMarkdown(text), page: null });
  };
  for (const rawLine of markdown.split(/\r?\n/)) {
    const line = rawLine.replace(BLOCKQUOTE, "");
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch?.[1]?.startsWith(fence)) {
        fence = null;
        flush();
      } else open.block?.lines.push(line);
      continue;
    }
    if (fenceMatch?.[1]) {
      flush();
      fence = fenceMatch[1].slice(0, 3);
      // Code is kept as text, without the markers, so an example in a guide stays searchable.
      open.block = { kind: "paragraph", lines: [] };
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading?.[1]) {
      flush();
      blocks.push({
        kind: "heading",
        level: heading[1].length,
        text: stripInlineMarkdown(heading[2] ?? ""),
        page: null,
      });
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(line);
    if (setext?.[1] && open.block?.kind === "paragraph" && open.block.lines.length === 1) {
      const text = open.block.lines[0] ?? "";
      open.block = null;
      blocks.push({
        kind: "heading",
        level: setext[1].startsWith("=") ? 1 : 2,
        text: stripInlineMarkdown(text),
        page: null,
      });
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      if (!TABLE_DELIMITER.test(line))
        blocks.push({ kind: "paragraph", text: tableRowText(line), page: null });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      // An ordered item keeps its number: statutes refer to "punkt 2".
      const text = item[2] ? `${item[2]} ${item[3] ?? ""}` : (item[3] ?? "");
      open.block = { kind: "list-item", lines: [text] };
      continue;
    }
    if (open.block) open.block.lines.push(line.trim());
    else open.block = { kind: "paragraph", lines: [line.trim()] };
  }
  flush();
  return blocks;
}

function tableRowText(line: string): string {
  const cells = line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => stripInlineMarkdown(cell.trim()))
    .filter((cell) => cell !== "");
  return cells.join(" | ");
}
