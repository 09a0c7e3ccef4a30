import { describe, expect, it } from "vitest";
import { zScoreFusion } from "../../src/retrieval/z-score-fusion.ts";

const hits = (...pairs: [string, number][]) => pairs.map(([key, score]) => ({ key, score }));

describe("zScoreFusion", () => {
  it("lets a side that is far more certain about its first hit win", () => {
    // Keyword side: "a" barely ahead. Vector side: "b" far ahead of the rest.
    const fused = zScoreFusion([
      { weight: 1, hits: hits(["a", 10], ["b", 9.8], ["c", 9.6], ["d", 9.4]) },
      { weight: 1, hits: hits(["b", 0.9], ["a", 0.3], ["c", 0.29], ["d", 0.28]) },
    ]);
    expect(fused[0]?.key).toBe("b");
  });

  it("weighs the lists", () => {
    const lists = (vectorWeight: number) =>
      zScoreFusion([
        { weight: 1, hits: hits(["a", 3], ["b", 1], ["c", 0]) },
        { weight: vectorWeight, hits: hits(["c", 3], ["b", 1], ["a", 0]) },
      ]);
    expect(lists(0.5)[0]?.key).toBe("a");
    expect(lists(2)[0]?.key).toBe("c");
  });

  it("gives a key a list did not find that list's lowest score, not zero", () => {
    const fused = zScoreFusion([
      { weight: 1, hits: hits(["a", 5], ["b", 4], ["c", 0]) },
      { weight: 1, hits: hits(["a", 5], ["b", 4]) },
    ]);
    expect(fused.map((item) => item.key)).toEqual(["a", "b", "c"]);
  });

  it("keeps the few passages holding a rare term ahead of those without it, however alike their scores", () => {
    // "KS" is in two passages with almost the same bm25; the vector side only guesses.
    const fused = zScoreFusion([
      { weight: 1, hits: hits(["uses-ks", 2.987], ["also-ks", 3.008]), absentScore: 0 },
      {
        weight: 1,
        hits: hits(["also-ks", 0.22], ["b", 0.2], ["c", 0.19], ["d", 0.19], ["e", 0.18], ["f", 0.18]),
      },
    ]);
    expect(fused.slice(0, 2).map((item) => item.key)).toEqual(["also-ks", "uses-ks"]);
  });

  it("handles empty lists", () => {
    expect(zScoreFusion([{ weight: 1, hits: [] }])).toEqual([]);
  });
});
