import { describe, expect, it } from "vitest";
import { createSwedishAnalyzer, parseThesaurus } from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const stem = (word: string) => analyzer.analyzeWords(word)[0]?.[0] ?? "";

describe("parseThesaurus", () => {
  it("links the present and passive of a verb ending in a vowel, which the stemmer keeps apart", () => {
    // Laholm's agreement: "Samverkansberedningen bistås av kommunchefen …"; members ask who "stöttar".
    const thesaurus = parseThesaurus("bistå\thjälpa\nhjälpa\tstötta|bistå\n", analyzer);
    expect(stem("bistås")).not.toBe(stem("bistå"));
    expect(thesaurus.synonyms(stem("hjälpa"))).toEqual(
      expect.arrayContaining([stem("bistå"), stem("bistår"), stem("bistås"), stem("stötta")]),
    );
    expect(thesaurus.synonyms(stem("bistås"))).toContain(stem("hjälpa"));
  });

  it("adds no forms to words the stemmer already reduces", () => {
    const thesaurus = parseThesaurus("möte\tsammanträde\n", analyzer);
    expect(thesaurus.synonyms(stem("möte"))).toEqual([stem("sammanträde")]);
  });
});
