import { describe, expect, it } from "vitest";
import { adaptWordVectors } from "../../src/vectors/adapt-word-vectors.ts";
import { trainWordVectors } from "../../src/vectors/train-word-vectors.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

const OPTIONS = { dimensions: 8, window: 3, minCount: 2, seed: 3 };

describe("adaptWordVectors", () => {
  it("places a word the base model lacks near the words it shares contexts with", async () => {
    const base = await trainWordVectors(syntheticCorpus(), OPTIONS);
    expect(base.has("omega")).toBe(false);
    // The user's documents use "omega" where the base corpus used alfa and beta.
    const adapted = await adaptWordVectors(base, syntheticCorpus(40, 11, "omega"));
    expect(adapted.has("omega")).toBe(true);
    const neighbours = adapted.nearest("omega", 4).map((neighbour) => neighbour.term);
    expect(neighbours.some((term) => term === "alfa" || term === "beta")).toBe(true);
    expect(adapted.nearest("alfa", 10).map((neighbour) => neighbour.term)).toContain("omega");
    expect(neighbours).not.toContain("gamma");
  });

  it("lets a new word be a known word's nearest neighbour, though the base model stored its neighbours", async () => {
    const base = await trainWordVectors(syntheticCorpus(), OPTIONS);
    const adapted = await adaptWordVectors(base, syntheticCorpus(40, 11, "omega"));
    expect(base.nearest("alfa", 2).map((neighbour) => neighbour.term)).not.toContain("omega");
    expect(adapted.nearest("alfa", 2).map((neighbour) => neighbour.term)).toContain("omega");
  });

  it("keeps known vectors, skips rare new words and blends the IDF of new ones", async () => {
    const base = await trainWordVectors(syntheticCorpus(), OPTIONS);
    const documents = [...syntheticCorpus(40, 11, "omega"), ["alfa", "lyser", "engångsord"]];
    const adapted = await adaptWordVectors(base, documents, { minCount: 2 });
    expect(adapted.vector("alfa")).toEqual(base.vector("alfa"));
    expect(adapted.has("engångsord")).toBe(false);
    expect(adapted.idf("omega")).toBeLessThan(base.idf("okänt"));
    expect(adapted.idf("omega")).toBeGreaterThan(0);
    expect(adapted.size).toBe(base.size + 1);
    expect(adapted.metadata.adaptation).toMatchObject({ newTerms: 1, base: base.id });
    expect(adapted.id).not.toBe(base.id);
  });
});
