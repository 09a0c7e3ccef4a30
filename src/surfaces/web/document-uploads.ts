import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { toSamsynError } from "../../errors.ts";
import type { KnowledgeIndex } from "../../index/knowledge-index.ts";
import type { KnowledgeRefresh } from "../../index/knowledge-refresh.ts";
import { isSupportedFile, SUPPORTED_EXTENSIONS } from "../../knowledge/supported-formats.ts";
import type { Logger } from "../../logger.ts";
import { WebRequestError } from "./web-http.ts";

/** What the page shows after an upload: whether the document made it in, and the ingest summary. */
export interface UploadResult {
  file: string;
  /** True when the document is now searchable. */
  indexed: boolean;
  /** True when the file could not be read and was taken out of the knowledge folder again. */
  removedAgain: boolean;
  summary: {
    documents: number;
    chunks: number;
    added: number;
    updated: number;
    removed: number;
    unchanged: number;
    seconds: number;
    skipped: { file: string; message: string }[];
    /** Documents indexed with front matter that did not fit: what was left out and how to write it. */
    warnings: { file: string; field: string | null; message: string }[];
  };
}

/** What uploads need from the core. */
export interface UploadCore {
  index: KnowledgeIndex;
  /** Ingests behind any ingest already running in this process (start-up, another upload). */
  knowledge: Pick<KnowledgeRefresh, "refresh" | "status">;
  config: { knowledgeDir: string };
}

const MAX_NAME_LENGTH = 150;
/** File systems (ext4, APFS, NTFS in UTF-16 units) limit one name to 255 bytes; å, ä and ö take two. */
const MAX_NAME_BYTES = 255;
/**
 * Bidirectional controls (U+200E/F, U+202A–202E, U+2066–2069, U+061C) make `kontrakt\u202Efdp.md`
 * look like `kontraktdm.pdf`; they are never wanted in a document name.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Saves uploaded documents into the knowledge folder and re-indexes incrementally. Uploads run one
 * at a time, so two ingests never overlap; an existing file is never overwritten.
 */
export class DocumentUploads {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly core: UploadCore,
    private readonly logger: Logger,
  ) {}

  /** Saves `bytes` as `fileName` (already checked with `uploadFileName`) and ingests. */
  save(fileName: string, bytes: Buffer): Promise<UploadResult> {
    const run = this.queue.then(() => this.saveNow(fileName, bytes));
    this.queue = run.catch(() => {});
    return run;
  }

  /** Resolves when no upload is running. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private async saveNow(fileName: string, bytes: Buffer): Promise<UploadResult> {
    const knowledgeDir = this.core.config.knowledgeDir;
    const target = path.join(knowledgeDir, fileName);
    if (await exists(target)) {
      throw new WebRequestError(
        409,
        "file_exists",
        `Det finns redan en fil som heter ${fileName} i kunskapsmappen. Byt namn på filen du laddar upp, ` +
          "eller ta bort den gamla ur kunskapsmappen först.",
      );
    }
    // Hidden until complete: the ingest skips dot files, so a half-written file is never read.
    const temporary = path.join(knowledgeDir, `.upload-${randomBytes(6).toString("hex")}`);
    try {
      await fs.writeFile(temporary, bytes, { flag: "wx" });
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      this.logger.error("web upload could not be saved", { file: fileName, error });
      throw new WebRequestError(
        500,
        "save_failed",
        `${fileName} kunde inte sparas i kunskapsmappen (${(error as NodeJS.ErrnoException).code ?? "okänt fel"}). ` +
          "Kontrollera att mappen finns och är skrivbar och att disken inte är full.",
      );
    }
    this.logger.info("web upload saved", { file: fileName, bytes: bytes.length });
    try {
      const summary = await this.core.knowledge.refresh({ logger: this.logger });
      const problem = summary.skipped.find((skipped) => skipped.file === fileName);
      if (problem) await fs.rm(target, { force: true });
      return {
        file: fileName,
        indexed: this.core.index.catalog.document(fileName) !== undefined,
        removedAgain: problem !== undefined,
        summary: {
          documents: summary.documents,
          chunks: summary.chunks,
          added: summary.added,
          updated: summary.updated,
          removed: summary.removed,
          unchanged: summary.unchanged,
          seconds: summary.seconds,
          skipped: summary.skipped.map((skipped) => ({ file: skipped.file, message: skipped.message })),
          warnings: summary.warnings.map(({ file, field, message }) => ({ file, field, message })),
        },
      };
    } catch (error) {
      await fs.rm(target, { force: true });
      const wrapped = toSamsynError(error, "ingest_failed");
      this.logger.error("web upload ingest failed", { file: fileName, error: wrapped });
      throw new WebRequestError(
        500,
        "ingest_failed",
        `Indexeringen misslyckades, så ${fileName} togs bort igen. Det tidigare indexet gäller. Orsak: ${wrapped.message}`,
      );
    }
  }
}

/**
 * Checks the name the browser sent (percent-encoded) and returns it as the file name to save:
 * a plain name without folders, hidden-file dots or control characters, in a supported format.
 */
export function uploadFileName(encoded: string | undefined): string {
  let name: string;
  try {
    name = decodeURIComponent(encoded ?? "")
      .replace(BIDI_CONTROLS, "")
      .normalize("NFC")
      .trim();
  } catch {
    name = "";
  }
  const invalid = (why: string) => new WebRequestError(400, "invalid_name", `Ogiltigt filnamn: ${why}.`);
  if (name === "") throw invalid("filnamnet saknas");
  if (name.length > MAX_NAME_LENGTH) throw invalid(`högst ${MAX_NAME_LENGTH} tecken`);
  if (Buffer.byteLength(name, "utf8") > MAX_NAME_BYTES) {
    throw invalid(
      `namnet är för långt (högst ${MAX_NAME_BYTES} byte; å, ä, ö och andra specialtecken räknas som flera) – korta namnet`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  if (/[/\\\u0000-\u001f\u007f:*?"<>|]/.test(name))
    throw invalid('tecknen / \\ : * ? " < > | är inte tillåtna');
  if (name.startsWith(".") || name.startsWith("~$")) throw invalid("namnet får inte börja med . eller ~$");
  if (!isSupportedFile(name)) {
    throw new WebRequestError(
      415,
      "unsupported_format",
      `${name}: filformatet stöds inte. Ladda upp ${SUPPORTED_EXTENSIONS.join(", ")}.`,
    );
  }
  if (name.toLowerCase() === "readme.md") {
    throw invalid("README.md i kunskapsmappen är anvisningar och indexeras inte – byt namn på filen");
  }
  return name;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
