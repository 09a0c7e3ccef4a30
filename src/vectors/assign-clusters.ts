import type { SeededRandom } from "./seeded-random.ts";

/** Options of the spherical k-means that groups vectors for the neighbour index. */
export interface ClusterOptions {
  /** Number of clusters; √n balances centroid scoring against scanning. */
  clusterCount?: number;
  iterations?: number;
  /** Vectors used to fit the centroids (all vectors are assigned at the end). */
  sampleSize?: number;
}

/**
 * Spherical k-means over unit vectors (n × d, row after row): fits centroids on a sample, then
 * assigns every vector to its most similar centroid. Deterministic for a given random source.
 */
export function assignClusters(
  vectors: Float32Array,
  count: number,
  dimensions: number,
  random: SeededRandom,
  options: ClusterOptions = {},
): Uint16Array {
  const clusterCount = Math.max(
    1,
    Math.min(count, 65535, options.clusterCount ?? Math.round(Math.sqrt(count))),
  );
  const sample = pickDistinct(count, Math.min(count, options.sampleSize ?? 12_000), random);
  const centroids = new Float32Array(clusterCount * dimensions);
  pickDistinct(sample.length, clusterCount, random).forEach((position, cluster) => {
    const source = (sample[position] ?? 0) * dimensions;
    centroids.set(vectors.subarray(source, source + dimensions), cluster * dimensions);
  });
  const sums = new Float64Array(clusterCount * dimensions);
  for (let iteration = 0; iteration < (options.iterations ?? 8); iteration++) {
    sums.fill(0);
    for (const index of sample) {
      const cluster = closestCentroid(vectors, index, centroids, clusterCount, dimensions);
      for (let d = 0; d < dimensions; d++) {
        sums[cluster * dimensions + d] =
          (sums[cluster * dimensions + d] ?? 0) + (vectors[index * dimensions + d] ?? 0);
      }
    }
    for (let cluster = 0; cluster < clusterCount; cluster++) {
      const offset = cluster * dimensions;
      let norm = 0;
      for (let d = 0; d < dimensions; d++) norm += (sums[offset + d] ?? 0) ** 2;
      // An empty cluster keeps its old centroid rather than collapsing to zero.
      if (norm === 0) continue;
      norm = Math.sqrt(norm);
      for (let d = 0; d < dimensions; d++) centroids[offset + d] = (sums[offset + d] ?? 0) / norm;
    }
  }
  const clusters = new Uint16Array(count);
  for (let index = 0; index < count; index++) {
    clusters[index] = closestCentroid(vectors, index, centroids, clusterCount, dimensions);
  }
  return clusters;
}

function closestCentroid(
  vectors: Float32Array,
  index: number,
  centroids: Float32Array,
  clusterCount: number,
  dimensions: number,
): number {
  const offset = index * dimensions;
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let cluster = 0; cluster < clusterCount; cluster++) {
    const centroidOffset = cluster * dimensions;
    let score = 0;
    for (let d = 0; d < dimensions; d++)
      score += (vectors[offset + d] ?? 0) * (centroids[centroidOffset + d] ?? 0);
    if (score > bestScore) {
      bestScore = score;
      best = cluster;
    }
  }
  return best;
}

/** `size` distinct integers from [0, range), by a partial Fisher–Yates shuffle. */
function pickDistinct(range: number, size: number, random: SeededRandom): number[] {
  const pool = Array.from({ length: range }, (_, index) => index);
  for (let index = 0; index < size; index++) {
    const swap = index + Math.floor(random.next() * (range - index));
    const value = pool[swap] ?? 0;
    pool[swap] = pool[index] ?? 0;
    pool[index] = value;
  }
  return pool.slice(0, size).sort((a, b) => a - b);
}
