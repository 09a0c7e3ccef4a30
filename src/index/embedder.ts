/** The knowledge base an embedder may adapt to before ingest embeds it. */
export interface AdaptationCorpus {
  /** Changes exactly when the knowledge base's documents change (ids and content hashes). */
  fingerprint: string;
  /**
   * The fingerprint the stored vectors were embedded under, as recorded by the last ingest that
   * committed (null before the first). An adapter compares against what it learned for this one,
   * and keeps that on disk until a later ingest commits, since a crash may come in between.
   */
  committedFingerprint: string | null;
  /** Where an adapter may keep what it learned, so a restart does not learn it again. */
  cacheDir: string;
  /** The text of every document of the knowledge base, read only when needed. */
  documents(): Iterable<string>;
  /** The same documents' terms, when the caller has them from the analyzer `termsId` names already. */
  analysed?: { termsId: string; documents(): Iterable<readonly string[]> };
  /**
   * How the documents changed since `committedFingerprint`, as terms of the analysis `termsId` names,
   * when the caller knows: an adapter that kept what it learned then can update it from the changed
   * documents instead of reading them all.
   */
  changes?: AdaptationChanges;
}

/** The documents changed since the last committed ingest, as analysed terms, each document's in order. */
export interface AdaptationChanges {
  termsId: string;
  /** Every document removed or changed since, as it was then. */
  before(): Iterable<readonly string[]>;
  /** Every document added or changed since, as it is now. */
  after(): Iterable<readonly string[]>;
  /** Every current document that contains one of `terms` (changed ones as they are now). */
  containing(terms: ReadonlySet<string>): Iterable<readonly string[]>;
}

/** Turns texts into vectors. Adapters state what they can do so callers can batch correctly. */
export interface Embedder {
  /** Stable identity (adapter, model, dimensions); a change means every stored vector must be rebuilt. */
  readonly id: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** Largest number of texts one `embed` call accepts. */
  readonly maxBatchSize: number;
  /** Embeds texts in order; vectors are L2-normalised so inner product equals cosine similarity. */
  embed(texts: readonly string[], kind: "passage" | "query"): Promise<Float32Array[]>;
  /** The analysis (analyzer version) `embedTerms` expects terms of; absent when it embeds texts only. */
  readonly termsId?: string;
  /** Like `embed`, for texts the analyzer `termsId` names has analysed already (spares a second analysis). */
  embedTerms?(terms: readonly (readonly string[])[], kind: "passage" | "query"): Promise<Float32Array[]>;
  /**
   * Like `embedTerms`, synchronously; only embedders that compute locally have it. Ingest then embeds
   * each passage as it writes it, so no vector is held until the commit.
   */
  readonly embedTermsNow?: (
    terms: readonly (readonly string[])[],
    kind: "passage" | "query",
  ) => Float32Array[];
  /**
   * Learns from the knowledge base before it is embedded (e.g. vectors for the group's own words)
   * and returns the analysed terms whose meaning changed, so ingest re-embeds just the stored
   * passages that contain them. `id` stays the same: adapting is incremental, not a new model.
   */
  adaptTo?(corpus: AdaptationCorpus): Promise<ReadonlySet<string>>;
}
