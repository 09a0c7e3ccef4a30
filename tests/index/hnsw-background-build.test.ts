import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HnswBackgroundBuild } from "../../src/index/hnsw-background-build.ts";
import { HnswVectorIndex } from "../../src/index/hnsw-vector-index.ts";

const DIMENSIONS = 8;

/** `count` vectors as views of one buffer they fill, in order (as an ingest keeps a document's). */
function documentVectors(count: number, seed: number): Float32Array[] {
  const block = new Float32Array(count * DIMENSIONS);
  for (let i = 0; i < block.length; i++) block[i] = Math.sin(seed * 31 + i * 7.3);
  return Array.from({ length: count }, (_, position) =>
    block.subarray(position * DIMENSIONS, (position + 1) * DIMENSIONS),
  );
}

describe("HnswBackgroundBuild", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "samsyn-background-build-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the file the main thread would, for points added one by one and a document's at once", () => {
    const single = documentVectors(3, 1);
    const documents = [documentVectors(5, 2), documentVectors(4, 3)];
    const expected = HnswVectorIndex.create(DIMENSIONS, { initialCapacity: 12 });
    let label = 1;
    for (const vector of [...single, ...documents.flat()]) expected.upsert(label++, vector);
    expected.save(path.join(dir, "main.hnsw"));

    const build = new HnswBackgroundBuild(DIMENSIONS, 12);
    for (const [position, vector] of single.entries()) build.add(position + 1, vector);
    build.addAll([4, 5, 6, 7, 8], documents[0] as Float32Array[]);
    build.addAll([9, 10, 11, 12], documents[1] as Float32Array[]);
    expect(build.size).toBe(12);
    build.save(path.join(dir, "worker.hnsw"));

    expect(readFileSync(path.join(dir, "worker.hnsw"))).toEqual(readFileSync(path.join(dir, "main.hnsw")));
    const loaded = HnswVectorIndex.load(path.join(dir, "worker.hnsw"), DIMENSIONS);
    expect(loaded.size).toBe(12);
  });

  it("hands a buffer to the worker once the documents sharing it have all been added", () => {
    const slab = documentVectors(5, 5);
    const build = new HnswBackgroundBuild(DIMENSIONS, 5);
    build.addAll([1, 2, 3], slab.slice(0, 3));
    expect(slab.every((vector) => vector.length === DIMENSIONS)).toBe(true);
    build.addAll([4, 5], slab.slice(3));
    // Moved, not copied: the caller's views are empty, the memory is the worker's.
    expect(slab.every((vector) => vector.length === 0)).toBe(true);
    build.save(path.join(dir, "moved.hnsw"));
    expect(HnswVectorIndex.load(path.join(dir, "moved.hnsw"), DIMENSIONS).size).toBe(5);
  });

  it("copies the points of a buffer not covered whole, keeping the order they were added in", () => {
    const slab = documentVectors(4, 6);
    const single = documentVectors(1, 7)[0] as Float32Array;
    const expected = HnswVectorIndex.create(DIMENSIONS, { initialCapacity: 3 });
    [slab[0], slab[1], single].forEach((vector, position) => {
      expected.upsert(position + 1, vector as Float32Array);
    });
    expected.save(path.join(dir, "main.hnsw"));

    const build = new HnswBackgroundBuild(DIMENSIONS, 3);
    build.addAll([1, 2], slab.slice(0, 2));
    build.add(3, single);
    build.save(path.join(dir, "worker.hnsw"));

    expect(slab.every((vector) => vector.length === DIMENSIONS)).toBe(true);
    expect(readFileSync(path.join(dir, "worker.hnsw"))).toEqual(readFileSync(path.join(dir, "main.hnsw")));
  });
});
