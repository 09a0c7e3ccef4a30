import { describe, expect, it } from "vitest";
import { trainWordVectors } from "../../src/vectors/train-word-vectors.ts";
import { WordVectorEmbedder } from "../../src/vectors/word-vector-embedder.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

const words = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];
const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe("WordVectorEmbedder", () => {
  it("puts a sentence closer to a paraphrase with other words than to an unrelated sentence", async () => {
    const model = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const embedder = new WordVectorEmbedder(model, words);
    const [query, paraphrase, unrelated] = await embedder.embed(
      ["alfa lyser", "beta syns på himlen", "gamma betar i hagen"],
      "query",
    );
    if (!query || !paraphrase || !unrelated) throw new Error("missing vectors");
    expect(dot(query, paraphrase)).toBeGreaterThan(dot(query, unrelated) + 0.2);
  });

  it("returns unit vectors, and the zero vector for a text without known terms", async () => {
    const model = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const embedder = new WordVectorEmbedder(model, words);
    const [known, unknown, empty] = await embedder.embed(
      ["alfa lyser över havet", "helt okända ord", ""],
      "passage",
    );
    expect(Math.hypot(...(known ?? []))).toBeCloseTo(1, 5);
    expect([...(unknown ?? [])].every((value) => value === 0)).toBe(true);
    expect(empty?.length).toBe(embedder.dimensions);
    expect(embedder.dimensions).toBe(model.dimensions);
  });

  it("names the model, dimensions and analyzer in its id, so a change forces a rebuild", async () => {
    const model = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const other = await trainWordVectors(syntheticCorpus(), { dimensions: 6, window: 3, minCount: 2 });
    const embedder = new WordVectorEmbedder(model, words);
    expect(embedder.id).toContain(model.id);
    expect(embedder.id).toContain(String(model.dimensions));
    expect(new WordVectorEmbedder(other, words).id).not.toBe(embedder.id);
    expect(new WordVectorEmbedder(model, words, "analyzer-2").id).toContain("analyzer-2");
  });

  it("weights rare terms above common ones", async () => {
    const model = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const embedder = new WordVectorEmbedder(model, words);
    // "i" is in most frames, "stjärnkikare" in one: the mix must lean to the rarer term.
    const mixed = embedder.embedOne("i stjärnkikare");
    const rare = embedder.embedOne("stjärnkikare");
    const common = embedder.embedOne("i");
    expect(dot(mixed, rare)).toBeGreaterThan(dot(mixed, common));
  });
});
