import { describe, expect, it } from "vitest";
import { nameMissingFromSources } from "../../src/answer/unknown-names.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();

/** An index of a group's documents among statutes: which documents contain each analysed term. */
const containing: Record<string, string[]> = {
  region: ["norrbotten", "laholm", "halland", "sfs-1", "sfs-2", "sfs-3"],
  norrbot: ["norrbotten", "sfs-1"],
  västerbot: ["sfs-2"],
  laholm: ["laholm", "rapport"],
  nämnd: ["laholm", "rapport", "halland", "sfs-3"],
  laholmsnämnd: ["rapport"],
};
const documentsContaining = (term: string) => new Set(containing[term] ?? []);
const missing = (question: string, cited: string[]) =>
  nameMissingFromSources(question, new Set(cited), analyzer, documentsContaining, 10);

describe("nameMissingFromSources", () => {
  it("finds the place asked about missing from the documents the answer cites", () => {
    // Statutes mention Västerbotten, so the name is known; Norrbotten's agreement never mentions it.
    expect(missing("Hur ofta sammanträder beredningen i Region Västerbotten?", ["norrbotten"])).toBe(
      "Västerbotten",
    );
    expect(missing("Hur ofta sammanträder beredningen i Region Norrbotten?", ["norrbotten"])).toBeNull();
  });

  it("accepts a compound name whose parts the cited document names", () => {
    // The agreement says "Lokala nämnden i Laholm", the report "Laholmsnämnden".
    expect(missing("Vem är ordförande i Laholmsnämnden?", ["laholm"])).toBeNull();
  });

  it("ignores names in the scene before the question and in a compound question's other part", () => {
    expect(missing("Jag bor i Västerbotten. Hur ofta sammanträder beredningen?", ["norrbotten"])).toBeNull();
    expect(
      missing("Hur ofta möts beredningen i Norrbotten, och vem leder den i Västerbotten?", ["norrbotten"]),
    ).toBeNull();
  });
});
