import { describe, expect, it } from "vitest";
import { CompoundSplitter, loadDefaultLexicon, tokenize } from "../../src/text/index.ts";
import { seedText } from "./seed-texts.ts";

const splitter = new CompoundSplitter(loadDefaultLexicon());

describe("CompoundSplitter with the shipped lexicon", () => {
  it("splits compounds from the seed documents at the linking -s", () => {
    expect(splitter.split("samverkansberedningen")).toEqual(["samverkan", "beredningen"]);
    expect(splitter.split("uppföljningsrapporten")).toEqual(["uppföljning", "rapporten"]);
    expect(splitter.split("samverkansöverenskommelse")).toEqual(["samverkan", "överenskommelse"]);
    expect(splitter.split("utvecklingsnämnd")).toEqual(["utveckling", "nämnd"]);
    expect(splitter.split("beslutsbefogenheter")).toEqual(["beslut", "befogenheter"]);
  });

  it("turns a linking vowel back into the word's own form", () => {
    expect(splitter.split("hälsoskillnader")).toEqual(["hälsa", "skillnader"]);
    expect(splitter.split("arbetsgruppen")).toEqual(["arbete", "gruppen"]);
  });

  it("splits three-part compounds", () => {
    expect(splitter.split("barnavårdscentraler")).toEqual(["barn", "vård", "centraler"]);
    expect(splitter.split("målområdesarbetet")).toEqual(["mål", "område", "arbetet"]);
  });

  it("keeps established words whole", () => {
    for (const word of [
      "verksamhet",
      "verksamheten",
      "beredning",
      "samverkan",
      "överenskommelse",
      "ordförande",
    ]) {
      expect(splitter.split(word), word).toEqual([word]);
    }
  });

  it("does not read derivational suffixes or prefixes as words", () => {
    for (const word of [
      "hållbarheten",
      "tryggheten",
      "förskolor",
      "utvecklingen",
      "planeringen",
      "styrande",
    ]) {
      expect(splitter.split(word), word).toEqual([word]);
    }
  });

  it("leaves short, unknown and non-alphabetic words alone", () => {
    expect(splitter.split("hsn")).toEqual(["hsn"]);
    expect(splitter.split("qwrtzplkmnb")).toEqual(["qwrtzplkmnb"]);
    expect(splitter.split("agenda2030")).toEqual(["agenda2030"]);
  });

  it("splits most long compounds of the Laholm agreement into known words", () => {
    const words = tokenize(seedText("000"))
      .map((token) => token.text.toLowerCase())
      .filter((word) => word.startsWith("samverkans") || word.startsWith("målområdes"));
    expect(words.length).toBeGreaterThan(5);
    const splits = words.map((word) => splitter.split(word)).filter((parts) => parts.length > 1);
    expect(splits.length / words.length).toBeGreaterThanOrEqual(0.8);
    for (const parts of splits) expect(["samverkan", "mål"]).toContain(parts[0]);
  });

  it("segments committee compounds into a requested number of parts", () => {
    expect(splitter.segment("nämndtjänstemän", 2)).toEqual(["nämnd", "tjänstemän"]);
    expect(splitter.segment("kommunstyrelsens", 2)).toEqual(["kommun", "styrelsens"]);
    expect(splitter.segment("kommunfullmäktige", 2)).toEqual(["kommun", "fullmäktige"]);
    expect(splitter.segment("barnavårdscentraler", 3)).toEqual(["barn", "vård", "centraler"]);
    expect(splitter.segment("kommunen", 2)).toBeUndefined();
  });
});

describe("CompoundSplitter rules", () => {
  const lexicon = new Map([
    ["vatten", 500],
    ["kraft", 400],
    ["verk", 300],
    ["vattenkraft", 2],
    ["kraftverk", 1000],
    ["fisk", 200],
    ["odling", 150],
  ]);
  const small = new CompoundSplitter(lexicon);

  it("prefers fewest parts even over more frequent smaller parts", () => {
    const rare = new CompoundSplitter(new Map([...lexicon, ["kraftverk", 20]]));
    expect(rare.split("vattenkraftverket")).toEqual(["vatten", "kraftverket"]);
  });

  it("splits a known word when its parts are far more frequent", () => {
    expect(small.split("vattenkraft")).toEqual(["vatten", "kraft"]);
  });

  it("keeps a word that is more frequent than its parts", () => {
    expect(small.split("kraftverk")).toEqual(["kraftverk"]);
    expect(small.split("kraftverken")).toEqual(["kraftverken"]);
  });

  it("segments a word it keeps whole when asked for its parts", () => {
    expect(small.split("kraftverk")).toEqual(["kraftverk"]);
    expect(small.segment("kraftverk", 2)).toEqual(["kraft", "verk"]);
    expect(small.segment("vattenkraftverket", 2)).toEqual(["vatten", "kraftverket"]);
    expect(small.segment("vattenkraftverket", 3)).toEqual(["vatten", "kraft", "verket"]);
  });

  it("segments into no other number of parts than asked, and only into known words", () => {
    expect(small.segment("vattenkraft", 3)).toBeUndefined();
    expect(small.segment("fiskodlare", 2)).toBeUndefined();
  });

  it("needs every part in the lexicon", () => {
    expect(small.split("fiskodlingar")).toEqual(["fisk", "odlingar"]);
    expect(small.split("fiskodlare")).toEqual(["fiskodlare"]);
  });

  it("ignores parts rarer than the minimum frequency", () => {
    const strict = new CompoundSplitter(lexicon, { minPartFrequency: 180 });
    expect(strict.split("fiskodlingar")).toEqual(["fiskodlingar"]);
  });
});

describe("CompoundSplitter on very long tokens", () => {
  it("keeps a token far longer than any compound whole instead of searching its splits", () => {
    const splitter = new CompoundSplitter(
      new Map([
        ["samverkan", 500],
        ["beredning", 400],
      ]),
    );
    const long = "samverkansberedning".repeat(10_000);
    expect(splitter.split(long)).toEqual([long]);
    expect(splitter.segment(long, 2)).toBeUndefined();
  });
});
