import { describe, expect, it } from "vitest";
import { splitSentenceSpans, splitSentences } from "../../src/knowledge/split-sentences.ts";

describe("splitSentences", () => {
  it("does not split after common Swedish abbreviations", () => {
    expect(
      splitSentences(
        "Beredningen består bl.a. Region Hallands presidium. Den hanterar t.ex. Budget och m.m. Planer. " +
          "Den leds av ordföranden, dvs. Kommunstyrelsens ordförande. Mötet varar ca. 2 timmar.",
      ),
    ).toEqual([
      "Beredningen består bl.a. Region Hallands presidium.",
      "Den hanterar t.ex. Budget och m.m. Planer.",
      "Den leds av ordföranden, dvs. Kommunstyrelsens ordförande.",
      "Mötet varar ca. 2 timmar.",
    ]);
  });

  it("keeps statute references and numbered list items together", () => {
    expect(
      splitSentences(
        "Enligt 3 kap. 2 § skollagen gäller detta. Se även ärende nr. 5 i protokollet. 1. Ansökan görs skriftligt.",
      ),
    ).toEqual([
      "Enligt 3 kap. 2 § skollagen gäller detta.",
      "Se även ärende nr. 5 i protokollet.",
      "1. Ansökan görs skriftligt.",
    ]);
  });

  it("splits at question and exclamation marks and after quotes, but not before lower case", () => {
    expect(
      splitSentences('Vem kallar? Ordföranden gör det! Hon sa "Det är klart." Sedan kom resten. ok. slut'),
    ).toEqual([
      "Vem kallar?",
      "Ordföranden gör det!",
      'Hon sa "Det är klart."',
      "Sedan kom resten. ok. slut",
    ]);
  });

  it("ends sentences at abbreviations that usually close one", () => {
    expect(splitSentences("Det gäller resor, kost osv. Nästa punkt är lokaler.")).toEqual([
      "Det gäller resor, kost osv.",
      "Nästa punkt är lokaler.",
    ]);
  });

  it("returns offsets that slice the original text", () => {
    const text = "  Första meningen.   Andra meningen!  ";
    const spans = splitSentenceSpans(text);
    expect(spans.map((span) => span.text)).toEqual(["Första meningen.", "Andra meningen!"]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });
});
