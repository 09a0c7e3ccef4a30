import { describe, expect, it } from "vitest";
import { joinedTerms } from "../../src/index/chunk-terms.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const part = (text: string) => ({ text, terms: analyzer.analyze(text).join(" ") });

describe("joinedTerms", () => {
  it("gives the terms an analysis of the joined text gives, from each part's own terms", () => {
    const parts = [
      part("Samverkansberedningen"),
      part("Mål och uppföljning"),
      part("Nämnden ska 1 222 gånger om året…"),
    ];
    expect(joinedTerms(analyzer, parts)).toEqual(analyzer.analyze(parts.map((item) => item.text).join("\n")));
  });

  it("joins a word hyphenated at the end of one part with the start of the next, as the joined text reads", () => {
    const parts = [part("Ansvaret för sam-"), part("verkan ligger hos nämnden")];
    const joined = analyzer.analyze("Ansvaret för sam-\nverkan ligger hos nämnden");
    expect(joinedTerms(analyzer, parts)).toEqual(joined);
    expect(joined).toContain(analyzer.analyze("samverkan")[0]);
  });
});
