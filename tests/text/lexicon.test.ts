import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildLexicon,
  DEFAULT_LEXICON_PATH,
  formatLexicon,
  loadDefaultLexicon,
  mergeLexicons,
  parseLexicon,
} from "../../src/text/index.ts";

describe("buildLexicon", () => {
  it("counts lower-case words of two or more letters, most frequent first", () => {
    const lexicon = buildLexicon(["Nämnden och nämnden.", "nämnden, 2018 och i Å"]);
    expect([...lexicon]).toEqual([
      ["nämnden", 3],
      ["och", 2],
    ]);
  });

  it("applies the count and size limits", () => {
    const texts = ["ett ett ett två två tre"];
    expect([...buildLexicon(texts, { minCount: 2 }).keys()]).toEqual(["ett", "två"]);
    expect([...buildLexicon(texts, { maxWords: 1 }).keys()]).toEqual(["ett"]);
  });

  it("merges lexicons by adding counts", () => {
    const merged = mergeLexicons(
      new Map([["vård", 2]]),
      new Map([
        ["vård", 3],
        ["skola", 1],
      ]),
    );
    expect(merged).toEqual(
      new Map([
        ["vård", 5],
        ["skola", 1],
      ]),
    );
  });
});

describe("lexicon files", () => {
  it("round-trips through the text format with comments", () => {
    const lexicon = new Map([
      ["övergripande", 4],
      ["arbete", 12],
    ]);
    const text = formatLexicon(lexicon, ["källa: test"]);
    expect(text.startsWith("# källa: test\narbete\t12\n")).toBe(true);
    expect(parseLexicon(text)).toEqual(lexicon);
  });

  it("rejects a malformed line and names it", () => {
    expect(() => parseLexicon("# ok\nord\t3\nbara-ord\n", "test.txt")).toThrow(/rad 3 i test\.txt/);
  });

  it("ships a Swedish lexicon under 1.5 MB that is read once", () => {
    expect(statSync(DEFAULT_LEXICON_PATH).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    const lexicon = loadDefaultLexicon();
    expect(lexicon.size).toBeGreaterThan(20_000);
    expect(lexicon.get("kommun")).toBeGreaterThan(100);
    expect(lexicon.get("samverkan")).toBeGreaterThan(10);
    expect(loadDefaultLexicon()).toBe(lexicon);
  });
});
