// Builds the shipped Swedish word-frequency lexicon from the SFS statute corpus:
//   mkdir -p /tmp/sfs && tar -xJf /work/shared/corpus/sfs-markdown.tar.xz -C /tmp/sfs
//   npx tsx scripts/build-lexicon.ts --corpus /tmp/sfs --out src/text/data/lexicon-sv.txt.gz
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { buildLexicon } from "../src/text/build-lexicon.ts";
import { formatLexicon } from "../src/text/lexicon-file.ts";
import { COORDINATING_WORDS } from "../src/text/tokenize.ts";

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const LINK_TARGET = /\]\([^)\s]*\)/g;
// Older statutes keep the typesetter's hyphenation as "inbetal- ning"; a hyphen, a space and a
// lower-case word that is no conjunction ("hälso- och") is such a split, and counting its halves
// as words would teach the compound splitter fragments like "ning".
const HYPHENATION = new RegExp(
  `(?<=\\p{Ll})- (?!(?:${[...COORDINATING_WORDS].join("|")})(?![\\p{L}]))(?=\\p{Ll})`,
  "gu",
);

function* markdownFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith(".md")) yield path;
  }
}

/** Body text of each statute: no front matter, link targets or hyphenation splits, so only its words count. */
function* statuteTexts(paths: readonly string[]): Generator<string> {
  for (const path of paths) {
    yield readFileSync(path, "utf8")
      .replace(FRONT_MATTER, "")
      .replace(LINK_TARGET, "]")
      .replace(HYPHENATION, "");
  }
}

function main(): number {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string" },
      out: { type: "string" },
      "min-count": { type: "string", default: "3" },
      "max-words": { type: "string", default: "100000" },
    },
  });
  const minCount = Number(values["min-count"]);
  const maxWords = Number(values["max-words"]);
  if (!values.corpus || !values.out || !Number.isInteger(minCount) || !Number.isInteger(maxWords)) {
    console.error(
      "Användning: npx tsx scripts/build-lexicon.ts --corpus KATALOG --out FIL.txt.gz [--min-count 3] [--max-words 100000]",
    );
    return 2;
  }
  if (!existsSync(values.corpus)) {
    console.error(`Katalogen ${values.corpus} finns inte. Packa upp korpusen först (se kommentaren överst).`);
    return 2;
  }
  const paths = [...markdownFiles(values.corpus)];
  if (paths.length === 0) {
    console.error(
      `Hittade inga .md-filer under ${values.corpus}. Packa upp korpusen först (se kommentaren överst).`,
    );
    return 2;
  }
  const lexicon = buildLexicon(statuteTexts(paths), { minCount, maxWords });
  const comments = [
    "Swedish word frequencies (lower-case word<TAB>count) for compound splitting in src/text.",
    `Source: ${paths.length} statutes of the Swedish Code of Statutes (SFS), public documents, as Markdown`,
    "from the se-lex/sfs conversion (MIT); front matter and link targets skipped, 'inbetal- ning' joined.",
    `Words: ${lexicon.size}, each seen at least ${minCount} times (at most ${maxWords} kept).`,
    `Built with: npx tsx scripts/build-lexicon.ts --corpus DIR --out FILE --min-count ${minCount} --max-words ${maxWords}`,
  ];
  const packed = gzipSync(formatLexicon(lexicon, comments), { level: 9 });
  writeFileSync(values.out, packed);
  console.log(
    `Skrev ${lexicon.size} ord från ${paths.length} filer till ${values.out} (${packed.length} byte).`,
  );
  return 0;
}

process.exitCode = main();
