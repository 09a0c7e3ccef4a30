import { getDocumentProxy } from "unpdf";
import { SamsynError } from "../../errors.ts";
import type { FormatLoader } from "./parsed-document.ts";
import { pdfLines } from "./pdf-lines.ts";
import { type PdfTextItem, pdfTextItems, pdfTitle } from "./pdf-text-items.ts";
import { plainTextBlocks } from "./plain-text-blocks.ts";

/**
 * Loads a PDF: text per page without running headers, footers and page numbers, with paragraphs
 * found from line spacing and headings from font size, bold type and the plain-text heuristics.
 * Every block keeps its 1-based page number; a real title in the document information is kept.
 */
export const loadPdf: FormatLoader = async (bytes, file) => {
  let pages: PdfTextItem[][];
  let title: string | null;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = await pdfTextItems(pdf);
      title = await pdfTitle(pdf);
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  const blocks = plainTextBlocks(pdfLines(pages));
  if (blocks.length === 0) {
    throw new SamsynError(
      "ingest_unreadable_file",
      `${file}: PDF-filen innehåller ingen text (troligen inskannade bilder). Kör textigenkänning (OCR) på den eller lägg in texten som .txt eller .md.`,
    );
  }
  return { blocks, metadata: title ? { title } : {} };
};

function unreadable(file: string, error: unknown): SamsynError {
  const name = error instanceof Error ? error.name : "";
  const reason =
    name === "PasswordException"
      ? "PDF-filen är lösenordsskyddad. Spara en kopia utan lösenord"
      : "PDF-filen är trasig eller inte en giltig PDF. Öppna den och spara eller exportera den på nytt som PDF";
  return new SamsynError(
    "ingest_unreadable_file",
    `${file}: ${reason}, eller ta bort den ur kunskapsmappen.`,
    {
      cause: error,
    },
  );
}
