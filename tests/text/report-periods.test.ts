import { describe, expect, it } from "vitest";
import { reportPeriods, withoutYearAnchors } from "../../src/text/index.ts";

const months = (text: string) => reportPeriods(text).map((period) => `${period.first}–${period.last}`);

describe("reportPeriods", () => {
  it("reads the periods of a year as the months follow-up reports name", () => {
    expect(months("Hur gick det ekonomiskt under årets första tre månader 2018?")).toEqual(["januari–mars"]);
    expect(months("Vad var resultatet för andra kvartalet?")).toEqual(["april–juni"]);
    expect(months("Vad visar uppföljningen för tertial 2?")).toEqual(["maj–augusti"]);
    expect(months("Höll nämnden budgeten första halvåret?")).toEqual(["januari–juni"]);
    expect(months("Hur blev sista kvartalet?")).toEqual(["oktober–december"]);
  });

  it("leaves out the word that only says the period is this year's", () => {
    expect(withoutYearAnchors("Hur gick det under årets första tre månader 2018?")).toBe(
      "Hur gick det under första tre månader 2018?",
    );
    expect(withoutYearAnchors("Vad visar årets andra kvartal?")).toBe("Vad visar andra kvartal?");
    expect(withoutYearAnchors("Vad har hänt under året?")).toBe("Vad har hänt under året?");
  });

  it("finds no period in questions about other things", () => {
    expect(months("Hur många månader är uppsägningstiden?")).toEqual([]);
    expect(months("Vem är första vice ordförande?")).toEqual([]);
  });
});
