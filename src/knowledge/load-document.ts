import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SamsynError } from "../errors.ts";
import type { LoadedDocument } from "./document.ts";
import { assembleDocument } from "./loaders/assemble-document.ts";
import { loadDocx } from "./loaders/docx-loader.ts";
import { loadHtml } from "./loaders/html-loader.ts";
import { inferMetadata } from "./loaders/infer-metadata.ts";
import { loadMarkdown } from "./loaders/markdown-loader.ts";
import type { FormatLoader } from "./loaders/parsed-document.ts";
import { loadPdf } from "./loaders/pdf-loader.ts";
import { loadText } from "./loaders/text-loader.ts";
import { SUPPORTED_EXTENSIONS } from "./supported-formats.ts";

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

/**
 * Reads one knowledge document of any supported format into plain text, structural blocks and
 * metadata. Throws `ingest_unsupported_format` or `ingest_unreadable_file` with a Swedish message
 * that names the file and says what to do.
 */
export async function loadDocument(absolutePath: string, knowledgeRoot: string): Promise<LoadedDocument> {
  const id = knowledgeId(absolutePath, knowledgeRoot);
  const extension = path.extname(absolutePath).toLowerCase();
  const loader = LOADERS[extension as keyof typeof LOADERS] as FormatLoader | undefined;
  if (!loader) {
    throw new SamsynError(
      "ingest_unsupported_format",
      `${id}: filformatet "${extension || "utan filändelse"}" stöds inte. Spara dokumentet som ${SUPPORTED_EXTENSIONS.join(", ")} eller flytta det från kunskapsmappen.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "okänt fel";
    throw new SamsynError(
      "ingest_unreadable_file",
      `${id}: filen kunde inte läsas (${code}). Kontrollera att den finns och att Samsyn har läsrättighet till den.`,
      { cause: error },
    );
  }
  const parsed = await loader(bytes, id);
  const { text, blocks } = assembleDocument(parsed.blocks);
  return {
    id,
    text,
    blocks,
    metadata: inferMetadata(parsed.metadata, { id, text, blocks }),
    contentHash: createHash("sha256").update(bytes).digest("hex"),
  };
}
