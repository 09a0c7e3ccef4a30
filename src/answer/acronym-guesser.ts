import type { Catalog, StoredChunk } from "../index/catalog.ts";
import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import { type InferredAcronym, inferAcronyms, wholeWord } from "../text/index.ts";
import { sentenceWith } from "./undefined-acronym.ts";

/** A long form read from the initials of a compound the same document uses, and a passage using it. */
export interface AcronymGuess {
  acronym: string;
  longForm: string;
  passage: RetrievedPassage;
  /** The sentence of `passage` that uses the long form. */
  quote: string;
}

/** Documents whose guesses are remembered; reading a document's compounds is the costly part. */
const MAX_REMEMBERED_DOCUMENTS = 500;

/**
 * Guesses what an acronym a document never spells out stands for ("NT" in a report that also writes
 * "nämndtjänsteman"), for the answer to say "troligen" with the passage that uses the long form.
 */
export class AcronymGuesser {
  private readonly remembered = new Map<string, InferredAcronym[]>();

  constructor(
    private readonly catalog: Pick<
      Catalog,
      "document" | "chunkRowidsOfDocuments" | "chunksByRowid" | "acronyms"
    >,
  ) {}

  /** The guess for `acronym` from the first of `documentIds` that gives one, or null. */
  guess(acronym: string, documentIds: readonly string[]): AcronymGuess | null {
    for (const documentId of documentIds) {
      const document = this.catalog.document(documentId);
      if (!document) continue;
      let chunks: StoredChunk[] | undefined;
      const chunksOf = () => {
        chunks ??= [
          ...this.catalog.chunksByRowid(this.catalog.chunkRowidsOfDocuments([documentId])).values(),
        ];
        return chunks;
      };
      const found = this.inferred(`${documentId}\n${document.contentHash}`, () =>
        chunksOf()
          .map((chunk) => chunk.text)
          .join("\n\n"),
      ).find((inferred) => inferred.acronym === acronym);
      if (!found) continue;
      // The word itself ("nämndtjänsteman"), else a form of it ("nämndtjänstemän", "nämndtjänstemannanivå").
      const word = wholeWord(found.longForm, "iu");
      const form = new RegExp(found.longForm.slice(0, Math.max(4, found.longForm.length - 3)), "iu");
      const pattern = [word, form].find((candidate) =>
        chunksOf().some((chunk) => candidate.test(chunk.text)),
      );
      const chunk = pattern && chunksOf().find((candidate) => pattern.test(candidate.text));
      if (!pattern || !chunk) continue;
      return {
        acronym,
        longForm: found.longForm,
        passage: { chunk, document, score: 0, keywordScore: null, vectorScore: null, names: [] },
        quote: sentenceWith(chunk.text, pattern),
      };
    }
    return null;
  }

  private inferred(key: string, text: () => string): InferredAcronym[] {
    let found = this.remembered.get(key);
    if (found === undefined) {
      if (this.remembered.size >= MAX_REMEMBERED_DOCUMENTS) this.remembered.clear();
      const defined = this.catalog.acronyms().map((entry) => entry.acronym);
      found = inferAcronyms(text(), { defined });
      this.remembered.set(key, found);
    }
    return found;
  }
}
