import type { AdaptationCorpus, Embedder } from "./embedder.ts";

/** One part of a combined embedding and how much its similarity counts. */
export interface EmbedderPart {
  embedder: Embedder;
  weight: number;
}

/**
 * Concatenates several normalised embeddings, each scaled by √weight, then re-normalises. The inner
 * product of two such vectors is the weighted mean of the parts' cosine similarities, so one vector
 * index serves, e.g., spelling-level and meaning-level similarity at once.
 */
export class WeightedSumEmbedder implements Embedder {
  readonly dimensions: number;
  readonly maxBatchSize: number;
  /** Present when every part embeds synchronously. */
  readonly embedTermsNow?: (
    terms: readonly (readonly string[])[],
    kind: "passage" | "query",
  ) => Float32Array[];
  private readonly scales: number[];

  constructor(private readonly parts: readonly EmbedderPart[]) {
    const total = parts.reduce((sum, part) => sum + part.weight, 0);
    this.scales = parts.map((part) => Math.sqrt(part.weight / total));
    this.dimensions = parts.reduce((sum, part) => sum + part.embedder.dimensions, 0);
    this.maxBatchSize = Math.min(...parts.map((part) => part.embedder.maxBatchSize));
    const synchronous = parts.map((part) => part.embedder.embedTermsNow);
    if (synchronous.every((embed) => embed !== undefined))
      this.embedTermsNow = (terms, kind) =>
        this.combine(
          terms.length,
          synchronous.map((embed) => embed(terms, kind)),
        );
  }

  get id(): string {
    return `sum(${this.parts.map((part) => `${part.embedder.id}*${part.weight}`).join("+")})`;
  }

  async adaptTo(corpus: AdaptationCorpus): Promise<ReadonlySet<string>> {
    const changed = new Set<string>();
    for (const part of this.parts) {
      for (const term of (await part.embedder.adaptTo?.(corpus)) ?? []) changed.add(term);
    }
    return changed;
  }

  /** The parts' common analysis, when every part embeds analysed terms. */
  get termsId(): string | undefined {
    const ids = new Set(
      this.parts.map((part) => (part.embedder.embedTerms ? part.embedder.termsId : undefined)),
    );
    const [id] = ids;
    return ids.size === 1 ? id : undefined;
  }

  async embed(texts: readonly string[], kind: "passage" | "query"): Promise<Float32Array[]> {
    return this.combine(
      texts.length,
      await Promise.all(this.parts.map((part) => part.embedder.embed(texts, kind))),
    );
  }

  async embedTerms(
    terms: readonly (readonly string[])[],
    kind: "passage" | "query",
  ): Promise<Float32Array[]> {
    const embedded = await Promise.all(
      this.parts.map((part) => {
        if (!part.embedder.embedTerms) throw new Error("embedTerms needs parts that embed terms");
        return part.embedder.embedTerms(terms, kind);
      }),
    );
    return this.combine(terms.length, embedded);
  }

  private combine(count: number, embedded: readonly Float32Array[][]): Float32Array[] {
    return Array.from({ length: count }, (_, index) => {
      const vector = new Float32Array(this.dimensions);
      let offset = 0;
      let squared = 0;
      embedded.forEach((vectors, partIndex) => {
        const part = vectors[index];
        const scale = this.scales[partIndex] ?? 0;
        const size = this.parts[partIndex]?.embedder.dimensions ?? 0;
        if (part) {
          for (let d = 0; d < size; d++) {
            const value = (part[d] ?? 0) * scale;
            vector[offset + d] = value;
            squared += value * value;
          }
        }
        offset += size;
      });
      // A part with no known words is zero; re-normalising keeps the other parts' similarity intact.
      if (squared > 0) {
        const norm = 1 / Math.sqrt(squared);
        for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] ?? 0) * norm;
      }
      return vector;
    });
  }
}
