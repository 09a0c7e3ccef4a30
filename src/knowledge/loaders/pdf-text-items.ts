import type { getDocumentProxy } from "unpdf";

type PDFDocumentProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

/** One run of text on a PDF page, with what the layout says about it. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  fontSize: number;
  /** The page's name of the font resource: the same text size in another font is bold or italic. */
  font: string;
  hasEOL: boolean;
}

/** The text runs of every page, in reading order as pdf.js gives them. */
export async function pdfTextItems(pdf: PDFDocumentProxy): Promise<PdfTextItem[][]> {
  const pages: PdfTextItem[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
      items.push({
        str: item.str,
        x,
        y,
        fontSize: Math.hypot(c, d),
        font: item.fontName,
        hasEOL: item.hasEOL,
      });
    }
    pages.push(items);
    page.cleanup();
  }
  return pages;
}

/** Generated titles that name the file or the program, not the document. */
const NO_TITLE =
  /^(?:microsoft (?:word|powerpoint)|untitled|namnlös|dokument\d*$|document\d*$)|\.(?:docx?|pdf|odt|rtf)$/iu;

/** The title stored in the PDF's document information, when it is a real one. */
export async function pdfTitle(pdf: PDFDocumentProxy): Promise<string | null> {
  try {
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    if (typeof title !== "string") return null;
    const trimmed = title.replace(/\s+/g, " ").trim();
    return trimmed.length >= 4 && /\p{L}{3}/u.test(trimmed) && !NO_TITLE.test(trimmed) ? trimmed : null;
  } catch {
    return null;
  }
}
