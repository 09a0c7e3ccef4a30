import type { Chunk } from "../knowledge/document.ts";
import type { Analyzer } from "../text/index.ts";

/**
 * A passage's analysed terms, each column joined with spaces (terms never contain one), as the
 * keyword table stores them. Analysed once per ingest and shared by the keyword index, the
 * embedder and its adaptation: analysing the same text three or four times was a quarter of a
 * large ingest. Joined strings hold a corpus's terms in a fraction of the memory of string arrays.
 */
export interface ChunkTerms {
  /** Terms of the passage text. */
  body: string;
  /** Terms of the document title and the passage's heading path (`contextText`). */
  context: string;
}

/** The text the context terms come from: the document title and the heading path, one a line. */
export function contextText(title: string, chunk: Pick<Chunk, "headingPath">): string {
  return [title, ...chunk.headingPath].join("\n");
}

/** The terms of every chunk of a document. */
export function analyseChunks(analyzer: Analyzer, title: string, chunks: readonly Chunk[]): ChunkTerms[] {
  return chunks.map((chunk) => ({
    body: analyzer.analyze(chunk.text).join(" "),
    context: analyzer.analyze(contextText(title, chunk)).join(" "),
  }));
}

/** The terms of a joined column (see `ChunkTerms`). */
export function splitTerms(joined: string): string[] {
  return joined === "" ? [] : joined.split(" ");
}

/**
 * The terms of `parts` joined with newlines, as `analyzer.analyze` would give them, from each part's
 * own terms. The only token that spans a newline is a word hyphenated at a line end ("sam-\nverkan");
 * where a part ends in a hyphen the joined text is analysed instead.
 */
export function joinedTerms(analyzer: Analyzer, parts: readonly { text: string; terms: string }[]): string[] {
  for (let index = 0; index + 1 < parts.length; index++) {
    if (endsWithHyphen(parts[index]?.text ?? "")) {
      return analyzer.analyze(parts.map((part) => part.text).join("\n"));
    }
  }
  const terms: string[] = [];
  for (const part of parts) {
    if (part.terms === "") continue;
    for (const term of part.terms.split(" ")) terms.push(term);
  }
  return terms;
}

const HYPHENS = new Set([0x2d, 0xad, 0x2010, 0x2011]);
const SPACE = /[ \t\u00a0\r\n]/;

/** Whether the last character before trailing white space is a hyphen (then a word may continue). */
function endsWithHyphen(text: string): boolean {
  let index = text.length - 1;
  while (index >= 0 && SPACE.test(text.charAt(index))) index--;
  return index >= 0 && HYPHENS.has(text.charCodeAt(index));
}
