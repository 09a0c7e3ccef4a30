import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** A page of a generated PDF: a heading in a large font, then paragraphs as lists of lines. */
export interface PdfPage {
  heading?: string;
  paragraphs: string[][];
}

/** Makes a fresh temporary folder to write fixture documents into. */
export async function makeTempDir(prefix = "samsyn-knowledge-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Writes a text file (creating folders), returning its absolute path. */
export async function writeTextFile(dir: string, name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content, "utf8");
  return file;
}

/** Writes a PDF with Helvetica (WinAnsi covers å, ä, ö): 18 pt headings, 11 pt body, blank line between paragraphs. */
export async function writePdf(dir: string, name: string, pages: readonly PdfPage[]): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const content of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    if (content.heading) {
      page.drawText(content.heading, { x: 56, y, size: 18, font });
      y -= 36;
    }
    for (const paragraph of content.paragraphs) {
      for (const line of paragraph) {
        page.drawText(line, { x: 56, y, size: 11, font });
        y -= 14;
      }
      y -= 14;
    }
  }
  const file = path.join(dir, name);
  await writeFile(file, await pdf.save());
  return file;
}

/** Writes a Word document; `level` 1 and 2 use the Heading1 and Heading2 styles. */
export async function writeDocx(
  dir: string,
  name: string,
  paragraphs: readonly { text: string; level?: 1 | 2 }[],
): Promise<string> {
  const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2 } as const;
  const document = new Document({
    sections: [
      {
        children: paragraphs.map(
          (paragraph) =>
            new Paragraph({
              text: paragraph.text,
              ...(paragraph.level ? { heading: headingLevels[paragraph.level] } : {}),
            }),
        ),
      },
    ],
  });
  const file = path.join(dir, name);
  await writeFile(file, await Packer.toBuffer(document));
  return file;
}

/** Writes bytes that start like a PDF but are not one. */
export async function writeCorruptPdf(dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, "%PDF-1.7\nDetta är ingen riktig PDF, bara trasiga bytes.\n%%EOF\n", "latin1");
  return file;
}

/** A saved web page with navigation, header, footer, script and a skip link around the content. */
export function noisyHtmlPage(options: { title: string; canonical?: string; main: string }): string {
  const canonical = options.canonical ? `<link rel="canonical" href="${options.canonical}">` : "";
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${options.title}</title>${canonical}
<script>window.analytics = "spåra allt";</script><style>body { color: red; }</style></head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header><nav><ul><li><a href="/">Startsida</a></li><li><a href="/om">Om regionen</a></li></ul></nav></header>
<aside>Populära sidor: Lediga jobb</aside>
<main id="innehall">${options.main}</main>
<form><label>Sök på webbplatsen</label><input name="q"></form>
<footer>Region Exempel, Box 1, 123 45 Exempelstad</footer>
</body></html>`;
}
