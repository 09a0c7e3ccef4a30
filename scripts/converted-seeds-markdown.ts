// Writes each Markdown document of a knowledge folder as plain Markdown without front matter, its
// headings marked with `#` as Samsyn reads them, for pandoc to turn into Word and PDF test files:
//   npx tsx scripts/converted-seeds-markdown.ts knowledge /tmp/seeds-md
import fs from "node:fs";
import path from "node:path";
import { loadDocument } from "../src/knowledge/load-document.ts";
import { SKIP_LINK } from "../src/knowledge/loaders/heading-heuristics.ts";

function looksLikeTitle(text: string): boolean {
  return text.length <= 200 && !/[.:;!?]$/.test(text) && !SKIP_LINK.test(text);
}

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  process.stderr.write("Användning: npx tsx scripts/converted-seeds-markdown.ts KUNSKAPSMAPP MÅLMAPP\n");
  process.exit(2);
}
fs.mkdirSync(target, { recursive: true });
const files = fs
  .readdirSync(source)
  .filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md")
  .sort();
for (const name of files) {
  const document = await loadDocument(path.resolve(source, name), path.resolve(source));
  const lines = document.blocks.map((block, index) => {
    // A Word document sets its title in a heading style even when the text version lost it.
    if (index === 0 && block.kind === "paragraph" && looksLikeTitle(block.text)) return `# ${block.text}`;
    if (block.kind === "heading") return `${"#".repeat(block.level ?? 2)} ${block.text}`;
    if (block.kind === "list-item") return `- ${block.text}`;
    // Pandoc would read a leading "1." or "-" of a paragraph as a list marker.
    return block.text.replace(/^(\d+)\./, "$1\\.").replace(/^([-+*])\s/, "\\$1 ");
  });
  fs.writeFileSync(path.join(target, name), `${lines.join("\n\n")}\n`);
}
process.stdout.write(`${files.length} dokument skrivna i ${target}\n`);
