import type { Embedder } from "./embedder.ts";

/** Options of the offline embedder. */
export interface HashedNgramEmbedderOptions {
  /** Vector length (default 512). */
  dimensions?: number;
  /** Splits a text into terms, e.g. the Swedish analyzer's stemmed terms; default: lower-cased words. */
  termsOf?: (text: string) => string[];
  /** Names `termsOf` in `id`, so a different analyzer (or analyzer version) forces a rebuild. */
  termsId?: string;
}

const VERSION = "v1";
const WORD_SEED = 0x811c9dc5;
const GRAM_SEED = 0x01000193;
const SIGN_SALT = 0x9e3779b9;
const SHORTEST_GRAM = 3;
const LONGEST_GRAM = 5;
// The grams of one term together weigh a bit less than the term itself: an exact term match counts
// most, shared grams bridge inflections and compounds (samverkansberedningen ~ beredning).
const GRAMS_WEIGHT = 0.8;
const BOUNDARY = "\u0001";

/**
 * Offline `Embedder` needing no model files: hashed term and character 3–5-gram features with
 * sublinear term frequency, L2-normalised. Queries and passages are embedded alike.
 */
export class HashedNgramEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  // Embedding is synchronous CPU work; this bounds how long one call holds the event loop.
  readonly maxBatchSize = 256;
  readonly termsId: string | undefined;
  private readonly termsOf: (text: string) => string[];

  constructor(options: HashedNgramEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? 512;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 1) {
      throw new RangeError(`dimensions must be a positive integer, got ${this.dimensions}`);
    }
    this.termsOf = options.termsOf ?? wordsOf;
    this.termsId = options.termsOf ? options.termsId : undefined;
    const terms = options.termsOf ? `-${options.termsId ?? "custom"}` : "";
    this.id = `hashed-ngram-${VERSION}-${this.dimensions}${terms}`;
  }

  async embed(texts: readonly string[], _kind: "passage" | "query"): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  async embedTerms(
    terms: readonly (readonly string[])[],
    kind: "passage" | "query",
  ): Promise<Float32Array[]> {
    return this.embedTermsNow(terms, kind);
  }

  readonly embedTermsNow = (
    terms: readonly (readonly string[])[],
    _kind: "passage" | "query",
  ): Float32Array[] => terms.map((textTerms) => this.embedTermsOne(textTerms));

  /** The vector of one text, synchronously. */
  embedOne(text: string): Float32Array {
    return this.embedTermsOne(this.termsOf(text));
  }

  private embedTermsOne(terms: readonly string[]): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const counts = new Map<string, number>();
    for (const term of terms) {
      if (term.length > 0) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    for (const [term, count] of counts) {
      const weight = 1 + Math.log(count);
      this.add(vector, hashString(term, WORD_SEED), weight);
      this.addGrams(vector, term, weight);
    }
    return normalise(vector);
  }

  private addGrams(vector: Float32Array, term: string, weight: number): void {
    const marked = `${BOUNDARY}${term}${BOUNDARY}`;
    const gramCount = countGrams(marked.length);
    if (gramCount === 0) return;
    // Scaled so the grams of a long word do not outweigh its own term feature.
    const gramWeight = (weight * GRAMS_WEIGHT) / Math.sqrt(gramCount);
    for (let start = 0; start + SHORTEST_GRAM <= marked.length; start++) {
      let hash = GRAM_SEED;
      for (let end = start; end < Math.min(start + LONGEST_GRAM, marked.length); end++) {
        hash = step(hash, marked.charCodeAt(end));
        if (end - start + 1 >= SHORTEST_GRAM) this.add(vector, hash, gramWeight);
      }
    }
  }

  private add(vector: Float32Array, rawHash: number, weight: number): void {
    const hash = mix(rawHash);
    const slot = hash % this.dimensions;
    // An independent sign bit makes colliding features cancel on average instead of piling up.
    const sign = mix(rawHash ^ SIGN_SALT) & 1 ? -1 : 1;
    vector[slot] = (vector[slot] ?? 0) + sign * weight;
  }
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function countGrams(length: number): number {
  let total = 0;
  for (let size = SHORTEST_GRAM; size <= LONGEST_GRAM; size++) total += Math.max(0, length - size + 1);
  return total;
}

/** FNV-1a over UTF-16 code units. */
function hashString(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = step(hash, text.charCodeAt(i));
  return hash;
}

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}

/** murmur3's finaliser: spreads FNV's weak low bits over the whole word before taking a slot. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}
