/**
 * Builds src/text/data/thesaurus-sv.txt.gz from the Swedish thesaurus shipped by Debian's
 * `mythes-sv` package (th_sv_SE_v2.dat, © 2009 Viggo Kann, KTH; see the notice in the output file):
 *
 *   apt-get download mythes-sv && dpkg-deb -x mythes-sv_*.deb /tmp/mythes
 *   npx tsx scripts/build-thesaurus.ts --in /tmp/mythes/usr/share/mythes/th_sv_SE_v2.dat \
 *     --out src/text/data/thesaurus-sv.txt.gz
 *
 * Output: a notice header (lines starting with #), then `headword<TAB>synonym|synonym|…` per line,
 * lower case, UTF-8, gzipped. Synonyms are single words (query expansion works on analysed terms);
 * a headword may be a phrase of two or three words ("komma igång"), also one that the original lists
 * as a synonym of a single word. Modified from the original: re-encoded, filtered, reformatted.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const { values } = parseArgs({ options: { in: { type: "string" }, out: { type: "string" } } });
if (!values.in || !values.out) {
  process.stderr.write(
    "Användning: npx tsx scripts/build-thesaurus.ts --in th_sv_SE_v2.dat --out FIL.txt.gz\n",
  );
  process.exit(2);
}

const NOTICE = `# Swedish thesaurus for Samsyn query expansion, derived from th_sv_SE_v2.dat (Debian package mythes-sv).
# Copyright (C) 2009 Viggo Kann. Original notice:
#   THIS MATERIAL IS PROVIDED AS IS, WITH ABSOLUTELY NO WARRANTY EXPRESSED OR IMPLIED. ANY USE IS AT YOUR OWN RISK.
#   Permission is hereby granted to use or copy this program for any purpose, provided the above notices are
#   retained on all copies. Permission to modify the code and to distribute modified code is granted, provided
#   the above notices are retained, and a notice that the code was modified is included with the above copyright notice.
# Modified for Samsyn: re-encoded to UTF-8, lower-cased, one line per headword; multi-word entries kept only
# as phrases of two or three words with single-word synonyms ("komma igång" → "börja|starta"), both directions.
# Made with: npx tsx scripts/build-thesaurus.ts --in th_sv_SE_v2.dat --out src/text/data/thesaurus-sv.txt.gz`;

const isWord = (text: string) => /^\p{L}[\p{L}-]*\p{L}$/u.test(text);
// "komma igång", "ta hand om": everyday phrases whose one-word synonyms the documents use.
const MAX_PHRASE_WORDS = 3;
const isPhrase = (text: string) => {
  const words = text.split(" ");
  return (
    words.length >= 2 && words.length <= MAX_PHRASE_WORDS && words.every((word) => /^\p{L}+$/u.test(word))
  );
};
const add = (entries: Map<string, Set<string>>, from: string, to: string) => {
  if (from === to) return;
  const set = entries.get(from) ?? new Set<string>();
  set.add(to);
  entries.set(from, set);
};
const lines = new TextDecoder("latin1").decode(fs.readFileSync(values.in)).split("\n").slice(1);
const entries = new Map<string, Set<string>>();
let headword: string | null = null;
for (const line of lines) {
  if (line.startsWith("|") || line.startsWith("(")) {
    if (headword === null) continue;
    const synonyms = line
      .split("|")
      .slice(1)
      .map((word) => word.trim().toLowerCase());
    for (const synonym of synonyms) {
      if (isWord(synonym)) add(entries, headword, synonym);
      // A phrase listed as a synonym of a word stands for that word ("stå för" → "ansvara").
      else if (isWord(headword) && isPhrase(synonym)) add(entries, synonym, headword);
    }
  } else if (line.includes("|")) {
    const word = line.split("|")[0]?.trim().toLowerCase() ?? "";
    headword = isWord(word) || isPhrase(word) ? word : null;
  }
}
const body = [...entries.entries()]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([word, synonyms]) => `${word}\t${[...synonyms].join("|")}`);
fs.writeFileSync(values.out, gzipSync(`${NOTICE}\n${body.join("\n")}\n`, { level: 9 }));
process.stdout.write(
  `${entries.size} uppslagsord skrivna till ${values.out} (${fs.statSync(values.out).size} byte)\n`,
);
