import { describe, expect, it } from "vitest";
import { satisfiesNeed } from "../../src/answer/answer-cues.ts";
import { classifyQuestion } from "../../src/answer/classify-question.ts";

describe("the kind of answer a question insists on", () => {
  it("wants a stated frequency for 'hur ofta', not a sentence that merely mentions meetings", () => {
    const needs = classifyQuestion("Hur ofta sammanträder delegationen?").needs;
    expect(needs).toBe("frequency");
    expect(classifyQuestion("Hur många gånger om året träffas rådet?").needs).toBe("frequency");
    expect(satisfiesNeed(needs, "Sammanträden ska hållas minst fyra gånger per år.")).toBe(true);
    expect(satisfiesNeed(needs, "Beredningen sammanträder varje månad utom i juli.")).toBe(true);
    expect(satisfiesNeed(needs, "Uppföljning sker årligen.")).toBe(true);
    // Both genders: "vartannat år", "varannan månad"; "var tredje vecka".
    expect(satisfiesNeed(needs, "Nätverket träffas varannan månad i hamnen.")).toBe(true);
    expect(satisfiesNeed(needs, "Presidiet möts var tredje vecka.")).toBe(true);
    expect(satisfiesNeed(needs, "Vid sammanträden med delegationen har ordföranden utslagsröst.")).toBe(
      false,
    );
    expect(satisfiesNeed(needs, "Rådet sammanträder på kallelse av ordföranden.")).toBe(false);
  });

  it("does not take a statute number or a section reference for an amount", () => {
    expect(satisfiesNeed("number", "Referensgruppen ska bistå rådet enligt förordningen (1980:572).")).toBe(
      false,
    );
    expect(satisfiesNeed("number", "Av 2 kap. 4 § framgår vem som ingår i gruppen.")).toBe(false);
    expect(satisfiesNeed("number", "Referensgruppen består av sju personer.")).toBe(true);
  });
});

describe("who holds a post", () => {
  it("wants a person's name for 'Vad heter ordföranden …', as for 'Vem är ordförande …'", () => {
    expect(classifyQuestion("Vad heter ordföranden som ansvarar för området Äldre?").needs).toBe("person");
    expect(classifyQuestion("Vem är ordförande i Laholmsnämnden?").needs).toBe("person");
    expect(satisfiesNeed("person", "Dessa tre har ansvar för ett respektive strategiskt område.")).toBe(
      false,
    );
    expect(satisfiesNeed("person", "Laholm 2019-02-20 Margareta Bengtsson, Ordförande")).toBe(true);
  });
});

describe("a post held by another post", () => {
  it("answers 'Vem är sekreterare?' with 'Sekreterare i beredningen är kommunens nämndsekreterare'", () => {
    const needs = classifyQuestion("Vem är sekreterare i beredningen?").needs;
    expect(satisfiesNeed(needs, "Sekreterare i beredningen är kommunens nämndsekreterare.")).toBe(true);
    expect(satisfiesNeed(needs, "Ordförande i beredningen är kommunstyrelsens ordförande.")).toBe(true);
    expect(satisfiesNeed(needs, "Sekreteraren ska föra protokoll vid sammanträdena.")).toBe(false);
  });

  it("takes 'X ska vara ordförande' and a signed name for the holder, not a list of posts", () => {
    for (const sentence of [
      "Vid landshövdingens frånvaro ska landshövdingens ställföreträdare vara ordförande i delegationen.",
      "Landshövdingen ska vara delegationens ordförande.",
      "Anna Ek, nämndsekreterare",
    ]) {
      expect(satisfiesNeed("person", sentence), sentence).toBe(true);
    }
    for (const sentence of [
      "Rådet består av ordförande, vice ordförande och 16 andra ledamöter.",
      "Förordnande att vara nämndens ordförande meddelas av regeringen.",
      "Bland ledamöterna är en ordförande och en vice ordförande.",
    ]) {
      expect(satisfiesNeed("person", sentence), sentence).toBe(false);
    }
  });

  it("takes a share ('minst hälften', 'fulltalig') for how many", () => {
    expect(
      satisfiesNeed("number", "Nämnden är beslutför när minst hälften av ledamöterna är närvarande."),
    ).toBe(true);
    expect(satisfiesNeed("number", "Nämnden är beslutför om den är fulltalig.")).toBe(true);
    expect(satisfiesNeed("number", "Nämnden är beslutför när ordföranden är närvarande.")).toBe(false);
  });
});
