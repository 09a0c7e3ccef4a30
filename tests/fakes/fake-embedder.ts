import type { Embedder } from "../../src/index/embedder.ts";

/** A deterministic bag-of-words `Embedder` that records its calls; texts sharing words come out similar. */
export class FakeEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly maxBatchSize: number;
  readonly calls: { texts: string[]; kind: "passage" | "query" }[] = [];

  constructor(options: { dimensions?: number; maxBatchSize?: number; id?: string } = {}) {
    this.dimensions = options.dimensions ?? 16;
    this.maxBatchSize = options.maxBatchSize ?? 32;
    this.id = options.id ?? `fake:${this.dimensions}`;
  }

  async embed(texts: readonly string[], kind: "passage" | "query"): Promise<Float32Array[]> {
    // Fails loudly so a caller that ignores `maxBatchSize` is caught by its tests.
    if (texts.length > this.maxBatchSize) {
      throw new RangeError(`FakeEmbedder got ${texts.length} texts, maxBatchSize is ${this.maxBatchSize}`);
    }
    this.calls.push({ texts: [...texts], kind });
    return texts.map((text) => this.vectorOf(text));
  }

  /** The vector `embed` returns for one text. */
  vectorOf(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      let hash = 0x811c9dc5;
      for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193) >>> 0;
      const slot = hash % this.dimensions;
      vector[slot] = (vector[slot] ?? 0) + 1;
    }
    const norm = Math.hypot(...vector);
    return norm > 0 ? vector.map((value) => value / norm) : vector;
  }
}
