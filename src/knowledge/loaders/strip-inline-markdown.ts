// The SFS converter marks italics as "*/k/ … */-k/" and "*/kurs/ … */slut kurs/"; they are not text.
const SFS_ITALIC_MARKERS = /\*\/(?:-?k|kurs|slut kurs)\/\s?/g;
// Every pattern stops at the next opening delimiter instead of scanning to the end of the text for a
// closing one, so a paragraph full of unclosed "![", "[", "<", "**" or backticks costs linear time.
const IMAGE = /!\[([^\][]*)\]\([^()]*\)/g;
// Link text holds no "[": nested links are unwrapped innermost first, one level per pass.
const INLINE_LINK = /\[([^\][]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g;
const REFERENCE_LINK = /\[([^\][]+)\]\[[^\][]*\]/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]+)>/g;
const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const CODE_SPAN = /(`{1,16})([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const STRONG_STARS = /\*\*(?=\S)((?:[^*]|\*(?!\*))*?\S)\*\*/g;
const STRONG_UNDERSCORES = /__(?=\S)((?:[^_]|_(?!_))*?\S)__/g;
const STRIKETHROUGH = /~~(?=\S)((?:[^~]|~(?!~))*?\S)~~/g;
const EMPHASIS_STAR = /\*(?=[^\s*])([^*]*?[^\s*])\*/g;
// Underscores inside words ("snake_case") are not emphasis.
const EMPHASIS_UNDERSCORE = /(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~"'])/g;
const HEADING_ID = /\s*\{#[^{}]*\}\s*$/;

/**
 * Reduces one block of Markdown to the plain text a reader sees: link and image text without
 * the URL, emphasis and code without their markers. Offsets of the document refer to this text.
 */
export function stripInlineMarkdown(markdown: string): string {
  let text = markdown
    .replace(SFS_ITALIC_MARKERS, "")
    .replace(CODE_SPAN, (_match, _ticks: string, code: string) => code.trim())
    .replace(IMAGE, "$1");
  // Links can nest ("[3 kap. i lagen ([2010:800](…))](…)"); each pass unwraps the innermost.
  for (let pass = 0; pass < 3 && text.includes("]("); pass++) text = text.replace(INLINE_LINK, "$1");
  return text
    .replace(REFERENCE_LINK, "$1")
    .replace(AUTOLINK, "$1")
    .replace(HTML_TAG, " ")
    .replace(STRONG_STARS, "$1")
    .replace(STRONG_UNDERSCORES, "$1")
    .replace(STRIKETHROUGH, "$1")
    .replace(EMPHASIS_STAR, "$1")
    .replace(EMPHASIS_UNDERSCORE, "$1$2")
    .replace(HEADING_ID, "")
    .replace(ESCAPE, "$1");
}
