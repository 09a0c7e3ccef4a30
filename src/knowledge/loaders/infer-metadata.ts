import type { DocumentBlock, DocumentMetadata, DocumentType } from "../document.ts";

const MAX_TITLE_CHARACTERS = 150;
// Checked in order against the title first, then the opening of the text.
const TYPE_WORDS: [DocumentType, RegExp][] = [
  ["agreement", /överenskommelse|samverkansavtal|\bavtal\b|avsiktsförklaring/iu],
  [
    "regulation",
    /reglemente|arbetsordning|stadga|förordning|föreskrift|\blag\b|riktlinje|samverkansstruktur/iu,
  ],
  ["schedule", /sammanträdesplan|sammanträdesdagar|mötesplan|mötesdatum|sammanträdestider/iu],
  ["report", /rapport|uppföljning|årsredovisning|verksamhetsberättelse|utvärdering|bokslut/iu],
];
const OPENING_CHARACTERS = 600;

/**
 * Completes what a file did not say about itself: a title from the first heading, first line or
 * file name; a type guessed from Swedish words in the title or opening text; empty lists and nulls.
 */
export function inferMetadata(
  stated: Partial<DocumentMetadata>,
  document: { id: string; text: string; blocks: readonly DocumentBlock[] },
): DocumentMetadata {
  const title = stated.title ?? inferTitle(document.id, document.blocks);
  return {
    title,
    type: stated.type ?? inferType(title, document.text),
    organisations: stated.organisations ?? [],
    groups: stated.groups ?? [],
    date: stated.date ?? null,
    source: stated.source ?? null,
  };
}

function inferTitle(id: string, blocks: readonly DocumentBlock[]): string {
  const candidates = [blocks[0], blocks.find((block) => block.kind === "heading")];
  const first = candidates.find((block) => block !== undefined && block.text.length <= MAX_TITLE_CHARACTERS);
  if (first) return first.text;
  const fileName = id.split("/").at(-1) ?? id;
  const readable = fileName
    .replace(/\.[^.]+$/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return readable.charAt(0).toUpperCase() + readable.slice(1);
}

function inferType(title: string, text: string): DocumentType {
  for (const source of [title, text.slice(0, OPENING_CHARACTERS)]) {
    for (const [type, words] of TYPE_WORDS) if (words.test(source)) return type;
  }
  return "other";
}
