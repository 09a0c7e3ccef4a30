/**
 * Builds a case-insensitive Unicode regex in which `\b` means a word boundary for Swedish letters too
 * and `\w*`/`\w+` match Swedish letters (JavaScript's own `\b` and `\w` treat å, ä and ö as non-word characters).
 */
export function wordPattern(source: string, flags = "iu"): RegExp {
  const unicodeWords = source.replace(/(?<!\[)\\w(?=[*+])/g, "[\\p{L}\\p{N}_]");
  return new RegExp(
    unicodeWords.replaceAll(
      "\\b",
      "(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))",
    ),
    flags,
  );
}
