import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HnswVectorIndex } from "../../src/index/hnsw-vector-index.ts";

const DIMENSIONS = 16;

function randomVectors(count: number, seed: number, dimensions = DIMENSIONS): Float32Array[] {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000 - 0.5;
  };
  return Array.from({ length: count }, () => Float32Array.from({ length: dimensions }, next));
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    normA += (a[i] ?? 0) ** 2;
    normB += (b[i] ?? 0) ** 2;
  }
  return dot / Math.sqrt(normA * normB);
}

function bruteForce(vectors: Map<number, Float32Array>, query: Float32Array, k: number): number[] {
  return [...vectors]
    .map(([label, vector]) => ({ label, score: cosine(query, vector) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((hit) => hit.label);
}

function filled(labels: number[], seed = 7): { index: HnswVectorIndex; vectors: Map<number, Float32Array> } {
  const index = HnswVectorIndex.create(DIMENSIONS, { initialCapacity: 8 });
  const generated = randomVectors(labels.length, seed);
  const vectors = new Map<number, Float32Array>();
  labels.forEach((label, position) => {
    const vector = generated[position] as Float32Array;
    index.upsert(label, vector);
    vectors.set(label, vector);
  });
  return { index, vectors };
}

describe("HnswVectorIndex", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), "samsyn-hnsw-"));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it("returns nothing from an empty index", () => {
    const index = HnswVectorIndex.create(DIMENSIONS);
    expect(index.size).toBe(0);
    expect(index.search(randomVectors(1, 1)[0] as Float32Array, 10)).toEqual([]);
    expect(index.search(randomVectors(1, 1)[0] as Float32Array, 10, () => true)).toEqual([]);
  });

  it("finds the stored vector first and scores hits by cosine similarity, best first", () => {
    const { index, vectors } = filled([3, 10, 42, 1000, 7]);
    const query = vectors.get(42) as Float32Array;
    const hits = index.search(query, 3);
    expect(hits.map((hit) => hit.label)).toEqual(bruteForce(vectors, query, 3));
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    for (const hit of hits)
      expect(hit.score).toBeCloseTo(cosine(query, vectors.get(hit.label) as Float32Array), 5);
  });

  it("scores an unnormalised query the same as its normalised form", () => {
    const { index, vectors } = filled([1, 2, 3]);
    const query = (vectors.get(2) as Float32Array).map((value) => value * 40);
    expect(index.search(query, 1)[0]?.score).toBeCloseTo(1, 5);
  });

  it("returns at most as many hits as there are live vectors", () => {
    const { index } = filled([1, 2, 3]);
    expect(index.search(randomVectors(1, 99)[0] as Float32Array, 50)).toHaveLength(3);
    index.remove(2);
    expect(index.search(randomVectors(1, 99)[0] as Float32Array, 50)).toHaveLength(2);
  });

  it("grows past its initial capacity and still finds every vector", () => {
    const labels = Array.from({ length: 300 }, (_, i) => i * 17 + 5);
    const { index, vectors } = filled(labels);
    expect(index.size).toBe(300);
    for (const label of labels)
      expect(index.search(vectors.get(label) as Float32Array, 1)[0]?.label).toBe(label);
  });

  it("forgets removed labels and ignores unknown ones", () => {
    const { index, vectors } = filled([1, 2, 3, 4]);
    index.remove(3);
    index.remove(999);
    expect(index.has(3)).toBe(false);
    expect(index.size).toBe(3);
    const hits = index.search(vectors.get(3) as Float32Array, 4);
    expect(hits.map((hit) => hit.label).sort()).toEqual([1, 2, 4]);
  });

  it("replaces the vector of an existing label instead of adding a second one", () => {
    const { index, vectors } = filled([1, 2, 3]);
    const replacement = vectors.get(1) as Float32Array;
    index.upsert(3, replacement);
    expect(index.size).toBe(3);
    const hits = index.search(replacement, 3);
    expect(hits.filter((hit) => hit.label === 3)).toHaveLength(1);
    expect(hits.find((hit) => hit.label === 3)?.score).toBeCloseTo(1, 5);
  });

  it("takes back a removed label with its new vector", () => {
    const { index, vectors } = filled([1, 2, 3]);
    index.remove(2);
    index.upsert(2, vectors.get(3) as Float32Array);
    expect(index.has(2)).toBe(true);
    expect(index.size).toBe(3);
    expect(
      index
        .search(vectors.get(3) as Float32Array, 2)
        .map((hit) => hit.label)
        .sort(),
    ).toEqual([2, 3]);
  });

  it("reuses the slots of removed vectors for new labels", () => {
    const { index, vectors } = filled(Array.from({ length: 8 }, (_, i) => i));
    for (let label = 0; label < 4; label++) index.remove(label);
    const fresh = randomVectors(4, 1234);
    fresh.forEach((vector, position) => {
      index.upsert(100 + position, vector);
      vectors.set(100 + position, vector);
    });
    expect(index.size).toBe(8);
    fresh.forEach((vector, position) => {
      expect(index.search(vector, 1)[0]?.label).toBe(100 + position);
    });
    expect(index.has(0)).toBe(false);
  });

  it("accepts large sparse labels and rejects ones hnswlib cannot store", () => {
    const { index, vectors } = filled([4_000_000_000, 0]);
    expect(index.search(vectors.get(4_000_000_000) as Float32Array, 1)[0]?.label).toBe(4_000_000_000);
    const vector = randomVectors(1, 5)[0] as Float32Array;
    expect(() => index.upsert(-1, vector)).toThrow(expect.objectContaining({ code: "internal_error" }));
    expect(() => index.upsert(2 ** 32, vector)).toThrow(expect.objectContaining({ code: "internal_error" }));
    expect(() => index.upsert(1.5, vector)).toThrow(expect.objectContaining({ code: "internal_error" }));
  });

  it("rejects vectors of the wrong length", () => {
    const index = HnswVectorIndex.create(DIMENSIONS);
    const short = new Float32Array(DIMENSIONS - 1).fill(1);
    expect(() => index.upsert(1, short)).toThrow(
      expect.objectContaining({ code: "index_embedder_mismatch" }),
    );
  });

  it("returns only labels the filter admits when it admits few (exact scan)", () => {
    const labels = Array.from({ length: 400 }, (_, i) => i);
    const { index, vectors } = filled(labels);
    const admitted = new Map([...vectors].filter(([label]) => label % 40 === 0));
    const query = randomVectors(1, 77)[0] as Float32Array;
    const hits = index.search(query, 5, (label) => admitted.has(label));
    expect(hits.map((hit) => hit.label)).toEqual(bruteForce(admitted, query, 5));
  });

  it("returns k admitted labels when the filter admits many (graph search)", () => {
    const labels = Array.from({ length: 800 }, (_, i) => i);
    const { index, vectors } = filled(labels);
    index.remove(2);
    vectors.delete(2);
    const admitted = new Map([...vectors].filter(([label]) => label % 2 === 0));
    const query = randomVectors(1, 78)[0] as Float32Array;
    const hits = index.search(query, 20, (label) => admitted.has(label));
    expect(hits).toHaveLength(20);
    expect(hits.every((hit) => admitted.has(hit.label))).toBe(true);
    const expected = new Set(bruteForce(admitted, query, 20));
    const found = hits.filter((hit) => expected.has(hit.label)).length;
    expect(found).toBeGreaterThanOrEqual(19);
  });

  it("saves atomically and loads the same live labels, deletions included", () => {
    const { index, vectors } = filled(Array.from({ length: 50 }, (_, i) => i * 3));
    index.remove(9);
    index.remove(12);
    const file = path.join(directory, "vectors.hnsw");
    index.save(file);
    expect(readdirSync(directory)).toEqual(["vectors.hnsw"]);

    const loaded = HnswVectorIndex.load(file, DIMENSIONS);
    expect(loaded.size).toBe(48);
    expect(loaded.has(9)).toBe(false);
    expect(loaded.has(15)).toBe(true);
    const query = vectors.get(30) as Float32Array;
    expect(loaded.search(query, 10)).toEqual(index.search(query, 10));

    loaded.upsert(9, query);
    loaded.upsert(1_000, vectors.get(12) as Float32Array);
    expect(loaded.size).toBe(50);
    expect(
      loaded
        .search(query, 2)
        .map((hit) => hit.label)
        .sort((a, b) => a - b),
    ).toEqual([9, 30]);
  });

  it("saves and loads an empty index", () => {
    const file = path.join(directory, "nested", "empty.hnsw");
    HnswVectorIndex.create(DIMENSIONS).save(file);
    const loaded = HnswVectorIndex.load(file, DIMENSIONS);
    expect(loaded.size).toBe(0);
    expect(loaded.search(randomVectors(1, 3)[0] as Float32Array, 5)).toEqual([]);
  });

  it("refuses files that are missing, damaged or built for other dimensions", () => {
    const file = path.join(directory, "vectors.hnsw");
    expect(() => HnswVectorIndex.load(file, DIMENSIONS)).toThrow(
      expect.objectContaining({ code: "index_unavailable" }),
    );
    filled([1, 2]).index.save(file);
    expect(() => HnswVectorIndex.load(file, 32)).toThrow(
      expect.objectContaining({ code: "index_embedder_mismatch" }),
    );
    writeFileSync(file, "inte ett index");
    expect(() => HnswVectorIndex.load(file, DIMENSIONS)).toThrow(
      expect.objectContaining({ code: "index_unavailable" }),
    );
  });
});
