import type { Embedder } from "../index/embedder.ts";
import type { WordVectorModel } from "./word-vector-model.ts";

/**
 * Offline `Embedder` from word vectors: a text's vector is the IDF- and sublinear-TF-weighted mean
 * of its terms' vectors, L2-normalised, so paraphrases with different but related words land close.
 * Terms the model does not know are skipped; a text with no known term gets the zero vector (its
 * similarity to everything is 0, so it never outranks a real match).
 */
export class WordVectorEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  // Embedding is synchronous CPU work; this bounds how long one call holds the event loop.
  readonly maxBatchSize = 256;

  /**
   * `termsOf` should be the analyzer the model was trained with (`model.metadata.analyzerVersion`);
   * `termsId` (e.g. the analyzer's version) goes into `id`, so a new analyzer forces a rebuild too.
   */
  constructor(
    private readonly model: WordVectorModel,
    private readonly termsOf: (text: string) => string[],
    termsId?: string,
  ) {
    this.dimensions = model.dimensions;
    this.id = `word-vectors-v1-${model.id}-${model.dimensions}${termsId ? `-${termsId}` : ""}`;
  }

  async embed(texts: readonly string[], _kind: "passage" | "query"): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  /** The vector of one text, synchronously; queries and passages are embedded alike. */
  embedOne(text: string): Float32Array {
    const counts = new Map<string, number>();
    for (const term of this.termsOf(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Float32Array(this.dimensions);
    for (const [term, count] of counts) {
      this.model.addVector(term, vector, this.model.idf(term) * (1 + Math.log(count)));
    }
    let sum = 0;
    for (const value of vector) sum += value * value;
    if (sum === 0) return vector;
    const scale = 1 / Math.sqrt(sum);
    for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] ?? 0) * scale;
    return vector;
  }
}
