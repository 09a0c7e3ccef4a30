import { describe, expect, it } from "vitest";
import { formatSuggestions, suggestionsToYaml } from "../../src/reminders/format-suggestions.ts";
import { suggestCalendar } from "../../src/reminders/suggest-calendar.ts";
import { parseYamlCalendar } from "../../src/reminders/yaml-calendar-source.ts";

const documents = [
  { id: "overenskommelse.md", title: "Överenskommelse om politisk samverkan", groups: ["norrbotten"] },
];
const chunks = [
  {
    chunkId: "overenskommelse.md#3",
    documentId: "overenskommelse.md",
    text: "Beredningsmöten ska protokollföras. Sammanträden ska hållas minst fyra gånger per år. Två gånger per år genomförs gemensamma temadagar.",
  },
  {
    chunkId: "overenskommelse.md#4",
    documentId: "overenskommelse.md",
    text: "Överenskommelsen träder i kraft 1 januari 2017. Den gäller tillsvidare med en ömsesidig uppsägningstid av sex månader. Parterna ska följa upp överenskommelsen vartannat år. Rapporten lämnas senast 15 mars varje år. Utvärderingen beräknas vara färdig hösten 2018.",
  },
];

describe("calendar suggestions from the documents", () => {
  const suggestions = suggestCalendar(chunks, documents, { today: "2026-11-23" });

  it("finds cadence and deadline statements, each with its citation", () => {
    const summary = suggestions.map((suggestion) => [
      suggestion.cadence,
      suggestion.kind,
      suggestion.recurrence,
      suggestion.date,
    ]);
    expect(summary).toEqual([
      ["minst fyra gånger per år", "meeting", "FREQ=YEARLY;BYMONTH=2,4,9,11;BYDAY=2TU", "2027-02-09 13:00"],
      ["Två gånger per år", "meeting", "FREQ=YEARLY;BYMONTH=3,10;BYDAY=2TU", "2027-03-09 13:00"],
      ["träder i kraft 1 januari 2017", "other", null, "2017-01-01"],
      ["uppsägningstid av sex månader", "deadline", null, null],
      ["vartannat år", "report", "FREQ=YEARLY;INTERVAL=2", "2027-11-30"],
      ["senast 15 mars", "deadline", "FREQ=YEARLY", "2027-03-15"],
      ["beräknas vara färdig hösten 2018", "deadline", null, "2018-11-30"],
    ]);
    expect(suggestions[0]?.citation).toEqual({
      document: "overenskommelse.md",
      documentTitle: "Överenskommelse om politisk samverkan",
      chunk: "overenskommelse.md#3",
      quote: "Sammanträden ska hållas minst fyra gånger per år.",
    });
    expect(suggestions.every((suggestion) => suggestion.groupId === "norrbotten")).toBe(true);
    expect(suggestions.filter((suggestion) => suggestion.past).map((suggestion) => suggestion.date)).toEqual([
      "2017-01-01",
      "2018-11-30",
    ]);
  });

  it("prints YAML that the calendar reads back without problems", () => {
    const yaml = suggestionsToYaml(suggestions);
    expect(yaml).toContain("  #     quote: Överenskommelsen träder i kraft 1 januari 2017.");
    const { events, problems } = parseYamlCalendar("calendar/forslag.yaml", yaml);
    expect(problems).toEqual([]);
    // Past one-offs and the entry without a date are commented out.
    expect(events.map((event) => event.title)).toEqual(["Sammanträde", "Temadag", "Uppföljning", "Rapport"]);
    expect(events[0]?.citation?.quote).toBe("Sammanträden ska hållas minst fyra gånger per år.");
  });

  it("leaves out statements the calendar already cites, so an accepted suggestion disappears", () => {
    const { events } = parseYamlCalendar("calendar/forslag.yaml", suggestionsToYaml(suggestions));
    const again = suggestCalendar(chunks, documents, { today: "2026-11-23", existing: events });
    expect(again.map((suggestion) => suggestion.cadence)).toEqual([
      "träder i kraft 1 januari 2017",
      "uppsägningstid av sex månader",
      "beräknas vara färdig hösten 2018",
    ]);
  });

  it("never proposes what the group's calendar already has, however it was entered", () => {
    const { events } = parseYamlCalendar(
      "calendar/norrbotten.yaml",
      [
        "group: norrbotten",
        "events:",
        "  - id: tema-barn",
        "    title: Temadag Barn och unga",
        "    start: 2027-03-09T13:00",
        "  - id: tema-aldre",
        "    title: Temadag Äldre",
        "    start: 2027-10-12T13:00",
      ].join("\n"),
    );
    const again = suggestCalendar(chunks, documents, { today: "2026-11-23", existing: events });
    expect(again.map((suggestion) => suggestion.title)).not.toContain("Temadag");
    expect(again.map((suggestion) => suggestion.title)).toContain("Sammanträde");
    // Another group's theme days do not count for this one.
    const elsewhere = events.map((event) => ({ ...event, groupId: "halsam" }));
    const unaffected = suggestCalendar(chunks, documents, { today: "2026-11-23", existing: elsewhere });
    expect(unaffected.map((suggestion) => suggestion.title)).toContain("Temadag");
  });

  it("lists suggestions in Swedish for the chat", () => {
    expect(formatSuggestions(suggestions.slice(0, 1))).toBe(
      "Förslag till kalendern utifrån dokumenten (kör npm run calendar:suggest för YAML att klistra in):\n" +
        "• Sammanträde (minst fyra gånger per år, förslag: 2027-02-09 13:00) – ”Sammanträden ska hållas minst fyra gånger per år.” [Överenskommelse om politisk samverkan]",
    );
    expect(formatSuggestions([])).toBe("Jag hittade inga nya mötesrytmer eller sista dagar i dokumenten.");
  });
});
