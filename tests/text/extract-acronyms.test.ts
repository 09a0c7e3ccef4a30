import { describe, expect, it } from "vitest";
import { extractAcronyms } from "../../src/text/index.ts";
import { seedText } from "./seed-texts.ts";

describe("extractAcronyms", () => {
  it("learns the bodies defined in the Västernorrland structure (seed 001)", () => {
    const found = extractAcronyms(seedText("001"));
    expect(found).toEqual([
      { acronym: "HSN", longForm: "Hälso- och sjukvårdsnämnden" },
      { acronym: "RUN", longForm: "Regional utvecklingsnämnd" },
      { acronym: "VVU", longForm: "Vårdval utskottet" },
    ]);
  });

  it("learns definitions that span a line break and are repeated (seed 003)", () => {
    const found = extractAcronyms(seedText("003"));
    expect(found).toContainEqual({ acronym: "VGR", longForm: "Välmående ger resultat" });
    expect(found).toContainEqual({ acronym: "FaR", longForm: "Fysisk aktivitet på Recept" });
    expect(found.filter((definition) => definition.acronym === "VGR")).toHaveLength(1);
  });

  it("reads the exact sentences with their line breaks", () => {
    expect(
      extractAcronyms("6.7 Samordna och genomföra utvecklingsarbetet Välmående ger \nresultat (VGR)."),
    ).toEqual([{ acronym: "VGR", longForm: "Välmående ger resultat" }]);
    expect(
      extractAcronyms("6.10 Följa och samverka kring arbetet med Fysisk aktivitet på \nRecept (FaR)."),
    ).toEqual([{ acronym: "FaR", longForm: "Fysisk aktivitet på Recept" }]);
  });

  it("accepts the long form inside the parenthesis", () => {
    expect(extractAcronyms("enligt FaR (Fysisk aktivitet på recept).")).toEqual([
      { acronym: "FaR", longForm: "Fysisk aktivitet på recept" },
    ]);
    expect(extractAcronyms("Ordförande i HSN (Hälso- och sjukvårdsnämnden) leder mötet.")).toEqual([
      { acronym: "HSN", longForm: "Hälso- och sjukvårdsnämnden" },
    ]);
  });

  it("accepts equals-sign and dash definitions", () => {
    expect(extractAcronyms("VGR = Välmående ger resultat")).toEqual([
      { acronym: "VGR", longForm: "Välmående ger resultat" },
    ]);
    expect(extractAcronyms("Förkortningar:\nVGR – Välmående ger resultat\nKS – Kommunstyrelsen")).toEqual([
      { acronym: "VGR", longForm: "Välmående ger resultat" },
      { acronym: "KS", longForm: "Kommunstyrelsen" },
    ]);
  });

  it("finds a compound long form covering every letter", () => {
    expect(extractAcronyms("Samverkan med barnavårdscentraler (BVC), öppna förskolan")).toEqual([
      { acronym: "BVC", longForm: "barnavårdscentraler" },
    ]);
  });

  it("defines nothing when the initials do not spell the acronym", () => {
    expect(extractAcronyms("En dialog med Kultur och skola (RH) kommer att genomföras.")).toEqual([]);
    expect(extractAcronyms("VGR- Följa upp och utvärdera satsningen")).toEqual([]);
    expect(extractAcronyms("NT – nu tar vi det")).toEqual([]);
    expect(extractAcronyms("bibliotek (inkl filialbibliotek och bokbuss)")).toEqual([]);
  });

  it("finds nothing in a text without acronyms (seed 000)", () => {
    expect(extractAcronyms(seedText("000"))).toEqual([]);
  });
});
