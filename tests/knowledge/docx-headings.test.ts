import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../src/knowledge/load-document.ts";
import { makeTempDir } from "../builders/document-files.ts";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const plain = (text: string) => new Paragraph({ text });

describe("Word headings without heading styles", () => {
  it("reads the Title style and whole-bold short paragraphs as headings, not bold sentences", async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Arbetsordning för samverkansberedningen", heading: HeadingLevel.TITLE }),
            new Paragraph({ text: "Sammansättning", heading: HeadingLevel.HEADING_1 }),
            plain("Beredningen består av presidierna i kommunstyrelsen och den lokala nämnden."),
            bold("Sammanträden"),
            plain("Beredningen sammanträder fyra gånger per år på kallelse av ordföranden."),
            bold("Beslut fattas alltid av respektive huvudman."),
            new Paragraph({
              children: [new TextRun({ text: "Delvis fet", bold: true }), new TextRun(" rad i brödtext")],
            }),
          ],
        },
      ],
    });
    const file = path.join(dir, "arbetsordning.docx");
    await writeFile(file, await Packer.toBuffer(document));
    const loaded = await loadDocument(file, dir);
    expect(
      loaded.blocks.map((block) => (block.kind === "heading" ? `H${block.level} ${block.text}` : block.text)),
    ).toEqual([
      "H1 Arbetsordning för samverkansberedningen",
      "H1 Sammansättning",
      "Beredningen består av presidierna i kommunstyrelsen och den lokala nämnden.",
      "H2 Sammanträden",
      "Beredningen sammanträder fyra gånger per år på kallelse av ordföranden.",
      "Beslut fattas alltid av respektive huvudman.",
      "Delvis fet rad i brödtext",
    ]);
    expect(loaded.metadata.title).toBe("Arbetsordning för samverkansberedningen");
    expect(loaded.metadata.type).toBe("regulation");
  });
});
