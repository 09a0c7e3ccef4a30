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
}
