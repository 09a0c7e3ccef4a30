import type { Chunk, ChunkSection } from "../document.ts";

/** What the catalog stores for a chunk's headings: the path, or the path and its sections. */
type StoredHeadings = string[] | { path: string[]; sections: ChunkSection[] };

/**
 * The chunk's headings as stored in the catalog's `heading_path` column: the plain JSON list as
 * before when the chunk is one section, so older readers and indexes keep working.
 */
export function encodeHeadings(chunk: Pick<Chunk, "headingPath" | "sections">): string {
  const stored: StoredHeadings = chunk.sections
    ? { path: chunk.headingPath, sections: chunk.sections }
    : chunk.headingPath;
  return JSON.stringify(stored);
}

/** Reads what `encodeHeadings` wrote (our own column, not foreign data). */
export function decodeHeadings(text: string): Pick<Chunk, "headingPath" | "sections"> {
  const stored = JSON.parse(text) as StoredHeadings;
  if (Array.isArray(stored)) return { headingPath: stored };
  return { headingPath: stored.path, sections: stored.sections };
}

/**
 * The heading path a sentence of the chunk stands under: that of the last section beginning at or
 * before it. A sentence not found in the chunk's text gets the chunk's main path.
 */
export function headingPathAt(
  chunk: Pick<Chunk, "text" | "headingPath" | "sections">,
  sentence: string,
): string[] {
  if (!chunk.sections) return chunk.headingPath;
  const position = chunk.text.indexOf(sentence.trim());
  if (position === -1) return chunk.headingPath;
  let path = chunk.headingPath;
  for (const section of chunk.sections) {
    if (section.start > position) break;
    path = section.headingPath;
  }
  return path;
}
