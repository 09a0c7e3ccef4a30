import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parseLexicon } from "./lexicon-file.ts";

/** Where the shipped Swedish lexicon lives (built by scripts/build-lexicon.ts from the SFS corpus). */
export const DEFAULT_LEXICON_PATH = fileURLToPath(new URL("./data/lexicon-sv.txt.gz", import.meta.url));

let cached: ReadonlyMap<string, number> | undefined;

/** The shipped word-frequency lexicon, read and unzipped on first use and cached. */
export function loadDefaultLexicon(): ReadonlyMap<string, number> {
  cached ??= parseLexicon(
    gunzipSync(readFileSync(DEFAULT_LEXICON_PATH)).toString("utf8"),
    DEFAULT_LEXICON_PATH,
  );
  return cached;
}
