import type { DocumentBlock } from "../document.ts";
import { namedDocumentType } from "./document-type-words.ts";
import { numberedHeadingLevel, SKIP_LINK } from "./heading-heuristics.ts";
import { isPageNumber } from "./running-lines.ts";

const MAX_TITLE_CHARACTERS = 150;
/** Blocks read before the body starts; a cover page holds a few lines at most. */
const OPENING_BLOCKS = 6;
/** A sentence, or a block longer than any title, is body text: the cover is over. */
const BODY_WORDS = 25;
const MAX_COVER_PARTS = 3;
/** Section names that open a document but never name it. */
const SECTION_NAME =
  /^(?:\d+(?:\.\d+)*\.?\s+)?(?:sammanfattning|inledning|bakgrund|innehåll(?:sförteckning)?|förord|syfte|mål|uppdrag|beslut|ärendet|ärendebeskrivning)\s*:?$/iu;

/**
 * A title from the opening of the document: the first line that names the kind of document
 * ("Uppföljningsrapport 1 Laholmsnämnden"), or the first heading together with the headings
 * stacked under it on a cover ("Samverkansstruktur – HälSam – …"); skip links, page numbers and
 * section names such as "1 Sammanfattning" are passed over. The file name is the last resort.
 */
export function inferTitle(id: string, blocks: readonly DocumentBlock[]): string {
  const opening = openingBlocks(blocks);
  const typed = opening.find((block) => namedDocumentType(block.text) !== null && !isSection(block));
  const candidates = opening.filter((block) => !isSection(block));
  const first = typed ?? candidates[0];
  if (first) return withCoverLines(first, opening);
  const fallback = blocks.find((block) => block.text.length <= MAX_TITLE_CHARACTERS);
  return fallback ? fallback.text : fromFileName(id);
}

function openingBlocks(blocks: readonly DocumentBlock[]): DocumentBlock[] {
  const opening: DocumentBlock[] = [];
  for (const block of blocks.slice(0, OPENING_BLOCKS)) {
    if (SKIP_LINK.test(block.text) || isPageNumber(block.text)) continue;
    if (isBody(block)) break;
    if (block.text.length <= MAX_TITLE_CHARACTERS) opening.push(block);
  }
  return opening;
}

/** Lower headings right under the title on a cover belong to it: "HälSam", "Samverkan mellan …". */
function withCoverLines(first: DocumentBlock, opening: readonly DocumentBlock[]): string {
  const parts = [first.text];
  if (first.kind !== "heading") return first.text;
  for (const block of opening.slice(opening.indexOf(first) + 1)) {
    // A heading of the title's own level (or above) begins the first section.
    const subordinate = (block.level ?? 2) > (first.level ?? 1);
    if (block.kind !== "heading" || !subordinate || isSection(block) || parts.length >= MAX_COVER_PARTS)
      break;
    if ([...parts, block.text].join(" – ").length > MAX_TITLE_CHARACTERS) break;
    parts.push(block.text);
  }
  return parts.join(" – ");
}

function isSection(block: DocumentBlock): boolean {
  return (
    SECTION_NAME.test(block.text) || (block.kind === "heading" && numberedHeadingLevel(block.text) !== null)
  );
}

function isBody(block: DocumentBlock): boolean {
  const words = block.text.split(/\s+/).length;
  return block.kind === "list-item" || words > BODY_WORDS || (words >= 4 && /[.!?]$/.test(block.text));
}

function fromFileName(id: string): string {
  const fileName = id.split("/").at(-1) ?? id;
  const readable = fileName
    .replace(/\.[^.]+$/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return readable.charAt(0).toUpperCase() + readable.slice(1);
}
