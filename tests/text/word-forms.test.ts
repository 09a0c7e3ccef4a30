import { describe, expect, it } from "vitest";
import { createSwedishAnalyzer, isTogetherForm, personNounForms } from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const stem = (word: string) => analyzer.analyzeWords(word)[0]?.[0] ?? "";

describe("personNounForms", () => {
  it("gives the older forms of a gender-neutral person noun, and back", () => {
    expect(personNounForms(stem("tjänstepersoner"))).toEqual(["tjänsteman", "tjänstemän"]);
    expect(personNounForms(stem("tjänstemän"))).toContain("tjänsteperson");
  });

  it("leaves other words and too short bases alone", () => {
    expect(personNounForms(stem("ordförande"))).toEqual([]);
    expect(personNounForms("roman")).toEqual([]);
  });
});

describe("isTogetherForm", () => {
  it("reads 'samman-' before a verb as a form of the verb", () => {
    expect(isTogetherForm(stem("sammankallande"), stem("kallar"))).toBe(true);
    expect(isTogetherForm(stem("sammankallas"), stem("kalla"))).toBe(true);
  });

  it("does not read other particles or the bare particle as forms", () => {
    expect(isTogetherForm(stem("uppdrag"), stem("drag"))).toBe(false);
    expect(isTogetherForm("samman", "")).toBe(false);
    expect(isTogetherForm(stem("kallelse"), stem("kallar"))).toBe(false);
  });
});
