import { decodeText } from "./decode-text.ts";
import { htmlBlocks } from "./html-blocks.ts";
import type { FormatLoader } from "./parsed-document.ts";

/** Loads a saved web page: readable blocks, title from the first h1 or `<title>`, source from the canonical link. */
export const loadHtml: FormatLoader = async (bytes, file) => {
  const { text, encoding } = decodeText(bytes, file);
  const content = htmlBlocks(text);
  return {
    encoding,
    blocks: content.blocks,
    metadata: {
      type: "webpage",
      ...(content.title ? { title: content.title } : {}),
      ...(content.canonical ? { source: content.canonical } : {}),
    },
  };
};
