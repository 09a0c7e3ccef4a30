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

  it("finds its phrases in any inflection, with the words documents use for them", () => {
    const thesaurus = parseThesaurus("komma igång\tbörja|starta\nta hand om\tsköta\n", analyzer);
    expect(thesaurus.phrases("Varför har Kultur på Recept inte kommit igång än?")).toEqual([
      { terms: [stem("kommit"), stem("igång")], synonyms: [stem("börja"), stem("starta")] },
    ]);
    expect(thesaurus.phrases("Vem tar hand om ärendet?")).toEqual([]);
    expect(thesaurus.phrases("Vem ska ta hand om ärendet?").map((match) => match.synonyms)).toEqual([
      [stem("sköta")],
    ]);
  });
});
