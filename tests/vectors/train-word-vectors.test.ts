import { describe, expect, it } from "vitest";
import { SamsynError } from "../../src/errors.ts";
import { STORED_NEIGHBOURS, trainWordVectors } from "../../src/vectors/train-word-vectors.ts";
import { createWordVectorModel, type WordVectorModel } from "../../src/vectors/word-vector-model.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

const OPTIONS = { dimensions: 8, window: 3, minCount: 2, seed: 3 };

function cosine(model: WordVectorModel, a: string, b: string): number {
  const x = model.vector(a);
  const y = model.vector(b);
  if (!x || !y) throw new Error(`missing vector for ${a} or ${b}`);
  return x.reduce((sum, value, index) => sum + value * (y[index] ?? 0), 0);
}

describe("trainWordVectors", () => {
  it("makes words that share contexts each other's nearest neighbours", async () => {
    const model = await trainWordVectors(syntheticCorpus(), OPTIONS);
    expect(model.nearest("alfa", 1)[0]?.term).toBe("beta");
    expect(model.nearest("gamma", 1)[0]?.term).toBe("delta");
    expect(cosine(model, "alfa", "beta")).toBeGreaterThan(cosine(model, "alfa", "gamma") + 0.3);
  });

  it("returns unit vectors and nearest() ordered by similarity without the term itself", async () => {
    const model = await trainWordVectors(syntheticCorpus(), OPTIONS);
    const vector = model.vector("lyser");
    expect(vector).toBeDefined();
    expect(Math.hypot(...(vector ?? []))).toBeCloseTo(1, 5);
    const neighbours = model.nearest("lyser", 5);
    expect(neighbours.map((neighbour) => neighbour.term)).not.toContain("lyser");
    const similarities = neighbours.map((neighbour) => neighbour.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    expect(model.nearest("lyser", 5, 2)).toEqual([]);
  });

  it("stores each term's nearest neighbours exactly as a search finds them", async () => {
    const model = await trainWordVectors(syntheticCorpus(), OPTIONS);
    expect(model.data.neighbours?.length).toBe(model.size * STORED_NEIGHBOURS);
    const searched = createWordVectorModel({ ...model.data, neighbours: undefined });
    for (const term of model.data.terms) {
      for (const [k, minSimilarity] of [
        [1, -1],
        [2, 0.7],
        [STORED_NEIGHBOURS, 0],
        [STORED_NEIGHBOURS + 3, -1],
      ] as const) {
        expect(model.nearest(term, k, minSimilarity)).toEqual(searched.nearest(term, k, minSimilarity));
      }
    }
  });

  it("gives rarer terms a higher IDF and unknown terms the highest", async () => {
    const model = await trainWordVectors(syntheticCorpus(), OPTIONS);
    // "i" is in most frames, "stjärnkikare" in one of six.
    expect(model.idf("stjärnkikare")).toBeGreaterThan(model.idf("i"));
    expect(model.idf("okänt")).toBeGreaterThan(model.idf("stjärnkikare"));
    expect(model.has("okänt")).toBe(false);
    expect(model.vector("okänt")).toBeUndefined();
    expect(model.nearest("okänt", 3)).toEqual([]);
  });

  it("is deterministic for a seed and records how it was trained", async () => {
    const first = await trainWordVectors(syntheticCorpus(), OPTIONS);
    const second = await trainWordVectors(syntheticCorpus(), OPTIONS);
    expect(second.id).toBe(first.id);
    expect(first.metadata.training).toMatchObject({ window: 3, minCount: 2, method: "ppmi-svd" });
    expect(first.metadata.documentCount).toBe(300);
    const other = await trainWordVectors(syntheticCorpus(), { ...OPTIONS, seed: 4 });
    expect(other.id).not.toBe(first.id);
  });

  it("accepts async iterables and drops terms below the minimum count", async () => {
    async function* documents() {
      yield* syntheticCorpus();
      yield ["ensam"];
    }
    const model = await trainWordVectors(documents(), OPTIONS);
    expect(model.has("ensam")).toBe(false);
    expect(model.has("alfa")).toBe(true);
  });

  it("refuses a corpus too small to learn from, saying what to do", async () => {
    await expect(trainWordVectors([["ett", "ord"]], OPTIONS)).rejects.toThrow(/För lite text.*sänk/);
    await expect(trainWordVectors([], OPTIONS)).rejects.toThrow(SamsynError);
  });
});
