import type { QueryWord } from "../query-words.ts";

/**
 * Stands in for "vi", "oss", "vår" …, which no passage contains: a sentence naming the group
 * ("Samverkansberedningen bistås av …") is about what was asked, one naming another body is not.
 */
export const GROUP_WORD = "\u0000grupp";

/**
 * Weight of the group word as a share of the mean weight of the question's own words: the group
 * is the setting of the question, not what it asks, so a sentence that only names the group must
 * not outweigh one that answers the asked word.
 */
export const GROUP_WORD_SHARE = 0.75;

/** The question's words with one standing for the group it speaks of, covered by the group's name terms. */
export function withGroupWord(words: readonly QueryWord[], nameTerms: readonly string[]): QueryWord[] {
  if (nameTerms.length === 0 || words.length === 0) return [...words];
  const mean = words.reduce((sum, word) => sum + word.weight, 0) / words.length;
  const groupWord: QueryWord = {
    whole: GROUP_WORD,
    parts: [],
    weight: GROUP_WORD_SHARE * mean,
    alternatives: new Map(),
    focus: false,
    nameTerms,
  };
  return [...words, groupWord];
}

/** Share a sentence earns that names the group only after its opening, as an object or an aside. */
export const GROUP_ASIDE_SHARE = 0.5;
/** Words of a sentence's opening, where Swedish puts what the sentence is about. */
export const OPENING_WORDS = 4;

/**
 * The weight of the group words a sentence covers: in full when it opens with the group
 * ("Samverkansberedningen bistås av …"), half when it names the group further on ("… deltar i
 * samverkansberedningen").
 */
export function groupWordCoverage(
  groupWords: readonly QueryWord[],
  terms: ReadonlySet<string>,
  openingTerms: ReadonlySet<string>,
): { weight: number; covered: string[] } {
  let weight = 0;
  const covered: string[] = [];
  for (const word of groupWords) {
    const names = word.nameTerms ?? [];
    if (names.length === 0) continue;
    const share = (found: ReadonlySet<string>) =>
      names.filter((term) => found.has(term)).length / names.length;
    const credit = Math.max(share(openingTerms), GROUP_ASIDE_SHARE * share(terms));
    if (credit === 0) continue;
    weight += credit * word.weight;
    covered.push(word.whole);
  }
  return { weight, covered };
}
