import { describe, expect, it } from "vitest";
import { expandQuery } from "../../src/retrieval/query-expansion.ts";
import { createSwedishAnalyzer, loadDefaultThesaurus } from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const thesaurus = loadDefaultThesaurus(analyzer);
const stem = (word: string) => analyzer.analyzeWords(word)[0]?.[0] ?? "";

describe("expandQuery", () => {
  it("bridges an everyday word to the word documents use, through the thesaurus", () => {
    const expansions = expandQuery([stem("möte")], { thesaurus }, () => true);
    const terms = expansions.map((expansion) => expansion.term);
    expect(terms).toContain(stem("sammanträde"));
    expect(expansions.every((expansion) => expansion.kind === "synonym" && expansion.credit < 1)).toBe(true);
  });

  it("reaches one more step through a synonym's synonyms, for less credit", () => {
    // "träffas" → "mötas" → "sammanträda": the documents say "sammanträden", the member "träffas".
    const expansions = expandQuery([stem("träffas")], { thesaurus }, () => true);
    const direct = expansions.find((expansion) => expansion.term === stem("möte"));
    const second = expansions.find((expansion) => expansion.term === stem("sammanträde"));
    expect(direct).toBeDefined();
    expect(second).toBeDefined();
    expect(second?.credit).toBeLessThan(direct?.credit ?? 0);
  });

  it("keeps an expansion for every question word it stands in for", () => {
    const expansions = expandQuery([stem("träffas"), stem("möten")], { thesaurus }, () => true);
    const sources = expansions
      .filter((expansion) => expansion.term === stem("sammanträde"))
      .map((expansion) => expansion.source);
    expect(sources.sort()).toEqual([stem("möten"), stem("träffas")].sort());
  });

  it("lets an everyday phrase stand for the word documents use", () => {
    const expansions = expandQuery(
      analyzer.queryTerms("Varför har projektet inte kommit igång?"),
      { thesaurus },
      () => true,
      undefined,
      "Varför har projektet inte kommit igång?",
    );
    const forStart = expansions.filter((expansion) => expansion.term === stem("starta"));
    expect(forStart.map((expansion) => expansion.source).sort()).toEqual(
      [stem("igång"), stem("kommit")].sort(),
    );
    // "inte" is kept for matching but has no synonyms ("int" is also the stem of "inta").
    expect(expansions.some((expansion) => expansion.source === stem("inte"))).toBe(false);
  });

  it("keeps only terms the index contains", () => {
    const indexed = new Set([stem("sammanträde")]);
    const expansions = expandQuery([stem("möte")], { thesaurus }, (term) => indexed.has(term));
    expect(expansions.map((expansion) => expansion.term)).toEqual([stem("sammanträde")]);
  });

  it("adds word-vector neighbours above the threshold only, with less credit the less similar", () => {
    const neighbours = {
      nearest: (_term: string, k: number, minSimilarity: number) =>
        [
          { term: "suppleant", similarity: 0.85 },
          { term: "ersättare", similarity: 0.72 },
          { term: "kommun", similarity: 0.4 },
        ]
          .filter((neighbour) => neighbour.similarity >= minSimilarity)
          .slice(0, k),
    };
    const expansions = expandQuery(["ledamot"], { neighbours }, () => true);
    expect(expansions.map((expansion) => expansion.term)).toEqual(["suppleant", "ersättare"]);
    const [first, second] = expansions;
    expect(first && second && first.credit > second.credit).toBe(true);
  });

  it("never expands or adds digits and very short stems", () => {
    const neighbours = {
      nearest: () => [
        { term: "12", similarity: 0.99 },
        { term: "ab", similarity: 0.99 },
      ],
    };
    expect(expandQuery(["2018", "ledamot"], { neighbours }, () => true)).toEqual([]);
  });
});
