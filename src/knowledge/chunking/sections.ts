import type { DocumentBlock, LoadedDocument } from "../document.ts";

/** A heading with the blocks up to the next heading, or the text before the first heading. */
export interface Section {
  /** Headings from the top of the document down to this section's own, title excluded. */
  path: string[];
  blocks: DocumentBlock[];
  words: number;
  bodyWords: number;
}

/** Counts the words of a text the way chunk sizes are measured. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const space = text.charCodeAt(index) <= 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Cuts a document into sections at every heading, each knowing its heading path. */
export function splitSections(document: LoadedDocument): Section[] {
  const titleIndex = titleHeadingIndex(document);
  const stack: { level: number; text: string }[] = [];
  const sections: Section[] = [];
  let current: Section = { path: [], blocks: [], words: 0, bodyWords: 0 };
  document.blocks.forEach((block, index) => {
    if (block.kind === "heading" && index !== titleIndex) {
      const level = block.level ?? 2;
      while ((stack.at(-1)?.level ?? 0) >= level) stack.pop();
      stack.push({ level, text: block.text });
      if (current.blocks.length > 0) sections.push(current);
      current = { path: stack.map((heading) => heading.text), blocks: [], words: 0, bodyWords: 0 };
    }
    const words = countWords(block.text);
    current.blocks.push(block);
    current.words += words;
    if (block.kind !== "heading") current.bodyWords += words;
  });
  if (current.blocks.length > 0) sections.push(current);
  return sections;
}

/**
 * The block that states the document's title, which heading paths leave out: a first heading
 * that repeats the title or is the document's only level-1 heading.
 */
function titleHeadingIndex(document: LoadedDocument): number {
  const first = document.blocks[0];
  if (first?.kind !== "heading") return -1;
  if (normalise(first.text) === normalise(document.metadata.title)) return 0;
  const levelOnes = document.blocks.filter((block) => block.kind === "heading" && block.level === 1).length;
  return first.level === 1 && levelOnes === 1 ? 0 : -1;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
