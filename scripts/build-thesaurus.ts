/**
 * Builds src/text/data/thesaurus-sv.txt.gz from the Swedish thesaurus shipped by Debian's
 * `mythes-sv` package (th_sv_SE_v2.dat, © 2009 Viggo Kann, KTH; see the notice in the output file):
 *
 *   apt-get download mythes-sv && dpkg-deb -x mythes-sv_*.deb /tmp/mythes
 *   npx tsx scripts/build-thesaurus.ts --in /tmp/mythes/usr/share/mythes/th_sv_SE_v2.dat \
 *     --out src/text/data/thesaurus-sv.txt.gz
 *
 * Output: a notice header (lines starting with #), then `headword<TAB>synonym|synonym|…` per line,
 * single words only, lower case, UTF-8, gzipped. Multi-word synonyms are left out: query expansion
 * works on single analysed terms. Modified from the original: re-encoded, filtered, reformatted.
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
# Modified for Samsyn: re-encoded to UTF-8, lower-cased, multi-word entries removed, one line per headword.
# Made with: npx tsx scripts/build-thesaurus.ts --in th_sv_SE_v2.dat --out src/text/data/thesaurus-sv.txt.gz`;

const isWord = (text: string) => /^\p{L}[\p{L}-]*\p{L}$/u.test(text);
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
    const set = entries.get(headword) ?? new Set<string>();
    for (const synonym of synonyms) if (isWord(synonym) && synonym !== headword) set.add(synonym);
    if (set.size > 0) entries.set(headword, set);
  } else if (line.includes("|")) {
    const word = line.split("|")[0]?.trim().toLowerCase() ?? "";
    headword = isWord(word) ? word : null;
  }
}
const body = [...entries.entries()]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([word, synonyms]) => `${word}\t${[...synonyms].join("|")}`);
fs.writeFileSync(values.out, gzipSync(`${NOTICE}\n${body.join("\n")}\n`, { level: 9 }));
process.stdout.write(
  `${entries.size} uppslagsord skrivna till ${values.out} (${fs.statSync(values.out).size} byte)\n`,
);
