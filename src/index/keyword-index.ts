/** One keyword hit; `score` is higher for better matches. */
export interface KeywordHit {
  rowid: number;
  score: number;
}

/** Options of a keyword search. */
export interface KeywordSearchOptions {
  limit: number;
  /** When given, only chunks of these documents may be returned. */
  documentIds?: readonly string[] | null;
}

/** Keyword (BM25) index over analysed chunk text. */
export interface KeywordIndex {
  /** Chunks matching any of the analysed terms, best first. Terms are used verbatim, never as query syntax. */
  search(terms: readonly string[], options: KeywordSearchOptions): KeywordHit[];
  /** Indexes a chunk's analysed body terms and its context terms (title, headings). */
  write(rowid: number, bodyTerms: readonly string[], contextTerms: readonly string[]): void;
  /** How many chunks contain each term, and how many chunks there are; for IDF weights. */
  documentFrequencies(terms: readonly string[]): { frequencies: Map<string, number>; total: number };
  /** Ids of the documents that contain a term anywhere (body, title or headings). */
  documentsContaining(term: string): Set<string>;
  /** Removes a chunk. */
  remove(rowid: number): void;
}
