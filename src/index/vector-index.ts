/** One nearest-neighbour hit; `score` is cosine similarity (higher is closer). */
export interface VectorHit {
  label: number;
  score: number;
}

/** Approximate nearest-neighbour index over normalised vectors, keyed by integer labels (chunk row ids). */
export interface VectorIndex {
  readonly dimensions: number;
  /** Number of live (not deleted) vectors. */
  readonly size: number;
  /** Adds or replaces the vector for a label, growing capacity when needed. */
  upsert(label: number, vector: Float32Array): void;
  /** Removes a label; unknown labels are ignored. */
  remove(label: number): void;
  has(label: number): boolean;
  /** Top-k labels by similarity; `filter` restricts which labels may be returned. */
  search(vector: Float32Array, k: number, filter?: (label: number) => boolean): VectorHit[];
  /** Writes the index to `path` atomically (temporary file, then rename). */
  save(path: string): void;
}
