import { writeFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** One line of a generated PDF page. */
export interface LayoutLine {
  text: string;
  /** Font size in points; 11 (body) unless set. */
  size?: number;
  bold?: boolean;
  /** Extra space above the line, as between paragraphs; a heading gets it too. */
  gapBefore?: boolean;
}

/** A page: its lines from the top, plus what a Word template repeats on every page. */
export interface LayoutPage {
  lines: LayoutLine[];
  header?: string;
  footer?: string;
}

/**
 * Writes a PDF laid out the way a word processor exports one: a running header at the top right,
 * a footer at the bottom, body lines 14 pt apart and paragraphs set apart by extra space.
 */
export async function writeLayoutPdf(
  dir: string,
  name: string,
  pages: readonly LayoutPage[],
): Promise<string> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const content of pages) {
    const page = pdf.addPage([595, 842]);
    if (content.header) page.drawText(content.header, { x: 380, y: 800, size: 9, font: regular });
    if (content.footer) page.drawText(content.footer, { x: 270, y: 30, size: 9, font: regular });
    let y = 760;
    for (const line of content.lines) {
      const size = line.size ?? 11;
      if (line.gapBefore) y -= 10;
      page.drawText(line.text, { x: 56, y, size, font: line.bold ? bold : regular });
      y -= Math.round(size * 1.27);
    }
  }
  const file = path.join(dir, name);
  await writeFile(file, await pdf.save());
  return file;
}
