import { extractTextItems, getDocumentProxy } from "unpdf";
import { SamsynError } from "../../errors.ts";
import type { FormatLoader } from "./parsed-document.ts";
import { pdfLines } from "./pdf-lines.ts";
import { plainTextBlocks } from "./plain-text-blocks.ts";

/**
 * Loads a PDF: text per page, with paragraphs found from line spacing and headings from font
 * size and the plain-text heuristics. Every block keeps its 1-based page number.
 */
export const loadPdf: FormatLoader = async (bytes, file) => {
  let pages: Awaited<ReturnType<typeof extractTextItems>>["items"];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = (await extractTextItems(pdf)).items;
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
  return { blocks, metadata: {} };
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
