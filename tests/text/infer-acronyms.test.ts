import { describe, expect, it } from "vitest";
import { inferAcronyms } from "../../src/text/index.ts";
import { seedText } from "./seed-texts.ts";

/** Real sentences: the first from the Laholm report (seed 003), the others from the Laholm folder. */
const KS_AND_KF = [
  "Ordförande och NT har även presenterat rapporten både i KS och KF.",
  "Samverkansberedningen arbetar utifrån en fastlagd sammanträdesplan med fyra möten per år genom kallelse av kommunstyrelsens ordförande.",
  "Flyttat en vecka på grund av kommunfullmäktiges budgetsammanträde.",
].join("\n");

describe("inferAcronyms", () => {
  it("reads NT as nämndtjänsteman in the Laholm report, which never spells it out (seed 003)", () => {
    expect(inferAcronyms(seedText("003"))).toEqual([
      { acronym: "NT", longForm: "nämndtjänsteman", source: "initials" },
    ]);
  });

  it("reads KS and KF from the councils named in the same text, in their base form", () => {
    expect(inferAcronyms(KS_AND_KF)).toEqual([
      { acronym: "KS", longForm: "kommunstyrelse", source: "initials" },
      { acronym: "KF", longForm: "kommunfullmäktige", source: "initials" },
    ]);
  });

  it("learns nothing when two compounds fit the letters equally often", () => {
    expect(
      inferAcronyms("Frågan lyfts i KS. Kommunstyrelsen och kommunsekreteraren bereder ärendet."),
    ).toEqual([]);
  });

  it("takes a compound used at least twice as often as the other fitting one", () => {
    expect(
      inferAcronyms(
        "Frågan lyfts i KS. Kommunstyrelsen bereder ärendet och kommunstyrelsens ordförande kallar, med kommunsekreteraren.",
      ),
    ).toEqual([{ acronym: "KS", longForm: "kommunstyrelse", source: "initials" }]);
  });

  it("never guesses an acronym that is defined in parentheses", () => {
    const text = "Ordförande i HSN leder mötet. Hemsjukvårdsnämnden och hemsjukvårdsnämndens kansli deltar.";
    expect(inferAcronyms(text)).toEqual([
      { acronym: "HSN", longForm: "hemsjukvårdsnämnd", source: "initials" },
    ]);
    expect(inferAcronyms(`Hälso- och sjukvårdsnämnden (HSN) ansvarar. ${text}`)).toEqual([]);
    expect(inferAcronyms(text, { defined: ["HSN"] })).toEqual([]);
  });

  it("learns nothing when no compound's initials spell the acronym", () => {
    expect(inferAcronyms("Resultaten från LUPP redovisas för nämnden och kommunstyrelsen.")).toEqual([]);
  });

  it("does not read a compound that names no body or role as an acronym", () => {
    expect(
      inferAcronyms("Rapporten lyfts i KS. Arbetet sker genom kunskapsspridning och kunskapsspridning."),
    ).toEqual([]);
  });

  it("does not take shouted words or Roman numerals for acronyms", () => {
    // Both compounds would otherwise fit: T(illsyn)A(vdelning), I(nformation)V(erk).
    const text = [
      "TA ANSVAR",
      "Tillsynsavdelningen och tillsynsavdelningens chef deltar.",
      "Se bilaga IV om informationsverket och informationsverkets chef.",
    ].join("\n");
    expect(inferAcronyms(text)).toEqual([]);
  });
});
