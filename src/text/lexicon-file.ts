import { SamsynError } from "../errors.ts";

// A lexicon file is UTF-8 text: "# " comment lines (source, command), then one "word<TAB>count"
// line per word. Alphabetical order keeps the gzipped file small and diffs readable.

/** Writes a lexicon as lexicon-file text, words in code-point order, after the given comment lines. */
export function formatLexicon(
  lexicon: ReadonlyMap<string, number>,
  comments: readonly string[] = [],
): string {
  const words = [...lexicon.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = comments.map((comment) => `# ${comment}`);
  for (const word of words) lines.push(`${word}\t${lexicon.get(word)}`);
  return `${lines.join("\n")}\n`;
}

/** Reads lexicon-file text; `source` names the file in the error for a malformed line. */
export function parseLexicon(text: string, source = "lexikonet"): Map<string, number> {
  const lexicon = new Map<string, number>();
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line === "" || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    const count = Number(line.slice(tab + 1));
    if (tab <= 0 || !Number.isInteger(count) || count < 0) {
      throw new SamsynError(
        "internal_error",
        `Ogiltig rad ${index + 1} i ${source}: väntade "ord<TAB>antal", fick ${JSON.stringify(line.slice(0, 60))}.`,
      );
    }
    lexicon.set(line.slice(0, tab), count);
  }
  return lexicon;
}
