import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../src/knowledge/load-document.ts";
import { makeTempDir, writeDocx, writeTextFile } from "../builders/document-files.ts";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const metadataOf = async (name: string, lines: readonly string[]) =>
  (await loadDocument(await writeTextFile(dir, name, lines.join("\n\n")), dir)).metadata;

const BODY =
  "Nämnden ansvarar för samverkan mellan Kungsbacka kommun och Region Halland inom hälso- och sjukvård, och den sammanträder fyra gånger per år.";

describe("metadata of a file without front matter", () => {
  it("names a report by the line that says what it is, not by its first section", async () => {
    const metadata = await metadataOf("rapport.txt", [
      "1 Sammanfattning",
      "Uppföljningsrapport 2 Kungsbackanämnden",
      BODY,
      "Kungsbackanämnden har under perioden genomfört tre dialogmöten.",
    ]);
    expect(metadata.title).toBe("Uppföljningsrapport 2 Kungsbackanämnden");
    expect(metadata.type).toBe("report");
    expect(metadata.organisations).toEqual(["Kungsbackanämnden", "Kungsbacka kommun", "Region Halland"]);
  });

  it("joins the headings stacked on a Word cover into the title", async () => {
    const file = await writeDocx(dir, "struktur.docx", [
      { text: "Samverkansstruktur", level: 1 },
      { text: "HälSam", level: 2 },
      { text: "Samverkan mellan länets kommuner och Region Västernorrland", level: 2 },
      { text: BODY.replace("Kungsbacka kommun och Region Halland", "Sundsvalls kommun och regionen") },
      { text: "Syfte", level: 2 },
      { text: "En hållbar samverkan utifrån invånarnas behov i hela länet och i varje kommun." },
    ]);
    const { metadata } = await loadDocument(file, dir);
    expect(metadata.title).toBe(
      "Samverkansstruktur – HälSam – Samverkan mellan länets kommuner och Region Västernorrland",
    );
    expect(metadata.type).toBe("regulation");
    expect(metadata.organisations).toEqual(["Region Västernorrland", "Sundsvalls kommun"]);
  });

  it.each([
    ["Reglemente för samverkansnämnden", "regulation"],
    ["Arbetsordning för beredningen", "regulation"],
    ["Överenskommelse om samverkan kring barn och unga", "agreement"],
    ["Sammanträdesplan 2027", "schedule"],
    ["Verksamhetsberättelse 2026", "report"],
  ])("reads the type of '%s' as %s", async (title, type) => {
    const metadata = await metadataOf("typ.txt", [title, BODY]);
    expect(metadata.title).toBe(title);
    expect(metadata.type).toBe(type);
  });

  it("recognises a saved web page and adds the organisation to a title that names none", async () => {
    const metadata = await metadataOf("sida.txt", [
      "Direkt till innehållet",
      "Lokala nämnder",
      "Region Halland har sex lokala nämnder, en i varje kommun, som arbetar för en jämlik hälsa.",
      "Nämnderna verkar på uppdrag av regionfullmäktige och Region Halland i stort.",
      "Senast ändrad: 12 mars 2019",
    ]);
    expect(metadata.title).toBe("Lokala nämnder – Region Halland");
    expect(metadata.type).toBe("webpage");
  });

  it("takes the date from a date line, not from a meeting date in the text", async () => {
    const withDateLine = await metadataOf("daterad.txt", [
      "Överenskommelse om politisk samverkan",
      "Beredningen möts nästa gång den 4 februari 2027 i Luleå, och därefter fyra gånger per år.",
      "1 DECEMBER 2016",
    ]);
    expect(withDateLine.date).toBe("2016-12-01");
    const decided = await metadataOf("beslutad.txt", [
      "Reglemente för samverkansnämnden",
      BODY,
      "Fastställd av regionfullmäktige 2019-05-14",
    ]);
    expect(decided.date).toBe("2019-05-14");
    const undated = await metadataOf("odaterad.txt", [
      "Reglemente för samverkansnämnden",
      "Nämnden sammanträder första gången den 4 februari 2027 i Halmstad enligt sammanträdesplanen.",
      "Laholm, den XX-XX-XX",
      "31 februari 2020",
    ]);
    expect(undated.date).toBeNull();
  });

  it("falls back to the file name when the text has no line fit to be a title", async () => {
    const metadata = await metadataOf("protokoll-samverkan_2026.txt", [`${BODY} ${BODY} ${BODY}`]);
    expect(metadata.title).toBe("Protokoll samverkan 2026");
  });
});
