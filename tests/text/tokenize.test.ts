import { describe, expect, it } from "vitest";
import { normalizeText, tokenize } from "../../src/text/index.ts";
import { seedNames, seedText } from "./seed-texts.ts";

const texts = (text: string) => tokenize(text).map((token) => token.text);

describe("tokenize", () => {
  it("keeps Swedish letters inside words and the surface case", () => {
    expect(texts("Överenskommelse om Ånge, Härnösand och Örnsköldsvik.")).toEqual([
      "Överenskommelse",
      "om",
      "Ånge",
      "Härnösand",
      "och",
      "Örnsköldsvik",
    ]);
  });

  it("reports offsets into the input", () => {
    const input = "Samverkan i Region Halland";
    for (const token of tokenize(input)) expect(input.slice(token.start, token.end)).toBe(token.text);
  });

  it("joins thousands groups of exactly three digits", () => {
    expect(texts("Total 1 222 tkr, 12 345 678 kr")).toEqual(["Total", "1222", "tkr", "12345678", "kr"]);
    expect(texts("år 2018 fick 12 av 3 4567")).toEqual(["år", "2018", "fick", "12", "av", "3", "4567"]);
    expect(texts("1\u00a0222")).toEqual(["1222"]);
  });

  it("does not join a number to one before it", () => {
    expect(texts("mellan 2017 123 och 2018")).toEqual(["mellan", "2017", "123", "och", "2018"]);
  });

  it("joins a word split by a hyphen at a line break, but not a coordination", () => {
    expect(texts("sam-\nverkan")).toEqual(["samverkan"]);
    expect(texts("Samhälls-\n\nbyggnadskontoret")).toEqual(["Samhällsbyggnadskontoret"]);
    expect(texts("Hälso- och sjukvård")).toEqual(["Hälso", "och", "sjukvård"]);
    expect(texts("Barn- \noch utbildningsnämnden")).toEqual(["Barn", "och", "utbildningsnämnden"]);
    expect(texts("VGR-\nSe över")).toEqual(["VGR", "Se", "över"]);
  });

  it("covers the whole written span of a joined word", () => {
    const [token] = tokenize("sam-\nverkan");
    expect(token).toEqual({ text: "samverkan", start: 0, end: 11 });
  });

  it("drops colon endings of abbreviations and ordinals", () => {
    expect(texts("FN:s konvention och LUPP:en, den 4:e")).toEqual([
      "FN",
      "konvention",
      "och",
      "LUPP",
      "den",
      "4",
    ]);
    expect(texts("prop. 1958:B 1")).toEqual(["prop", "1958", "B", "1"]);
  });

  it("separates on punctuation, dashes and section signs", () => {
    expect(texts("3 § – se (bilaga) “Hälsa på lika villkor”")).toEqual([
      "3",
      "se",
      "bilaga",
      "Hälsa",
      "på",
      "lika",
      "villkor",
    ]);
  });

  it("reads decomposed letters as one word in NFC", () => {
    expect(texts("A\u030agerbruk")).toEqual(["Ågerbruk"]);
  });
});

describe("normalizeText", () => {
  it("lower-cases, joins line-break hyphens and digit groups, unifies dashes and quotes", () => {
    expect(normalizeText("Sam-\nverkan – ”Välmående” kostar 1 222 kr")).toBe(
      'samverkan - "välmående" kostar 1222 kr',
    );
  });

  it("composes decomposed letters", () => {
    expect(normalizeText("A\u030ange")).toBe("ånge");
  });

  it("gives the same words as tokenising the raw seed texts and lower-casing them", () => {
    for (const file of seedNames()) {
      const raw = seedText(file);
      const lowered = tokenize(raw).map((token) => token.text.toLowerCase());
      expect(texts(normalizeText(raw)), file).toEqual(lowered);
    }
  });
});
