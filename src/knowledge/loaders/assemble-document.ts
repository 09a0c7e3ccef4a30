import type { DocumentBlock } from "../document.ts";
import type { RawBlock } from "./parsed-document.ts";

const BLOCK_SEPARATOR = "\n\n";
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/** Collapses runs of whitespace (including line breaks) to single spaces; soft hyphens go. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/\u00ad/g, "")
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

/**
 * Joins blocks into the plain document text and gives each block its offsets. Blocks without a
 * letter or digit (rules, signature dots) are dropped: they carry nothing to search or cite.
 */
export function assembleDocument(rawBlocks: readonly RawBlock[]): { text: string; blocks: DocumentBlock[] } {
  const parts: string[] = [];
  const blocks: DocumentBlock[] = [];
  let length = 0;
  for (const raw of rawBlocks) {
    const text = collapseWhitespace(raw.text);
    if (!HAS_CONTENT.test(text)) continue;
    if (blocks.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    const block: DocumentBlock = {
      kind: raw.kind,
      text,
      page: raw.page,
      start: length,
      end: length + text.length,
    };
    if (raw.kind === "heading") block.level = Math.min(6, Math.max(1, raw.level ?? 2));
    blocks.push(block);
    parts.push(text);
    length += text.length;
  }
  return { text: parts.join(""), blocks };
}
