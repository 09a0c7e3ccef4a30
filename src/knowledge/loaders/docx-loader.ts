import mammoth from "mammoth";
import { SamsynError } from "../../errors.ts";
import { htmlBlocks } from "./html-blocks.ts";
import type { FormatLoader } from "./parsed-document.ts";
import { unpackedSize, zipEntries } from "./zip-entries.ts";

// Pictures and embedded files are stored, not parsed; only the XML parts cost memory to read.
const NOT_PARSED = /^word\/(?:media|embeddings)\//;
// Images are never read: their text is not searchable, and mammoth would inline them as base64.
const NO_IMAGE = mammoth.images.imgElement(async () => ({ src: "" }));

// Beside mammoth's own Heading 1–6: the Title and Subtitle styles, and heading styles saved under
// their Swedish names by programs that localise them.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='Rubrik ${level}'] => h${level}:fresh`),
];

/**
 * Loads a Word document through its HTML rendering, so Heading 1–6 (and Title) styles become
 * headings, as do paragraphs set wholly in bold that read like headings. The archive's own size
 * table is checked first: a small file can unpack to gigabytes of XML.
 */
export const loadDocx: FormatLoader = async (bytes, file, limits) => {
  const entries = zipEntries(bytes);
  if (entries === null) throw unreadable(file);
  const parsed = entries.filter((entry) => !NOT_PARSED.test(entry.name));
  // The directory's claims first (free), then the real sizes, so a lying archive is caught too.
  let unpacked = parsed.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (unpacked <= limits.maxUnpackedBytes) {
    unpacked = 0;
    for (const entry of parsed) {
      const size = unpackedSize(bytes, entry, limits.maxUnpackedBytes - unpacked + 1);
      if (size === null) throw unreadable(file);
      unpacked += size;
      if (unpacked > limits.maxUnpackedBytes) break;
    }
  }
  if (unpacked > limits.maxUnpackedBytes) {
    throw new SamsynError(
      "ingest_file_too_large",
      `${file}: Word-filen är för stor – den packas upp till ${Number.isFinite(unpacked) ? "" : "mer än "}${megabytes(Number.isFinite(unpacked) ? unpacked : limits.maxUnpackedBytes)} text och formatering (gränsen är ${megabytes(limits.maxUnpackedBytes)}, SAMSYN_INGEST_MAX_UNPACKED_MB). Dela upp dokumentet, spara det som PDF, eller höj gränsen om filen är äkta.`,
    );
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { convertImage: NO_IMAGE, styleMap: STYLE_MAP }))
      .value;
  } catch (error) {
    throw unreadable(file, error);
  }
  // The first heading of a Word file is often a section ("Inledning"), so the title is left to inference.
  return { blocks: htmlBlocks(html, { boldParagraphHeadings: true }).blocks, metadata: {} };
};

function unreadable(file: string, cause?: unknown): SamsynError {
  return new SamsynError(
    "ingest_unreadable_file",
    `${file}: Word-filen kunde inte läsas (trasig, lösenordsskyddad eller inte en .docx). Öppna den i Word och spara den på nytt som .docx, eller ta bort den ur kunskapsmappen.`,
    { cause },
  );
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}
