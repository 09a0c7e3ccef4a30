import type { DocumentType } from "../document.ts";

/** Swedish words that name a kind of document, checked in this order. */
export const DOCUMENT_TYPE_WORDS: readonly [DocumentType, RegExp][] = [
  ["agreement", /överenskommelse|samverkansavtal|\bavtal\b|avsiktsförklaring/iu],
  [
    "regulation",
    /reglemente|arbetsordning|stadga|förordning|föreskrift|\blag\b|riktlinje|samverkansstruktur/iu,
  ],
  ["schedule", /sammanträdesplan|sammanträdesdagar|mötesplan|mötesdatum|sammanträdestider/iu],
  ["report", /rapport|uppföljning|årsredovisning|verksamhetsberättelse|utvärdering|bokslut/iu],
];

/** The kind of document a text names ("Uppföljningsrapport 1" → report), or null. */
export function namedDocumentType(text: string): DocumentType | null {
  return DOCUMENT_TYPE_WORDS.find(([, words]) => words.test(text))?.[0] ?? null;
}
