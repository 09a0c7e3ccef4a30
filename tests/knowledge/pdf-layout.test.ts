import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../src/knowledge/load-document.ts";
import { makeTempDir } from "../builders/document-files.ts";
import { type LayoutLine, writeLayoutPdf } from "../builders/layout-pdf.ts";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const body = (text: string, gapBefore = false): LayoutLine => ({ text, gapBefore });
const blocksOf = async (file: string) =>
  (await loadDocument(file, dir)).blocks.map((block) =>
    block.kind === "heading" ? `H${block.level} ${block.text}` : block.text,
  );

describe("PDF layout: running headers, footers and page numbers", () => {
  it("drops the header and 'Sida N av M' of every page but keeps the title the header repeats", async () => {
    const header = "Reglemente för samverkansnämnden";
    const file = await writeLayoutPdf(dir, "reglemente.pdf", [
      {
        header,
        footer: "Sida 1 av 3",
        lines: [
          { text: header, size: 18 },
          body("Nämnden ansvarar för samverkan mellan kommunerna i länet och", true),
          body("regionen inom hälso- och sjukvård."),
        ],
      },
      {
        header,
        footer: "Sida 2 av 3",
        lines: [body("Nämnden sammanträder fyra gånger per år på kallelse av"), body("ordföranden.")],
      },
      {
        header,
        footer: "Sida 3 av 3",
        lines: [body("Reglementet gäller från och med den 1 januari 2027 och tills vidare.")],
      },
    ]);
    const blocks = await blocksOf(file);
    expect(blocks).toEqual([
      "H1 Reglemente för samverkansnämnden",
      "Nämnden ansvarar för samverkan mellan kommunerna i länet och regionen inom hälso- och sjukvård.",
      "Nämnden sammanträder fyra gånger per år på kallelse av ordföranden.",
      "Reglementet gäller från och med den 1 januari 2027 och tills vidare.",
    ]);
  });

  it("drops a page number standing alone at the foot of a two-page document", async () => {
    const file = await writeLayoutPdf(dir, "tva-sidor.pdf", [
      { footer: "1", lines: [body("Beredningen har inga beslutsbefogenheter och bereder frågor.")] },
      { footer: "2", lines: [body("Frågor som kräver beslut initieras hos respektive part.")] },
    ]);
    expect(await blocksOf(file)).toEqual([
      "Beredningen har inga beslutsbefogenheter och bereder frågor.",
      "Frågor som kräver beslut initieras hos respektive part.",
    ]);
  });
});

describe("PDF layout: headings from font size and weight", () => {
  it("reads bold body-size lines and larger lines as headings and joins a wrapped heading", async () => {
    const file = await writeLayoutPdf(dir, "overenskommelse.pdf", [
      {
        lines: [
          { text: "Överenskommelse om politisk samverkan mellan länets", size: 16 },
          { text: "kommuner och regionen", size: 16 },
          { text: "Samverkansberedning", size: 13, bold: true, gapBefore: true },
          body("Beredningen består av fem ledamöter från kommunerna och fyra", true),
          body("från regionen. Ordförande och vice ordförande väljs för två år."),
          { text: "Möten", bold: true, gapBefore: true },
          body("Beredningen sammanträder minst fyra gånger per år.", true),
          { text: "Ersättning", bold: true, gapBefore: true },
          body("Varje part ersätter sina egna ledamöter.", true),
          body("Kort rad i brödtext", true),
          body("Ännu en mening som hör till avsnittet om ersättning.", true),
        ],
      },
    ]);
    expect(await blocksOf(file)).toEqual([
      "H1 Överenskommelse om politisk samverkan mellan länets kommuner och regionen",
      "H2 Samverkansberedning",
      "Beredningen består av fem ledamöter från kommunerna och fyra från regionen. Ordförande och vice ordförande väljs för två år.",
      "H3 Möten",
      "Beredningen sammanträder minst fyra gånger per år.",
      "H3 Ersättning",
      "Varje part ersätter sina egna ledamöter.",
      // Set in body type, a short line is not taken for a heading once the fonts mark the headings.
      "Kort rad i brödtext",
      "Ännu en mening som hör till avsnittet om ersättning.",
    ]);
  });
});

describe("PDF layout: words hyphenated at a line end", () => {
  it("joins a word the document also writes whole and keeps other hyphens", async () => {
    const file = await writeLayoutPdf(dir, "avstavning.pdf", [
      {
        lines: [
          body("Samverkansberedningen bereder frågor. Ledamöterna i samverkans-"),
          body("beredningen utses för mandatperioden och leder arbetet med folkhälsa i"),
          body("länet. Perioden januari-"),
          body("mars redovisas i april."),
        ],
      },
    ]);
    const [paragraph] = await blocksOf(file);
    expect(paragraph).toContain("Ledamöterna i samverkansberedningen utses");
    // Not written whole anywhere: the hyphen may be meant, so it stays.
    expect(paragraph).toContain("Perioden januari-mars redovisas");
  });
});
