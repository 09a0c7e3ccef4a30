import type { Catalog } from "../../index/catalog.ts";

/** A passage with the text just before and after it in its document. */
export interface PassageInContext {
  documentId: string;
  chunkId: string;
  title: string;
  section: string | null;
  page: number | null;
  source: string | null;
  /** The end of the previous passage, without what the passage itself repeats; null at the start. */
  before: string | null;
  text: string;
  /** The start of the next passage, without the overlap; null at the end. */
  after: string | null;
}

/** How much neighbouring text is shown on each side. */
const CONTEXT_CHARACTERS = 400;

/**
 * Looks a passage up with its neighbours. Chunks are slices of the document text that may overlap
 * by a sentence, so the neighbours are cut at the passage's own offsets to avoid repeating text.
 */
export function passageInContext(
  catalog: Pick<Catalog, "document" | "chunkRowidsOfDocuments" | "chunksByRowid">,
  documentId: string,
  chunkId: string,
): PassageInContext | null {
  const document = catalog.document(documentId);
  if (!document) return null;
  const chunks = [...catalog.chunksByRowid(catalog.chunkRowidsOfDocuments([documentId])).values()].sort(
    (a, b) => a.ordinal - b.ordinal,
  );
  const position = chunks.findIndex((chunk) => chunk.id === chunkId);
  const chunk = chunks[position];
  if (!chunk) return null;
  const previous = chunks[position - 1];
  const next = chunks[position + 1];
  const before = previous ? previous.text.slice(0, Math.max(0, chunk.start - previous.start)) : "";
  const after = next ? next.text.slice(Math.max(0, chunk.end - next.start)) : "";
  return {
    documentId,
    chunkId,
    title: document.title,
    section: chunk.headingPath.length > 0 ? chunk.headingPath.join(" › ") : null,
    page: chunk.page,
    source: document.source,
    before: before.trim() === "" ? null : tail(before.trimEnd(), CONTEXT_CHARACTERS),
    text: chunk.text,
    after: after.trim() === "" ? null : head(after.trimStart(), CONTEXT_CHARACTERS),
  };
}

function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  const space = cut.indexOf(" ");
  return `…${space >= 0 ? cut.slice(space + 1) : cut}`;
}

function head(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}
