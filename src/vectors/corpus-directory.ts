import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;
const LINK_TARGET = /\]\([^)\s]*\)/g;
// Typesetters' hyphenation in older statutes ("inbetal- ning") would otherwise yield word halves;
// "hälso- och" style coordination keeps its hyphen because a conjunction follows.
const HYPHENATION = /(?<=\p{Ll})- (?!(?:och|eller|samt|respektive|resp|som|till)(?!\p{L}))(?=\p{Ll})/gu;

/** Every .md and .txt file under a directory, in a stable (sorted) order. */
export function listCorpusFiles(directory: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...listCorpusFiles(path));
    else if (/\.(md|txt)$/i.test(entry.name)) files.push(path);
  }
  return files;
}

/** A file's body text: without YAML front matter, Markdown link targets or line-end hyphenation. */
export function readCorpusText(path: string): string {
  return readFileSync(path, "utf8")
    .replace(FRONT_MATTER, "")
    .replace(LINK_TARGET, "]")
    .replace(HYPHENATION, "");
}

/**
 * The analysed training documents of a set of files. Each paragraph (text between blank lines) is
 * one document: windows stop at paragraph ends and IDF is counted per paragraph, which is closer
 * to the passages retrieval ranks than whole statutes are.
 */
export function* corpusDocuments(
  files: readonly string[],
  termsOf: (text: string) => string[],
): Generator<string[]> {
  for (const file of files) {
    for (const paragraph of readCorpusText(file).split(/\n[ \t]*\n/)) {
      const terms = termsOf(paragraph);
      if (terms.length > 0) yield terms;
    }
  }
}
