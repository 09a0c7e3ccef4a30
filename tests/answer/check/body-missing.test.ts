import { describe, expect, it } from "vitest";
import { bodyMissingFromSources, namesBody } from "../../../src/answer/check/body-missing.ts";
import { createSwedishAnalyzer } from "../../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const term = (word: string) => analyzer.analyzeWords(word)[0]?.[0] ?? word;

/** Three statutes, each about its own body, and two agreements. */
const containing = new Map<string, string[]>([
  [term("vattendelegationen"), ["vatten"]],
  [term("barnmiljörådet"), ["barnmiljo"]],
  [term("referensgruppen"), ["barnmiljo"]],
  [term("ledamöterna"), ["vatten", "barnmiljo", "adoption", "laholm", "norrbotten"]],
]);
const documentsContaining = (word: string) => new Set(containing.get(word) ?? []);
const missing = (question: string, cited: string[]) =>
  bodyMissingFromSources(question, new Set(cited), analyzer, documentsContaining, 5);

describe("bodyMissingFromSources", () => {
  it("finds the body asked about missing from the cited document (another body's statute)", () => {
    expect(missing("Hur många år är ledamöterna i vattendelegationen utsedda för?", ["barnmiljo"])).toBe(
      term("vattendelegationen"),
    );
    expect(missing("Hur många år är ledamöterna i vattendelegationen utsedda för?", ["vatten"])).toBeNull();
    expect(missing("Hur många personer ingår i referensgruppen?", ["barnmiljo"])).toBeNull();
  });

  it("ignores the scene, compound questions and bodies no document names", () => {
    expect(
      missing("Jag sitter i vattendelegationen. Hur ofta sammanträder rådet?", ["barnmiljo"]),
    ).toBeNull();
    expect(missing("Vem leder kulturrådet?", ["barnmiljo"])).toBeNull();
  });

  it("knows a body by its kind, but not a storeroom", () => {
    expect(namesBody(term("vattendelegationen"))).toBe(true);
    expect(namesBody(term("barnmiljörådet"))).toBe(true);
    expect(namesBody(term("förrådet"))).toBe(false);
    expect(namesBody(term("byggnadsnämnden"))).toBe(true);
  });
});
