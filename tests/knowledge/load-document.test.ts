import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SamsynError } from "../../src/errors.ts";
import { loadDocument, readDocument } from "../../src/knowledge/load-document.ts";
import {
  makeTempDir,
  noisyHtmlPage,
  writeCorruptPdf,
  writeDocx,
  writePdf,
  writeTextFile,
} from "../builders/document-files.ts";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<SamsynError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SamsynError);
  return error as SamsynError;
}

describe("loadDocument: PDF", () => {
  it("keeps Swedish letters, headings and the page of every block", async () => {
    const file = await writePdf(dir, "uppfoljning.pdf", [
      {
        heading: "Uppföljning av samverkan",
        paragraphs: [
          [
            "Samverkansberedningen i Älvsbyn träffas fyra gånger per år och",
            "består av förtroendevalda från båda parterna i länet.",
          ],
          ["Året präglades av ökad samverkan kring äldres hälsa."],
        ],
      },
      {
        heading: "Ekonomi och återrapportering",
        paragraphs: [
          [
            "Nämndens budget är fördelad på tre områden, där den största",
            "delen går till förebyggande insatser.",
          ],
        ],
      },
    ]);
    const document = await loadDocument(file, dir);

    expect(document.id).toBe("uppfoljning.pdf");
    expect(document.blocks.map((block) => [block.kind, block.page, block.text])).toEqual([
      ["heading", 1, "Uppföljning av samverkan"],
      [
        "paragraph",
        1,
        "Samverkansberedningen i Älvsbyn träffas fyra gånger per år och består av förtroendevalda från båda parterna i länet.",
      ],
      ["paragraph", 1, "Året präglades av ökad samverkan kring äldres hälsa."],
      ["heading", 2, "Ekonomi och återrapportering"],
      [
        "paragraph",
        2,
        "Nämndens budget är fördelad på tre områden, där den största delen går till förebyggande insatser.",
      ],
    ]);
    for (const block of document.blocks) expect(document.text.slice(block.start, block.end)).toBe(block.text);
    expect(document.metadata.title).toBe("Uppföljning av samverkan");
    expect(document.metadata.type).toBe("report");
  });

  it("rejects a corrupt PDF with a Swedish message naming the file", async () => {
    const file = await writeCorruptPdf(dir, "trasig.pdf");
    const error = await rejection(loadDocument(file, dir));
    expect(error.code).toBe("ingest_unreadable_file");
    expect(error.message).toContain("trasig.pdf");
    expect(error.message).toMatch(/PDF-filen är trasig/);
  });
});

describe("loadDocument: DOCX", () => {
  it("turns Heading 1 and Heading 2 into headings with levels", async () => {
    const file = await writeDocx(dir, "reglemente.docx", [
      { text: "Reglemente för Samverkansnämnden i Örebro län", level: 1 },
      { text: "Detta reglemente gäller från år 2020 för nämndens arbete." },
      { text: "Nämndens uppgifter", level: 2 },
      { text: "Nämnden ska samordna arbetet mellan kommunerna och regionen i frågor om äldreomsorg." },
    ]);
    const document = await loadDocument(file, dir);

    expect(document.blocks.map((block) => [block.kind, block.level, block.text])).toEqual([
      ["heading", 1, "Reglemente för Samverkansnämnden i Örebro län"],
      ["paragraph", undefined, "Detta reglemente gäller från år 2020 för nämndens arbete."],
      ["heading", 2, "Nämndens uppgifter"],
      [
        "paragraph",
        undefined,
        "Nämnden ska samordna arbetet mellan kommunerna och regionen i frågor om äldreomsorg.",
      ],
    ]);
    expect(document.metadata).toMatchObject({
      title: "Reglemente för Samverkansnämnden i Örebro län",
      type: "regulation",
    });
  });

  it("rejects a file that is not a Word document", async () => {
    const file = await writeTextFile(dir, "inte-word.docx", "bara text");
    const error = await rejection(loadDocument(file, dir));
    expect(error.code).toBe("ingest_unreadable_file");
    expect(error.message).toContain("inte-word.docx");
  });
});

describe("loadDocument: HTML", () => {
  it("reads the main content and drops navigation, scripts, forms and skip links", async () => {
    const html = noisyHtmlPage({
      title: "Lokala nämnder - Region Exempel",
      canonical: "https://www.example.se/lokala-namnder",
      main: `<h1>Lokala nämnder</h1><p>De lokala nämnderna arbetar för en <b>jämlik</b> utveckling.</p>
        <h2>Uppdrag</h2><ul><li>Kunskapsuppdrag</li><li>Samverkansuppdrag</li></ul>
        <table><tr><th>Möte</th><th>Datum</th></tr><tr><td>Nämndmöte</td><td>12 mars</td></tr></table>`,
    });
    const file = await writeTextFile(dir, "webb/lokala-namnder.html", html);
    const document = await loadDocument(file, dir);

    expect(document.id).toBe("webb/lokala-namnder.html");
    expect(document.blocks.map((block) => [block.kind, block.text])).toEqual([
      ["heading", "Lokala nämnder"],
      ["paragraph", "De lokala nämnderna arbetar för en jämlik utveckling."],
      ["heading", "Uppdrag"],
      ["list-item", "Kunskapsuppdrag"],
      ["list-item", "Samverkansuppdrag"],
      ["paragraph", "Möte | Datum"],
      ["paragraph", "Nämndmöte | 12 mars"],
    ]);
    for (const noise of ["spåra", "Startsida", "Hoppa", "Sök på", "Box 1", "Populära"]) {
      expect(document.text).not.toContain(noise);
    }
    expect(document.metadata).toMatchObject({
      title: "Lokala nämnder",
      type: "webpage",
      source: "https://www.example.se/lokala-namnder",
    });
  });
});

describe("loadDocument: Markdown", () => {
  it("reads front matter and strips Markdown syntax from the text", async () => {
    const markdown = `---
title: Arbetsordning för HälSam
type: regulation
organisations: [Region Västernorrland, Timrå kommun]
group: halsam-vasternorrland
date: 2021-03-15
source:
okänd_nyckel: ignoreras
---
# Arbetsordning

Presidiet består av **tre ordförande**, se [bilagan](https://example.se/bilaga.pdf) och \`avsnitt 2\`.

## Möten

- Möten hålls *fyra* gånger per år.
- Kallelse skickas ut i god tid.
`;
    const file = await writeTextFile(dir, "arbetsordning.md", markdown);
    const document = await loadDocument(file, dir);

    expect(document.metadata).toEqual({
      title: "Arbetsordning för HälSam",
      type: "regulation",
      organisations: ["Region Västernorrland", "Timrå kommun"],
      groups: ["halsam-vasternorrland"],
      date: "2021-03-15",
      source: null,
    });
    expect(document.blocks.map((block) => [block.kind, block.level, block.text])).toEqual([
      ["heading", 1, "Arbetsordning"],
      ["paragraph", undefined, "Presidiet består av tre ordförande, se bilagan och avsnitt 2."],
      ["heading", 2, "Möten"],
      ["list-item", undefined, "Möten hålls fyra gånger per år."],
      ["list-item", undefined, "Kallelse skickas ut i god tid."],
    ]);
    expect(document.contentHash).toBe(
      createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    );
  });

  it("maps the statute corpus keys rubrik and beteckning to title and type", async () => {
    const root = path.resolve("tests/fixtures");
    const document = await loadDocument(path.join(root, "sfs/sfs-2023-455.md"), root);

    expect(document.id).toBe("sfs/sfs-2023-455.md");
    expect(document.metadata).toMatchObject({
      title: "Lag om Utbetalningsmyndighetens granskning av utbetalningar (2023:455)",
      type: "regulation",
      organisations: ["Finansdepartementet"],
      date: "2023-06-22",
    });
    expect(document.text).toContain(
      "Lagen innehåller även bestämmelser om underrättelseskyldighet för Utbetalningsmyndigheten. Lag (2024:297).",
    );
    expect(document.text).not.toMatch(/\]\(|https:\/\/selex/);
  });

  it("indexes a document whose type is a Swedish word, reading the type it names and saying so", async () => {
    const file = await writeTextFile(dir, "fel-typ.md", "---\ntitle: Avtal\ntype: avtal\n---\nText.\n");
    const { document, warnings } = await readDocument(file, dir);
    expect(document.metadata).toMatchObject({ title: "Avtal", type: "agreement" });
    expect(warnings).toEqual([
      {
        field: "type",
        message: expect.stringMatching(
          /^fel-typ\.md rad 3: fältet "type" har värdet "avtal".*lästes som "agreement"/,
        ),
      },
    ]);
  });
});

describe("loadDocument: plain text and metadata inference", () => {
  it("infers title and type when the file says nothing about itself", async () => {
    const file = await writeTextFile(
      dir,
      "overenskommelse.txt",
      "Överenskommelse om samverkan i Kalmar län\n\nParterna är överens om att samverka kring barn och unga.\n",
    );
    const document = await loadDocument(file, dir);
    expect(document.metadata).toEqual({
      title: "Överenskommelse om samverkan i Kalmar län",
      type: "agreement",
      organisations: [],
      groups: [],
      date: null,
      source: null,
    });
  });

  it("rejects an unsupported format with advice in Swedish", async () => {
    const file = await writeTextFile(dir, "budget.xlsx", "inte ett dokument");
    const error = await rejection(loadDocument(file, dir));
    expect(error.code).toBe("ingest_unsupported_format");
    expect(error.message).toContain("budget.xlsx");
    expect(error.message).toContain(".pdf");
  });

  it("reports a missing file as unreadable", async () => {
    const error = await rejection(loadDocument(path.join(dir, "finns-inte.txt"), dir));
    expect(error.code).toBe("ingest_unreadable_file");
    expect(error.message).toContain("finns-inte.txt");
  });
});

describe("loadDocument: dates in front matter", () => {
  it.each([
    ['"2021"', "2021"],
    ["2021", "2021"],
    ['"2019-05"', "2019-05"],
    ["2016-12-01", "2016-12-01"],
  ])("keeps date: %s as %s, with no precision invented", async (written, kept) => {
    const file = await writeTextFile(
      dir,
      "arsdatum.md",
      `---\ntitle: Reglemente\ndate: ${written}\n---\nText.\n`,
    );
    expect((await loadDocument(file, dir)).metadata.date).toBe(kept);
  });

  it("keeps the year of an impossible month and names the accepted forms", async () => {
    const file = await writeTextFile(dir, "fritext.md", "---\ntitle: Plan\ndate: 2019-13\n---\nText.\n");
    const { document, warnings } = await readDocument(file, dir);
    expect(document.metadata.date).toBe("2019");
    expect(warnings[0]?.message).toContain('fritext.md rad 3: fältet "date" har värdet "2019-13"');
    expect(warnings[0]?.message).toContain("ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ");
  });
});
