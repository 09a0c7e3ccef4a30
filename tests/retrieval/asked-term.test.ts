import { describe, expect, it } from "vitest";
import { askedTerm } from "../../src/retrieval/asked-term.ts";

describe("askedTerm", () => {
  it.each([
    ["Vad menas med kränkande behandling i skollagen?", "kränkande behandling"],
    ["Vad räknas som tillbyggnad enligt plan- och bygglagen?", "tillbyggnad"],
    ["Vem räknas som byggherre – byggfirman eller jag som beställer bygget?", "byggherre"],
    ["Vad är ett planbesked?", "planbesked"],
    ["Vad är en lokal nämnd i Region Halland, och hur många finns det?", "lokal nämnd"],
    ["Vad betyder begreppet hemkommun?", "hemkommun"],
  ])("finds the term of %j", (question, term) => {
    expect(askedTerm(question)).toBe(term);
  });

  it("returns null when the question does not ask what something means", () => {
    expect(askedTerm("Vem kallar till samverkansberedningens möten?")).toBeNull();
    expect(askedTerm("Hur ofta träffas beredningen?")).toBeNull();
  });
});
