import { decodeText } from "./decode-text.ts";
import { parseFrontMatter, splitFrontMatter } from "./front-matter.ts";
import { hasMarkdownHeadings, markdownBlocks } from "./markdown-blocks.ts";
import type { FormatLoader } from "./parsed-document.ts";
import { linesFromText, plainTextBlocks } from "./plain-text-blocks.ts";
import { stripInlineMarkdown } from "./strip-inline-markdown.ts";

/**
 * Loads a Markdown file with optional YAML front matter. A body without any `#` heading is
 * usually text converted from PDF or Word, so its headings are found the way a .txt file's are.
 */
export const loadMarkdown: FormatLoader = async (bytes, file) => {
  const { text, encoding } = decodeText(bytes, file);
  const { frontMatter, body } = splitFrontMatter(text);
  const { metadata, warnings } =
    frontMatter === null ? { metadata: {}, warnings: [] } : parseFrontMatter(frontMatter, file);
  if (hasMarkdownHeadings(body)) return { blocks: markdownBlocks(body), metadata, encoding, warnings };
  const lines = linesFromText(body).map((line) => ({ ...line, text: stripInlineMarkdown(line.text).trim() }));
  return { blocks: plainTextBlocks(lines.filter((line) => line.text !== "")), metadata, encoding, warnings };
};
