/** A pattern for `word` standing alone: no letter or digit right before or after it ("KS", not "KSL"). */
export function wholeWord(word: string, flags = "u"): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags);
}
