import { createHash } from "node:crypto";
import { type ClusterHit, ClusterIndex } from "./cluster-index.ts";

/** A neighbouring term and its cosine similarity. */
export interface WordNeighbour {
  term: string;
  similarity: number;
}

/** Where a model came from and how it was trained; stored in the file header. */
export interface WordVectorMetadata {
  /** Short name, e.g. "sv-statutes". */
  name: string;
  /** `version` of the analyzer whose terms the model was trained on. */
  analyzerVersion: string;
  /** ISO timestamp of training. */
  createdAt: string;
  /** Number of training documents (the base of the IDF). */
  documentCount: number;
  /** Number of training tokens. */
  tokenCount: number;
  /** Free-form provenance: corpus, licence, the command that made the file. */
  provenance: Record<string, string>;
  /** Training parameters, for reproducing the file. */
  training: Record<string, number | string | boolean>;
  /** Present when the model was adapted to a user's corpus. */
  adaptation?: Record<string, number | string>;
}

/** Everything a model consists of; what the file stores. */
export interface WordVectorData {
  metadata: WordVectorMetadata;
  dimensions: number;
  terms: string[];
  /** Unit vectors quantised to int8, term after term; the per-vector scale is implied by unit length. */
  codes: Int8Array;
  idf: Float32Array;
  /** IDF given to a term the model has never seen (rarer than anything it knows). */
  unseenIdf: number;
  /**
   * Singular values of the factorised PPMI matrix, one per dimension, carrying the sign of the
   * matching eigenvalue; adaptation divides by them to fold new terms in (see adaptWordVectors).
   */
  singularValues: Float32Array;
  /** Nearest-neighbour cluster of each term (an inverted-file index built at training). */
  clusters: Uint16Array;
  /**
   * The `nearest` neighbours of every term, found once at training (see `withNeighbourTable`): a
   * fixed number of term indices per term, best first, −1 where there are fewer. Absent from
   * adapted models, whose new terms may be nearer.
   */
  neighbours?: Int32Array | undefined;
}

/** Word vectors with IDF and fast neighbour search. All similarities are cosines. */
export interface WordVectorModel {
  /** Stable identity: name plus a hash of the vectors and vocabulary. */
  readonly id: string;
  readonly dimensions: number;
  /** Number of terms. */
  readonly size: number;
  readonly metadata: WordVectorMetadata;
  /** The raw arrays, for saving and adapting. */
  readonly data: WordVectorData;
  has(term: string): boolean;
  /** Unit-length vector of a term; undefined for unknown terms. */
  vector(term: string): Float32Array | undefined;
  /** Adds weight × the term's unit vector to `target`; false (and nothing added) for unknown terms. */
  addVector(term: string, target: Float32Array, weight: number): boolean;
  /** Inverse document frequency ln(1 + N/df); `unseenIdf` for unknown terms. */
  idf(term: string): number;
  /** Up to k other terms most similar to `term`, best first, at or above `minSimilarity`. */
  nearest(term: string, k: number, minSimilarity?: number): WordNeighbour[];
  /** Up to k terms most similar to a unit vector, best first, at or above `minSimilarity`, never `exclude`. */
  nearestToVector(vector: Float32Array, k: number, minSimilarity?: number, exclude?: string): WordNeighbour[];
}

/** Builds a model from its arrays (after training, adapting or loading). */
export function createWordVectorModel(data: WordVectorData): WordVectorModel {
  return new QuantizedWordVectorModel(data);
}

/**
 * The model with each term's `perTerm` nearest neighbours looked up now rather than at question
 * time (~0.7 ms a term): the table holds exactly what `nearest` would find, so answers do not change.
 */
export function withNeighbourTable(model: WordVectorModel, perTerm: number): WordVectorModel {
  const searcher = new QuantizedWordVectorModel({ ...model.data, neighbours: undefined });
  const neighbours = new Int32Array(model.size * perTerm).fill(-1);
  for (let index = 0; index < model.size; index++) {
    searcher.nearestIndices(index, perTerm, Number.NEGATIVE_INFINITY).forEach((hit, rank) => {
      neighbours[index * perTerm + rank] = hit.index;
    });
  }
  return createWordVectorModel({ ...model.data, neighbours });
}

const MAX_CACHED_NEIGHBOURS = 4096;

class QuantizedWordVectorModel implements WordVectorModel {
  readonly id: string;
  readonly dimensions: number;
  readonly size: number;
  readonly metadata: WordVectorMetadata;
  readonly data: WordVectorData;
  private readonly indexOf = new Map<string, number>();
  private readonly inverseNorms: Float32Array;
  private readonly clusterIndex: ClusterIndex;
  // Query terms repeat (the same group asks about the same things), so neighbour lists are kept.
  private readonly nearestCache = new Map<string, WordNeighbour[]>();
  /** Neighbours stored per term in `data.neighbours` (0 without a table). */
  private readonly tableWidth: number;

  constructor(data: WordVectorData) {
    this.data = data;
    this.metadata = data.metadata;
    this.dimensions = data.dimensions;
    this.size = data.terms.length;
    data.terms.forEach((term, index) => {
      this.indexOf.set(term, index);
    });
    this.inverseNorms = new Float32Array(this.size);
    for (let index = 0; index < this.size; index++) {
      let sum = 0;
      const offset = index * this.dimensions;
      for (let d = 0; d < this.dimensions; d++) sum += (data.codes[offset + d] ?? 0) ** 2;
      this.inverseNorms[index] = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    }
    this.clusterIndex = new ClusterIndex(data.codes, this.inverseNorms, data.clusters, this.dimensions);
    this.tableWidth = data.neighbours && this.size > 0 ? data.neighbours.length / this.size : 0;
    if (!Number.isInteger(this.tableWidth))
      throw new RangeError(`neighbour table of ${data.neighbours?.length} entries for ${this.size} terms`);
    this.id = `${data.metadata.name}@${fingerprint(data)}`;
  }

  has(term: string): boolean {
    return this.indexOf.has(term);
  }

  vector(term: string): Float32Array | undefined {
    const index = this.indexOf.get(term);
    return index === undefined ? undefined : this.vectorAt(index);
  }

  private vectorAt(index: number): Float32Array {
    const scale = this.inverseNorms[index] ?? 0;
    const offset = index * this.dimensions;
    const result = new Float32Array(this.dimensions);
    for (let d = 0; d < this.dimensions; d++) result[d] = (this.data.codes[offset + d] ?? 0) * scale;
    return result;
  }

  addVector(term: string, target: Float32Array, weight: number): boolean {
    const index = this.indexOf.get(term);
    if (index === undefined) return false;
    const scale = weight * (this.inverseNorms[index] ?? 0);
    const offset = index * this.dimensions;
    for (let d = 0; d < this.dimensions; d++)
      target[d] = (target[d] ?? 0) + (this.data.codes[offset + d] ?? 0) * scale;
    return true;
  }

  idf(term: string): number {
    const index = this.indexOf.get(term);
    return index === undefined ? this.data.unseenIdf : (this.data.idf[index] ?? 0);
  }

  nearest(term: string, k: number, minSimilarity = -1): WordNeighbour[] {
    const index = this.indexOf.get(term);
    if (index === undefined) return [];
    if (k <= this.tableWidth) return this.tabled(index, k, minSimilarity);
    const key = `${term}\u0000${k}\u0000${minSimilarity}`;
    let neighbours = this.nearestCache.get(key);
    if (neighbours === undefined) {
      const vector = this.vector(term);
      if (vector === undefined) return [];
      neighbours = this.nearestToVector(vector, k, minSimilarity, term);
      if (this.nearestCache.size >= MAX_CACHED_NEIGHBOURS) this.nearestCache.clear();
      this.nearestCache.set(key, neighbours);
    }
    return neighbours.map((neighbour) => ({ ...neighbour }));
  }

  /** The search `nearest` runs, by term index: hits with term indices. */
  nearestIndices(index: number, k: number, minSimilarity: number): ClusterHit[] {
    const vector = this.vectorAt(index);
    return this.clusterIndex.search(vector, k, minSimilarity, index);
  }

  /**
   * `nearest` from the table: its first entries at or above `minSimilarity` are the search's hits,
   * since both rank the same scanned terms the same way. Similarities are recomputed exactly as the
   * search computes them, so they are identical too.
   */
  private tabled(index: number, k: number, minSimilarity: number): WordNeighbour[] {
    const table = this.data.neighbours;
    if (!table) return [];
    const vector = this.vectorAt(index);
    const result: WordNeighbour[] = [];
    for (let rank = 0; rank < k; rank++) {
      const other = table[index * this.tableWidth + rank] ?? -1;
      if (other < 0) break;
      const similarity = this.clusterIndex.similarity(vector, other);
      if (similarity < minSimilarity) break;
      result.push({ term: this.data.terms[other] ?? "", similarity });
    }
    return result;
  }

  nearestToVector(vector: Float32Array, k: number, minSimilarity = -1, exclude?: string): WordNeighbour[] {
    const excluded = exclude === undefined ? -1 : (this.indexOf.get(exclude) ?? -1);
    return this.clusterIndex
      .search(vector, k, minSimilarity, excluded)
      .map((hit) => ({ term: this.data.terms[hit.index] ?? "", similarity: hit.similarity }));
  }
}

function fingerprint(data: WordVectorData): string {
  const hash = createHash("sha256");
  hash.update(data.terms.join("\n"));
  hash.update(new Uint8Array(data.codes.buffer, data.codes.byteOffset, data.codes.byteLength));
  hash.update(new Uint8Array(data.idf.buffer, data.idf.byteOffset, data.idf.byteLength));
  return hash.digest("hex").slice(0, 12);
}
