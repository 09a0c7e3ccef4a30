/** The whole sentence around the first match, whitespace collapsed. */
export function sentenceWith(text: string, pattern: RegExp): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const at = Math.max(0, flat.search(pattern));
  const before = flat.slice(0, at);
  const start = Math.max(before.lastIndexOf(". "), before.lastIndexOf("? "), before.lastIndexOf("! "));
  const from = start === -1 ? 0 : start + 2;
  const end = flat.slice(at).search(/[.!?](?:\s|$)/u);
  return flat.slice(from, end === -1 ? flat.length : at + end + 1);
}
