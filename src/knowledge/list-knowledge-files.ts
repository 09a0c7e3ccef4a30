import { readdir } from "node:fs/promises";
import path from "node:path";
import { SamsynError } from "../errors.ts";
import { isSupportedFile } from "./supported-formats.ts";

// Folders of the knowledge root that hold configuration, not documents.
const CONFIGURATION_FOLDERS = new Set(["groups", "calendar"]);
// The root README explains the folder to the people who maintain it, and sources.yaml lists the
// public sources (src/sources/); neither is knowledge.
const ROOT_FILES = new Set(["readme.md", "sources.yaml", "sources.yml"]);

/**
 * Lists the documents of a knowledge folder recursively, as sorted absolute paths. Skips hidden
 * files and folders, Office lock files ("~$…"), the `groups/` and `calendar/` folders, the
 * root README.md and sources.yaml; files of other formats are returned as `unsupported`.
 */
export async function listKnowledgeFiles(root: string): Promise<{ files: string[]; unsupported: string[] }> {
  const files: string[] = [];
  const unsupported: string[] = [];
  const visit = async (folder: string, atRoot: boolean) => {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (!atRoot) throw error;
      throw new SamsynError(
        "ingest_failed",
        `Kunskapsmappen ${folder} kunde inte läsas (${error.code ?? error.message}). Kontrollera sökvägen.`,
        { cause: error },
      );
    });
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
      const fullPath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (atRoot && CONFIGURATION_FOLDERS.has(entry.name.toLowerCase())) continue;
        await visit(fullPath, false);
      } else if (entry.isFile()) {
        if (atRoot && ROOT_FILES.has(entry.name.toLowerCase())) continue;
        (isSupportedFile(entry.name) ? files : unsupported).push(fullPath);
      }
    }
  };
  await visit(path.resolve(root), true);
  return { files: files.sort(), unsupported: unsupported.sort() };
}
