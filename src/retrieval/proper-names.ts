const WORD = /\p{L}[\p{L}\p{N}-]*/gu;

/**
 * Capitalised words that are not at the start of a sentence: names of municipalities, regions,
 * bodies and people ("Laholm", "HälSam", "Region Norrbotten"). Acronyms in capitals count too.
 */
export function properNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || !/^\p{Lu}/u.test(word)) continue;
    const before = text.slice(0, match.index).trimEnd();
    if (before === "" || /[.!?:;"(–-]$/u.test(before)) continue;
    names.push(word);
  }
  return names;
}
