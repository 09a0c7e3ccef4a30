import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from "../config/ingest-limits.ts";
import { SamsynError } from "../errors.ts";
import type { DocumentWarning, LoadedDocument } from "./document.ts";
import { assembleDocument } from "./loaders/assemble-document.ts";
import { loadHtml } from "./loaders/html-loader.ts";
import { inferMetadata } from "./loaders/infer-metadata.ts";
import { loadMarkdown } from "./loaders/markdown-loader.ts";
import type { FormatLoader, ParsedDocument } from "./loaders/parsed-document.ts";
import { loadText } from "./loaders/text-loader.ts";
import { SUPPORTED_EXTENSIONS } from "./supported-formats.ts";

// The PDF and Word parsers take longer to load than most files take to read; they load on first use.
const loadPdf: FormatLoader = async (...args) => (await import("./loaders/pdf-loader.ts")).loadPdf(...args);
const loadDocx: FormatLoader = async (...args) =>
  (await import("./loaders/docx-loader.ts")).loadDocx(...args);

const LOADERS: Record<(typeof SUPPORTED_EXTENSIONS)[number], FormatLoader> = {
  ".md": loadMarkdown,
  ".markdown": loadMarkdown,
  ".txt": loadText,
  ".pdf": loadPdf,
  ".docx": loadDocx,
  ".html": loadHtml,
  ".htm": loadHtml,
};

/** The knowledge id of a file: its path relative to the knowledge folder, with forward slashes. */
export function knowledgeId(absolutePath: string, knowledgeRoot: string): string {
  return path.relative(knowledgeRoot, absolutePath).split(path.sep).join("/");
}

/** A loaded document, the text encoding it was read in when worth telling, and what in its metadata did not fit. */
export interface ReadDocument {
  document: LoadedDocument;
  encoding: string | undefined;
  warnings: DocumentWarning[];
}

/**
 * Reads one knowledge document of any supported format into plain text, structural blocks and
 * metadata. Throws `ingest_unsupported_format`, `ingest_file_too_large` or `ingest_unreadable_file`
 * with a Swedish message that names the file and says what to do.
 */
export async function loadDocument(
  absolutePath: string,
  knowledgeRoot: string,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): Promise<LoadedDocument> {
  return (await readDocument(absolutePath, knowledgeRoot, limits)).document;
}

/** Like `loadDocument`, and also says which text encoding the file was read in. */
export async function readDocument(
  absolutePath: string,
  knowledgeRoot: string,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): Promise<ReadDocument> {
  const id = knowledgeId(absolutePath, knowledgeRoot);
  const extension = path.extname(absolutePath).toLowerCase();
  const loader = LOADERS[extension as keyof typeof LOADERS] as FormatLoader | undefined;
  if (!loader) {
    throw new SamsynError(
      "ingest_unsupported_format",
      `${id}: filformatet "${extension || "utan filändelse"}" stöds inte. Spara dokumentet som ${SUPPORTED_EXTENSIONS.join(", ")} eller flytta det från kunskapsmappen.`,
    );
  }
  const bytes = await readBytes(absolutePath, id, limits);
  let parsed: ParsedDocument;
  try {
    parsed = await loader(bytes, id, limits);
  } catch (error) {
    throw describeLoaderFailure(error, id);
  }
  const characters = parsed.blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (characters > limits.maxCharacters) {
    throw new SamsynError(
      "ingest_file_too_large",
      `${id}: dokumentet är för stort – ${characters.toLocaleString("sv-SE")} tecken text (gränsen är ${limits.maxCharacters.toLocaleString("sv-SE")}, SAMSYN_INGEST_MAX_CHARACTERS). Dela upp det i flera filer, eller höj gränsen.`,
    );
  }
  const { text, blocks } = assembleDocument(parsed.blocks);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new SamsynError(
      "ingest_unreadable_file",
      `${id}: filen innehåller ingen text att söka i. Kontrollera att den inte är tom eller bara bilder, eller ta bort den ur kunskapsmappen.`,
    );
  }
  const document: LoadedDocument = {
    id,
    text,
    blocks,
    metadata: inferMetadata(parsed.metadata, { id, text, blocks }),
    contentHash: createHash("sha256").update(bytes).digest("hex"),
  };
  return { document, encoding: parsed.encoding, warnings: parsed.warnings ?? [] };
}

async function readBytes(absolutePath: string, id: string, limits: IngestLimits): Promise<Buffer> {
  try {
    const size = (await stat(absolutePath)).size;
    if (size === 0) {
      throw new SamsynError(
        "ingest_unreadable_file",
        `${id}: filen är tom (0 byte). Lägg in innehåll i den, eller ta bort den ur kunskapsmappen.`,
      );
    }
    if (size > limits.maxFileBytes) throw tooLarge(id, size, limits);
    return await readFile(absolutePath);
  } catch (error) {
    if (error instanceof SamsynError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "okänt fel";
    throw new SamsynError(
      "ingest_unreadable_file",
      `${id}: filen kunde inte läsas (${code}). Kontrollera att den finns och att Samsyn har läsrättighet till den.`,
      { cause: error },
    );
  }
}

/** The Swedish message for a file over the size limit. */
export function tooLarge(id: string, size: number, limits: IngestLimits): SamsynError {
  const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;
  return new SamsynError(
    "ingest_file_too_large",
    `${id}: filen är för stor (${megabytes(size)}; gränsen är ${megabytes(limits.maxFileBytes)}, SAMSYN_INGEST_MAX_FILE_MB). Dela upp den i mindre filer, eller höj gränsen.`,
  );
}

/** Every loader failure names the file; a parser that recursed too deep says so in Swedish. */
function describeLoaderFailure(error: unknown, id: string): SamsynError {
  if (error instanceof SamsynError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new SamsynError(
      "ingest_unreadable_file",
      `${id}: filen är för djupt nästlad för att läsas (element inuti element i tusentals nivåer). Spara om den från programmet som skapade den, eller ta bort den ur kunskapsmappen.`,
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new SamsynError(
    "ingest_unreadable_file",
    `${id}: filen kunde inte läsas (${reason.slice(0, 200)}). Kontrollera att den är hel och i rätt format, eller ta bort den ur kunskapsmappen.`,
    { cause: error },
  );
}
