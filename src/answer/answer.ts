/** A numbered reference from an answer to the exact passage that supports it. */
export interface Citation {
  /** The number used as [n] in the answer text. */
  n: number;
  documentId: string;
  chunkId: string;
  title: string;
  /** Heading path joined with " › ", or null when the passage has no heading. */
  section: string | null;
  page: number | null;
  /** The cited words, verbatim from the document. */
  quote: string;
  /** Where the document comes from (URL), when known. */
  source: string | null;
  /** The document's date as stored (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); null when unknown. */
  date: string | null;
}

/** A passage shown when Samsyn declines: where the closest material is. */
export interface PassageReference {
  documentId: string;
  chunkId: string;
  title: string;
  section: string | null;
  page: number | null;
  excerpt: string;
  source: string | null;
  /** The document's date as stored (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); null when unknown. */
  date: string | null;
}

/** What every surface renders. */
export interface Answer {
  text: string;
  citations: Citation[];
  abstained: boolean;
  /** When declined: the closest passages, so the user can look for themselves. */
  closest: PassageReference[];
  /** Language of the question and the answer's own words. */
  language: "sv" | "en";
}
