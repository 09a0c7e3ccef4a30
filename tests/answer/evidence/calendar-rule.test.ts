import { describe, expect, it } from "vitest";
import { findCalendarRule, type SearchDocuments } from "../../../src/answer/evidence/calendar-rule.ts";
import type { CalendarEvent, Occurrence } from "../../../src/reminders/calendar-event.ts";
import { createSwedishAnalyzer } from "../../../src/text/index.ts";
import { retrievedPassage } from "../../builders/passages.ts";

const analyzer = createSwedishAnalyzer();
const stems = (text: string) => analyzer.analyzeWords(text);

function occurrence(title: string, citation: CalendarEvent["citation"] = null): Occurrence {
  const event = { title, citation } as CalendarEvent;
  return { event, title } as Occurrence;
}

/** Records what it is asked and answers with the given passages. */
function fakeSearch(texts: string[]): { search: SearchDocuments; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    search: async (query, documentIds) => {
      calls.push([query, ...documentIds]);
      return texts.map((text) => retrievedPassage(text, { title: "Överenskommelse" }));
    },
  };
}

describe("findCalendarRule", () => {
  it("cites the passage the event names when the group's document holds it", async () => {
    const quote = "Sammanträden ska hållas minst fyra gånger per år.";
    const { search, calls } = fakeSearch([`Beredningsmöten ska protokollföras.\n\n${quote}`]);
    const rule = await findCalendarRule(
      occurrence("Beredningens sammanträde", { document: "avtal.md", quote }),
      ["avtal.md"],
      search,
      stems,
    );
    expect(rule?.quote).toBe(quote);
    expect(calls[0]).toEqual([quote, "avtal.md"]);
  });

  it("finds the sentence stating how often what the title names takes place", async () => {
    const { search } = fakeSearch([
      "Beredningen består av tio ledamöter. Beredningen sammanträder fyra gånger per år.",
    ]);
    const rule = await findCalendarRule(occurrence("Beredningens sammanträde"), ["avtal.md"], search, stems);
    expect(rule?.quote).toBe("Beredningen sammanträder fyra gånger per år.");
  });

  it("finds nothing when no sentence states a rule, or the named document is not the group's", async () => {
    const { search } = fakeSearch(["Beredningen består av tio ledamöter."]);
    expect(
      await findCalendarRule(occurrence("Beredningens sammanträde"), ["avtal.md"], search, stems),
    ).toBeNull();
    const other = occurrence("Temadag", {
      document: "annan.md",
      quote: "Temadagar hålls två gånger per år.",
    });
    expect(await findCalendarRule(other, [], search, stems)).toBeNull();
  });
});
