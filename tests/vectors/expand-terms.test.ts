import { describe, expect, it } from "vitest";
import { buildExpansionTable, expandTerms } from "../../src/vectors/expand-terms.ts";
import { trainWordVectors } from "../../src/vectors/train-word-vectors.ts";
import type { WordVectorModel } from "../../src/vectors/word-vector-model.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

async function modelWithShortAndNumericTerms(): Promise<WordVectorModel> {
  // "ko" (two letters) and "12" take turns with beta in its frames, so they are alfa's close neighbours.
  const substitutes = ["beta", "ko", "12"];
  const corpus = syntheticCorpus().map((words, document) =>
    words.map((word, index) => (word === "beta" ? (substitutes[(document + index) % 3] ?? word) : word)),
  );
  return trainWordVectors(corpus, { dimensions: 8, window: 3, minCount: 2 });
}

describe("expandTerms", () => {
  it("adds each query term's close neighbours with their similarity and source", async () => {
    const model = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const expansions = expandTerms(model, ["alfa", "lyser"], { perTerm: 2, minSimilarity: 0.5 });
    const beta = expansions.find((expansion) => expansion.term === "beta");
    expect(beta).toMatchObject({ source: "alfa" });
    expect(beta?.similarity).toBeGreaterThan(0.5);
    expect(expansions.every((expansion) => expansion.similarity >= 0.5)).toBe(true);
    expect(expansions.map((expansion) => expansion.term)).not.toContain("alfa");
    const similarities = expansions.map((expansion) => expansion.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
  });

  it("respects the similarity threshold and the per-term limit", async () => {
    const model = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    expect(expandTerms(model, ["alfa"], { minSimilarity: 1.01 })).toEqual([]);
    const table = buildExpansionTable(model, ["alfa", "lyser"], { perTerm: 1, minSimilarity: -1 });
    expect(table.get("alfa")).toHaveLength(1);
    expect(table.get("lyser")).toHaveLength(1);
  });

  it("never expands or adds short or numeric terms, nor terms already in the query", async () => {
    const model = await modelWithShortAndNumericTerms();
    expect(model.nearest("alfa", 5).map((neighbour) => neighbour.term)).toEqual(
      expect.arrayContaining(["ko", "12"]),
    );
    const added = expandTerms(model, ["alfa", "beta", "ko", "12"], { perTerm: 5, minSimilarity: -1 });
    const terms = added.map((expansion) => expansion.term);
    expect(terms).not.toContain("ko");
    expect(terms).not.toContain("12");
    expect(terms).not.toContain("beta");
    expect(added.map((expansion) => expansion.source)).not.toContain("ko");
    expect(buildExpansionTable(model, ["12", "ko"]).size).toBe(0);
  });
});
