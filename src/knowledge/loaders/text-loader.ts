import { decodeText } from "./decode-text.ts";
import type { FormatLoader } from "./parsed-document.ts";
import { linesFromText, plainTextBlocks } from "./plain-text-blocks.ts";

/** Loads a .txt file: paragraphs, bullets and headings recognised from the layout of the text. */
export const loadText: FormatLoader = async (bytes, file) => {
  const { text, encoding } = decodeText(bytes, file);
  return { blocks: plainTextBlocks(linesFromText(text)), metadata: {}, encoding };
};
