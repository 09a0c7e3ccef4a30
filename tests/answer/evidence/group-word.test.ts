import { describe, expect, it } from "vitest";
import { GROUP_WORD, groupWordCoverage, withGroupWord } from "../../../src/answer/evidence/group-word.ts";
import type { QueryWord } from "../../../src/answer/query-words.ts";

const word = (whole: string, weight: number): QueryWord => ({
  whole,
  parts: [],
  weight,
  alternatives: new Map(),
  focus: false,
});

describe("withGroupWord", () => {
  it("adds a word for the group, lighter than the question's own words on average", () => {
    const words = withGroupWord([word("kall", 2), word("möt", 1)], ["samverkansberedning"]);
    const group = words.find((item) => item.whole === GROUP_WORD);
    expect(group?.nameTerms).toEqual(["samverkansberedning"]);
    expect(group?.weight).toBeGreaterThan(0);
    expect(group?.weight).toBeLessThan(1.5);
  });

  it("adds nothing when the group's name gives no terms", () => {
    expect(withGroupWord([word("kall", 2)], [])).toHaveLength(1);
  });
});

describe("groupWordCoverage", () => {
  const [, group] = withGroupWord([word("stöd", 2)], ["lokal", "nämnd"]);
  if (group === undefined) throw new Error("no group word");

  it("counts a sentence opening with the group in full", () => {
    const terms = new Set(["lokal", "nämnd", "verk", "uppdrag"]);
    expect(groupWordCoverage([group], terms, new Set(["lokal", "nämnd"])).weight).toBeCloseTo(group.weight);
  });

  it("counts the group named in passing at half, and part of its name at a share", () => {
    const terms = new Set(["presidi", "lokal", "nämnd"]);
    expect(groupWordCoverage([group], terms, new Set(["presidi"])).weight).toBeCloseTo(group.weight / 2);
    expect(groupWordCoverage([group], new Set(["nämnd"]), new Set(["nämnd"])).weight).toBeCloseTo(
      group.weight / 2,
    );
  });

  it("covers nothing in a sentence about another body", () => {
    expect(groupWordCoverage([group], new Set(["regionstyrels"]), new Set()).covered).toEqual([]);
  });
});
