import { describe, expect, it } from "vitest";
import { answerUnits } from "../../src/answer/answer-units.ts";

describe("answerUnits", () => {
  it("keeps a lead-in sentence together with the list that follows it", () => {
    const text =
      "Former för samarbete\n\nDen politiska samverkansberedningen har följande sammansättning:\n\n" +
      "Region Norrbotten utser fem ordinarie ledamöter ur regionstyrelsen.\n\nRespektive part utser personliga ersättare.\n";
    const units = answerUnits(text).map((unit) => unit.text);
    expect(units[0]).toBe(
      "Den politiska samverkansberedningen har följande sammansättning: Region Norrbotten utser fem ordinarie ledamöter ur regionstyrelsen; Respektive part utser personliga ersättare.",
    );
    expect(units).toContain("Respektive part utser personliga ersättare.");
  });

  it("joins lines wrapped by PDF extraction and drops headings", () => {
    const text =
      "Kunskapsuppdraget\nLaholmsnämnden, tillsammans med dem andra Lokala nämnderna arbetar på \nRegionstyrelsens uppdrag med kartläggning och dialog.";
    expect(answerUnits(text).map((unit) => unit.text)).toEqual([
      "Laholmsnämnden, tillsammans med dem andra Lokala nämnderna arbetar på Regionstyrelsens uppdrag med kartläggning och dialog.",
    ]);
  });

  it("treats lines that lost their bullet glyph after a colon as list items", () => {
    const text =
      "Under året ska Lokala nämnderna särskilt prioritera:\n\n En god start i livet\n Insatser som utjämnar hälsoskillnader\n";
    expect(answerUnits(text)[0]?.text).toBe(
      "Under året ska Lokala nämnderna särskilt prioritera: En god start i livet; Insatser som utjämnar hälsoskillnader.",
    );
  });

  it("reads a signature block as who holds the post", () => {
    // The end of the Laholm agreement and of Laholmsnämndens report, as the loader stores them.
    const agreement =
      "Laholm, den XX-XX-XX\n\nErling Cronqvist\n\nKommunstyrelsen, ordförande\n\nJonas Hellsten\n\nLokala nämnden i Laholm, ordförande";
    expect(answerUnits(agreement).map((unit) => unit.text)).toEqual(
      expect.arrayContaining([
        "Erling Cronqvist, Kommunstyrelsen, ordförande",
        "Jonas Hellsten, Lokala nämnden i Laholm, ordförande",
      ]),
    );
    const report = "Laholmsnämnden\n\n____________________________\n\nMargareta Bengtsson\n\nOrdförande";
    expect(answerUnits(report).map((unit) => unit.text)).toContain(
      "Margareta Bengtsson, Laholmsnämnden, Ordförande",
    );
  });

  it("does not mistake two headings for a signature", () => {
    expect(answerUnits("Politisk samverkan\nRepresentation\n").map((unit) => unit.text)).toEqual([]);
  });

  it("shows a statute's numbered item together with the open sentence it completes", () => {
    // Plan- och bygglagen 9 kap. 40 §.
    const section = [
      "Av ett bygglov, rivningslov eller marklov ska det framgå",
      "",
      "1. vilken giltighetstid lovet har,",
      "",
      "3. att lovet inte innebär en rätt att påbörja den sökta åtgärden förrän byggnadsnämnden har gett ett startbesked enligt 10 kap., och",
      "",
      "4. att beslutet om lov ska vara verkställbart enligt 42 a § innan de åtgärder som omfattas av lovet får påbörjas.",
    ].join("\n");
    const units = answerUnits(section);
    expect(units.map((unit) => unit.text)).not.toContain(
      "Av ett bygglov, rivningslov eller marklov ska det framgå",
    );
    const item = units.find((unit) => unit.text.startsWith("att lovet inte"));
    expect(item?.lead).toBe("Av ett bygglov, rivningslov eller marklov ska det framgå");
    expect(item?.shown).toBe(
      "Av ett bygglov, rivningslov eller marklov ska det framgå att lovet inte innebär en rätt att påbörja den sökta åtgärden förrän byggnadsnämnden har gett ett startbesked enligt 10 kap.",
    );
  });
});
