import { describe, expect, it } from "vitest";
import { coverage, weighQueryWords } from "../../src/answer/query-words.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const uniform = (terms: readonly string[]) => ({
  frequencies: new Map(terms.map((term) => [term, 1])),
  total: 10,
});
const words = (question: string) => weighQueryWords(analyzer.analyzeWords(question), uniform);
const terms = (sentence: string) => new Set(analyzer.analyze(sentence));

describe("coverage", () => {
  it("counts a compound ending in the asked word as most of a match", () => {
    // Plan- och bygglagen writes "Kommunfullmäktige"; members ask about "fullmäktige".
    const question = words("fullmäktige");
    const result = coverage(question, terms("Kommunfullmäktige ska anta en planeringsstrategi."));
    expect(result.covered).toHaveLength(1);
    expect(result.weight).toBeGreaterThan(0.5 * (question[0]?.weight ?? 0));
    expect(result.weight).toBeLessThan(question[0]?.weight ?? 0);
  });

  it("does not match short stems inside longer words", () => {
    expect(coverage(words("tid"), terms("Uppsägningstiden är sex månader.")).covered).toEqual([]);
  });
});
