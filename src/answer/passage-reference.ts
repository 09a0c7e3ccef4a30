import { headingPathAt } from "../knowledge/chunking/chunk-sections.ts";
import { documentDateText } from "../knowledge/document-date-text.ts";
import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Answer, Citation, PassageReference } from "./answer.ts";

/**
 * The heading path of a passage as one line, or null. Given the quoted sentences (joined by " … "),
 * it names the sections they stand under, which differ from the passage's main one when small
 * sections share a passage.
 */
export function sectionOf(passage: RetrievedPassage, quote?: string): string | null {
  const paths = quote
    ? quote.split(QUOTE_JOINER).map((sentence) => headingPathAt(passage.chunk, sentence))
    : [passage.chunk.headingPath];
  const labels = [...new Set(paths.filter((path) => path.length > 0).map((path) => path.join(" › ")))];
  return labels.length > 0 ? labels.join("; ") : null;
}

/** How the extractive composer joins the sentences it quotes from one passage. */
const QUOTE_JOINER = " … ";

/** A citation numbered `n` quoting `quote` from `passage`. */
export function citationFor(passage: RetrievedPassage, n: number, quote: string): Citation {
  return {
    n,
    documentId: passage.document.id,
    chunkId: passage.chunk.id,
    title: passage.document.title,
    section: sectionOf(passage, quote),
    page: passage.chunk.page,
    quote,
    source: passage.document.source,
    date: passage.document.date,
  };
}

/** A short pointer to a passage, used when declining; the excerpt shows `shown` (by default its start). */
export function referenceFor(
  passage: RetrievedPassage,
  maxLength = 240,
  shown = passage.chunk.text,
): PassageReference {
  const text = shown.replace(/\s+/g, " ").trim();
  return {
    documentId: passage.document.id,
    chunkId: passage.chunk.id,
    title: passage.document.title,
    section: sectionOf(passage),
    page: passage.chunk.page,
    excerpt: text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text,
    source: passage.document.source,
    date: passage.document.date,
  };
}

const PAGE = { sv: "s.", en: "p." } as const;

/** "Titel (maj 2019)" — the document's title with its date at the precision known, or the title alone. */
export function titleWithDate(passage: Pick<Citation, "title" | "date">): string {
  const date = documentDateText(passage.date);
  return date ? `${passage.title} (${date})` : passage.title;
}

/** "Titel (maj 2019) § Avsnitt, s. 3" — where a passage is, for people. */
export function describeLocation(
  passage: Pick<Citation, "title" | "date" | "section" | "page">,
  language: Answer["language"] = "sv",
): string {
  const title = titleWithDate(passage);
  const parts = [passage.section ? `${title} § ${passage.section}` : title];
  if (passage.page !== null) parts.push(`${PAGE[language]} ${passage.page}`);
  return parts.join(", ");
}
