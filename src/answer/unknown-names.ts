const WORD = /\p{L}[\p{L}\p{N}-]*/gu;

/**
 * Capitalised words in the question (names of places, bodies, people) that no indexed passage
 * contains. "Region Västerbotten" in a knowledge base about Norrbotten means the question is about
 * something the documents do not cover, however well the other words match.
 */
export function unknownNames(
  question: string,
  termsOf: (text: string) => string[],
  isKnown: (term: string) => boolean,
): string[] {
  const unknown: string[] = [];
  for (const match of question.matchAll(WORD)) {
    const word = match[0];
    if (!/^\p{Lu}\p{Ll}/u.test(word) || word.length < 3) continue;
    if (isSentenceStart(question, match.index)) continue;
    // The first term is the whole word's stem; compound parts ("väster" + "botten") do not make a name known.
    const [whole] = termsOf(word);
    if (whole !== undefined && !isKnown(whole)) unknown.push(word);
  }
  return unknown;
}

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === "" || /[.!?:;"(–-]$/u.test(before);
}
