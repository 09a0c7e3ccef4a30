import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "../../src/retrieval/reciprocal-rank-fusion.ts";

describe("reciprocalRankFusion", () => {
  it("ranks a passage found by both searches above one found by a single search", () => {
    const fused = reciprocalRankFusion([
      { weight: 1, keys: ["a", "b", "c"] },
      { weight: 1, keys: ["c", "d"] },
    ]);
    expect(fused[0]?.key).toBe("c");
    expect(fused.map((item) => item.key).sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("lets a heavier list decide ties between first places", () => {
    const fused = reciprocalRankFusion([
      { weight: 1, keys: ["keyword"] },
      { weight: 0.5, keys: ["vector"] },
    ]);
    expect(fused.map((item) => item.key)).toEqual(["keyword", "vector"]);
    expect(fused[0]?.ranks).toEqual([1, null]);
  });

  it("counts a key only once per list", () => {
    const [item] = reciprocalRankFusion([{ weight: 1, keys: ["a", "a"] }], 60);
    expect(item?.score).toBeCloseTo(1 / 61);
  });
});
