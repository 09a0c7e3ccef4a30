import type { Citation } from "../answer/answer.ts";
import type { CatalogDocument } from "../index/catalog.ts";
import type { IntroductionStatement } from "./introduction.ts";
import { quoteInPassage } from "./quote-in-passage.ts";

/** A stored passage the introduction may cite. */
export interface CitablePassage {
  chunkId: string;
  text: string;
  headingPath: readonly string[];
  page: number | null;
  document: Pick<CatalogDocument, "id" | "title" | "source" | "date">;
}

/**
 * Numbers the passages an introduction cites, one number per passage, and checks every sentence
 * against its passage: a sentence that is not in the passage word for word gets no number.
 */
export class SourceRegistry {
  private readonly byChunk = new Map<string, Citation>();
  private readonly quotes = new Map<string, string[]>();

  constructor(existing: readonly Citation[] = []) {
    for (const citation of existing) {
      this.byChunk.set(citation.chunkId, { ...citation });
      this.quotes.set(citation.chunkId, [citation.quote]);
    }
  }

  /** A statement quoting `sentence` from `passage`, or null when the passage does not contain it. */
  cite(passage: CitablePassage, sentence: string): IntroductionStatement | null {
    const text = sentence.replace(/\s+/g, " ").trim();
    if (!quoteInPassage(text, passage.text)) return null;
    let citation = this.byChunk.get(passage.chunkId);
    if (!citation) {
      citation = {
        n: this.byChunk.size + 1,
        documentId: passage.document.id,
        chunkId: passage.chunkId,
        title: passage.document.title,
        section: passage.headingPath.length > 0 ? passage.headingPath.join(" › ") : null,
        page: passage.page,
        quote: "",
        source: passage.document.source,
        date: passage.document.date,
      };
      this.byChunk.set(passage.chunkId, citation);
      this.quotes.set(passage.chunkId, []);
    }
    const quotes = this.quotes.get(passage.chunkId) ?? [];
    if (!quotes.some((quote) => quote.includes(text))) quotes.push(text);
    citation.quote = quotes.join(" … ");
    return { text, source: citation.n };
  }

  /** The cited passages in number order. */
  sources(): Citation[] {
    return [...this.byChunk.values()]
      .sort((left, right) => left.n - right.n)
      .map((citation) => ({ ...citation }));
  }
}
