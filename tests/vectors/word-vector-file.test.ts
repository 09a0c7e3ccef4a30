import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { SamsynError } from "../../src/errors.ts";
import { trainWordVectors } from "../../src/vectors/train-word-vectors.ts";
import { loadWordVectors, saveWordVectors } from "../../src/vectors/word-vector-file.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

const directory = mkdtempSync(join(tmpdir(), "samsyn-vectors-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("word-vector files", () => {
  it("keeps vocabulary, neighbours, IDF and metadata through a save and load", async () => {
    const model = await trainWordVectors(syntheticCorpus(), {
      dimensions: 8,
      window: 3,
      minCount: 2,
      name: "test-vectors",
      analyzerVersion: "test-analyzer-1",
      provenance: { corpus: "synthetic sentences" },
    });
    const path = join(directory, "model.vec.gz");
    saveWordVectors(model, path);
    const loaded = loadWordVectors(path);
    expect(loaded.id).toBe(model.id);
    expect(loaded.size).toBe(model.size);
    expect(loaded.dimensions).toBe(model.dimensions);
    expect(loaded.metadata).toEqual(model.metadata);
    for (const term of ["alfa", "gamma", "lyser", "hagen"]) {
      expect(loaded.nearest(term, 3)).toEqual(model.nearest(term, 3));
      expect(loaded.idf(term)).toBe(model.idf(term));
    }
    expect(loaded.idf("okänt")).toBe(model.idf("okänt"));
  });

  it("keeps the stored neighbours, and still reads files from before they were stored", async () => {
    const model = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const path = join(directory, "neighbours.vec.gz");
    saveWordVectors(model, path);
    const loaded = loadWordVectors(path);
    expect(loaded.data.neighbours).toEqual(model.data.neighbours);

    // A version-1 file: the same layout without the neighbour section.
    const bytes = gunzipSync(readFileSync(path));
    const headerLength = bytes.readUInt32LE(8);
    const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString("utf8"));
    header.formatVersion = 1;
    const body = bytes.subarray(12 + headerLength, 12 + headerLength + header.sections.neighbours.offset);
    delete header.sections.neighbours;
    const oldHeader = Buffer.from(JSON.stringify(header), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(oldHeader.length);
    const oldPath = join(directory, "version-1.vec.gz");
    writeFileSync(oldPath, gzipSync(Buffer.concat([bytes.subarray(0, 8), length, oldHeader, body])));
    const old = loadWordVectors(oldPath);
    expect(old.data.neighbours).toBeUndefined();
    expect(old.id).toBe(model.id);
    for (const term of ["alfa", "gamma", "lyser"])
      expect(old.nearest(term, 2)).toEqual(model.nearest(term, 2));
  });

  it("refuses a file that is not a word-vector file, naming it and how to rebuild it", () => {
    const path = join(directory, "wrong.vec.gz");
    writeFileSync(path, gzipSync(Buffer.from("inte en vektorfil")));
    expect(() => loadWordVectors(path)).toThrow(SamsynError);
    expect(() => loadWordVectors(path)).toThrow(/wrong\.vec\.gz.*vectors-train-command/s);
    expect(() => loadWordVectors(join(directory, "saknas.vec.gz"))).toThrow(/saknas/);
  });

  it("refuses a truncated file", async () => {
    const model = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const path = join(directory, "whole.vec.gz");
    saveWordVectors(model, path);
    const bytes = gunzipSync(readFileSync(path));
    const truncated = join(directory, "truncated.vec.gz");
    writeFileSync(truncated, gzipSync(bytes.subarray(0, bytes.length - 100)));
    expect(() => loadWordVectors(truncated)).toThrow(/avkortad/);
  });
});
