const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text in lower case, without punctuation or list markers. */
export function wordsOf(text: string): string[] {
  // A hyphen at a line break joins word halves ("sam-" + "verkan"), as the passage splitter does.
  const joined = text.normalize("NFC").replace(/-[ \t]*\n[ \t]*(?=\p{Ll})/gu, "");
  return joined.toLowerCase().match(WORD) ?? [];
}

/**
 * Whether `quote` appears in `passage` word for word (case, punctuation, line breaks and list
 * markers aside). A passage that only shares some of the words does not count.
 */
export function quoteInPassage(quote: string, passage: string): boolean {
  const needle = wordsOf(quote);
  const [first] = needle;
  if (first === undefined) return false;
  const haystack = wordsOf(passage);
  for (let start = haystack.indexOf(first); start !== -1; start = haystack.indexOf(first, start + 1)) {
    if (start + needle.length > haystack.length) return false;
    let index = 1;
    while (index < needle.length && haystack[start + index] === needle[index]) index++;
    if (index === needle.length) return true;
  }
  return false;
}
