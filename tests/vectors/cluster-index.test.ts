import { describe, expect, it } from "vitest";
import { assignClusters } from "../../src/vectors/assign-clusters.ts";
import { ClusterIndex, UNASSIGNED_CLUSTER } from "../../src/vectors/cluster-index.ts";
import { normalizeRows, quantizeVectors } from "../../src/vectors/quantize-vectors.ts";
import { createSeededRandom } from "../../src/vectors/seeded-random.ts";

const DIMENSIONS = 32;

/** 4,000 unit vectors around 40 random directions, like words around topics. */
function topicVectors(): Float32Array {
  const random = createSeededRandom(9);
  const topics = Array.from({ length: 40 }, () =>
    Array.from({ length: DIMENSIONS }, () => random.gaussian()),
  );
  const vectors = new Float32Array(4000 * DIMENSIONS);
  for (let index = 0; index < 4000; index++) {
    const topic = topics[index % 40] ?? [];
    for (let d = 0; d < DIMENSIONS; d++)
      vectors[index * DIMENSIONS + d] = (topic[d] ?? 0) + 0.8 * random.gaussian();
  }
  normalizeRows(vectors, DIMENSIONS);
  return vectors;
}

function buildIndex(vectors: Float32Array, clusters: Uint16Array): ClusterIndex {
  const codes = quantizeVectors(vectors, DIMENSIONS);
  const inverseNorms = new Float32Array(vectors.length / DIMENSIONS).map((_, index) => {
    const code = codes.subarray(index * DIMENSIONS, (index + 1) * DIMENSIONS);
    return 1 / Math.hypot(...code);
  });
  return new ClusterIndex(codes, inverseNorms, clusters, DIMENSIONS);
}

describe("ClusterIndex", () => {
  it("finds nearly the same nearest neighbours as a full scan while scanning a fraction", () => {
    const vectors = topicVectors();
    const index = buildIndex(vectors, assignClusters(vectors, 4000, DIMENSIONS, createSeededRandom(2)));
    let found = 0;
    let total = 0;
    for (let term = 0; term < 4000; term += 40) {
      const query = vectors.subarray(term * DIMENSIONS, (term + 1) * DIMENSIONS);
      const exact = new Set(index.search(query, 10, -1, term, true).map((hit) => hit.index));
      const approximate = index.search(query, 10, -1, term);
      expect(approximate.map((hit) => hit.index)).not.toContain(term);
      found += approximate.filter((hit) => exact.has(hit.index)).length;
      total += exact.size;
    }
    expect(found / total).toBeGreaterThan(0.8);
  });

  it("places unassigned vectors into the cluster of their closest centroid", () => {
    const vectors = topicVectors();
    const clusters = assignClusters(vectors, 4000, DIMENSIONS, createSeededRandom(2));
    const expected = clusters[123];
    clusters[123] = UNASSIGNED_CLUSTER;
    buildIndex(vectors, clusters);
    expect(clusters[123]).toBe(expected);
  });
});
