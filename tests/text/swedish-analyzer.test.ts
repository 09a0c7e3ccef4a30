import { describe, expect, it } from "vitest";
import {
  createSwedishAnalyzer,
  numberWordToDigits,
  SWEDISH_STOP_WORDS,
  stemSwedish,
} from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();

describe("numberWordToDigits", () => {
  it("turns cardinals into digits", () => {
    expect(numberWordToDigits("fyra")).toBe("4");
    expect(numberWordToDigits("tolv")).toBe("12");
    expect(numberWordToDigits("två")).toBe("2");
    expect(numberWordToDigits("Sex")).toBe("6");
  });

  it("leaves articles, ordinals and other words alone", () => {
    for (const word of ["en", "ett", "fjärde", "andra", "första", "möten"]) {
      expect(numberWordToDigits(word), word).toBeUndefined();
    }
  });
});

describe("Swedish analyzer", () => {
  it("analyses a spelled-out and a written number alike", () => {
    expect(analyzer.analyze("fyra möten")).toEqual(analyzer.analyze("4 möten"));
    expect(analyzer.queryTerms("Har de fyra möten per år?")).toEqual(["4", "möt", "år"]);
  });

  it("adds compound parts after the whole word's stem", () => {
    expect(analyzer.analyze("Samverkansberedningen")).toEqual([
      "samverkansberedning",
      "samverkan",
      "beredning",
    ]);
  });

  it("lets a question about a part find the compound", () => {
    const indexed = analyzer.analyze("Samverkansberedningen har inga beslutsbefogenheter.");
    for (const term of analyzer.queryTerms("Vilka befogenheter har beredningen?"))
      expect(indexed).toContain(term);
  });

  it("drops stop words but keeps negations", () => {
    expect(analyzer.analyze("Vem är det som har inga eller ej några beslut")).toEqual([
      stemSwedish("inga"),
      "ej",
      "beslut",
    ]);
    for (const negation of ["inte", "ej", "icke", "ingen", "inga", "inget", "aldrig"]) {
      expect(SWEDISH_STOP_WORDS.has(negation), negation).toBe(false);
    }
  });

  it("stems inflections to the same term", () => {
    expect(analyzer.queryTerms("nämnden")).toEqual(analyzer.queryTerms("nämnder"));
    expect(analyzer.analyze("FN:s konvention")).toEqual(["fn", stemSwedish("konvention")]);
  });

  it("joins digit groups and hyphenated line breaks as the tokenizer does", () => {
    expect(analyzer.analyze("Total 1 222 tkr")).toEqual(["total", "1222", "tkr"]);
    expect(analyzer.analyze("sam-\nverkan")).toEqual(["samverkan"]);
  });

  it("gives query terms without duplicates, in first-seen order", () => {
    expect(analyzer.queryTerms("möte möten mötet")).toEqual(["möt"]);
  });

  it("analyses the same text identically every time and across instances", () => {
    const text = "Lokala nämnder stimulerar folkhälsoarbetet i Laholms kommun.";
    const first = analyzer.analyze(text);
    expect(analyzer.analyze(text)).toEqual(first);
    expect(createSwedishAnalyzer().analyze(text)).toEqual(first);
    expect(createSwedishAnalyzer().version).toBe(analyzer.version);
  });

  it("names the lexicon in its version, so a new lexicon forces re-analysis", () => {
    const custom = createSwedishAnalyzer({ lexicon: new Map([["samverkan", 10]]) });
    expect(custom.version).not.toBe(analyzer.version);
    expect(custom.version).toMatch(/^sv-analysis-\d+\+lexicon-[0-9a-f]{16}$/);
    expect(createSwedishAnalyzer({ lexicon: new Map([["samverkan", 10]]) }).version).toBe(custom.version);
  });

  it("splits compounds with the lexicon it is given", () => {
    const custom = createSwedishAnalyzer({
      lexicon: new Map([
        ["kallelse", 40],
        ["rutin", 30],
      ]),
    });
    expect(custom.analyze("kallelserutiner")).toEqual([
      stemSwedish("kallelserutiner"),
      stemSwedish("kallelse"),
      stemSwedish("rutiner"),
    ]);
  });
});

describe("Swedish analyzer on tokens no word is as long as", () => {
  it("gives no terms for a letter run or base64 blob, and keeps the words around it", () => {
    const blob = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx".repeat(3_000);
    const text = `Samverkansberedningen ${"a".repeat(200_000)} träffas ${blob} fyra gånger`;
    expect(analyzer.analyze(text)).toEqual(analyzer.analyze("Samverkansberedningen träffas fyra gånger"));
  });

  it("analyses a word of the lexicon's longest length as before", () => {
    expect(analyzer.analyze("kommunikationsövervakningsuppgifter").length).toBeGreaterThan(1);
  });
});
