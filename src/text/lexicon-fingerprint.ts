import { createHash } from "node:crypto";

const fingerprints = new WeakMap<ReadonlyMap<string, number>, string>();

/** A short content hash of a lexicon, independent of entry order; cached per map instance. */
export function lexiconFingerprint(lexicon: ReadonlyMap<string, number>): string {
  const known = fingerprints.get(lexicon);
  if (known !== undefined) return known;
  const words = [...lexicon.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash("sha256");
  for (const word of words) hash.update(`${word}\t${lexicon.get(word)}\n`);
  const fingerprint = hash.digest("hex").slice(0, 16);
  fingerprints.set(lexicon, fingerprint);
  return fingerprint;
}
