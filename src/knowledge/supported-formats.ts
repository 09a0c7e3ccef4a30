import path from "node:path";

/** File extensions Samsyn can read as knowledge documents (lower case, with the dot). */
export const SUPPORTED_EXTENSIONS = [".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm"] as const;

/** Whether a file name has an extension Samsyn can read. */
export function isSupportedFile(fileName: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(fileName).toLowerCase());
}
