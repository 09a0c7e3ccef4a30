import mammoth from "mammoth";
import { SamsynError } from "../../errors.ts";
import { htmlBlocks } from "./html-blocks.ts";
import type { FormatLoader } from "./parsed-document.ts";

/** Loads a Word document through its HTML rendering, so Heading 1–6 styles become headings. */
export const loadDocx: FormatLoader = async (bytes, file) => {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    throw new SamsynError(
      "ingest_unreadable_file",
      `${file}: Word-filen kunde inte läsas (trasig, lösenordsskyddad eller inte en .docx). Öppna den i Word och spara den på nytt som .docx, eller ta bort den ur kunskapsmappen.`,
      { cause: error },
    );
  }
  // The first heading of a Word file is often a section ("Inledning"), so the title is left to inference.
  return { blocks: htmlBlocks(html).blocks, metadata: {} };
};
