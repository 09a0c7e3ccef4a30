import { fileURLToPath } from "node:url";
import { loadWordVectors } from "./word-vector-file.ts";
import type { WordVectorModel } from "./word-vector-model.ts";

/** Where the shipped Swedish word vectors live (trained on SFS statutes; see the file header). */
export const DEFAULT_WORD_VECTORS_PATH = fileURLToPath(new URL("./data/sv-statutes.vec.gz", import.meta.url));

let cached: WordVectorModel | undefined;

/** The shipped word vectors, read on first use and cached for the process. */
export function loadDefaultWordVectors(): WordVectorModel {
  cached ??= loadWordVectors(DEFAULT_WORD_VECTORS_PATH);
  return cached;
}
