/** A content word of the question with its IDF weight; compound parts give partial credit. */
export interface QueryWord {
  /** Stem of the whole word. */
  whole: string;
  /** Stems of its compound parts (empty for simple words). */
  parts: string[];
  weight: number;
}

/** Share of a word's weight earned when only its compound parts, not the word itself, appear. */
const PART_CREDIT = 0.6;

/**
 * Weighs the question's words by BM25-style IDF. A word the index has never seen is left out (no
 * passage could match it); one known only through its parts ("Västernorrlandsregionen") weighs
 * what its best-known part does, discounted.
 */
export function weighQueryWords(
  words: readonly (readonly string[])[],
  documentFrequencies: (terms: readonly string[]) => { frequencies: Map<string, number>; total: number },
): QueryWord[] {
  const { frequencies, total } = documentFrequencies(words.flat());
  const idf = (term: string) => {
    const frequency = frequencies.get(term) ?? 0;
    return frequency === 0 ? 0 : Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  };
  const seen = new Set<string>();
  const result: QueryWord[] = [];
  for (const [whole, ...parts] of words) {
    if (whole === undefined || seen.has(whole)) continue;
    seen.add(whole);
    const wholeWeight = idf(whole);
    const partWeight = Math.max(0, ...parts.map(idf)) * PART_CREDIT;
    const weight = wholeWeight > 0 ? wholeWeight : partWeight;
    if (weight > 0) result.push({ whole, parts, weight });
  }
  return result;
}

/** The weight of the question's words that a set of analysed terms covers, and which words. */
export function coverage(words: readonly QueryWord[], terms: ReadonlySet<string>): { weight: number; covered: string[] } {
  let weight = 0;
  const covered: string[] = [];
  for (const word of words) {
    if (terms.has(word.whole)) {
      weight += word.weight;
      covered.push(word.whole);
      continue;
    }
    if (word.parts.length === 0) continue;
    const matched = word.parts.filter((part) => terms.has(part)).length;
    if (matched > 0) {
      weight += word.weight * PART_CREDIT * (matched / word.parts.length);
      covered.push(word.whole);
    }
  }
  return { weight, covered };
}

/** Sum of all word weights, the denominator of coverage shares. */
export function totalWeight(words: readonly QueryWord[]): number {
  return words.reduce((sum, word) => sum + word.weight, 0);
}

/**
 * Words that frame a question rather than name its topic ("Vad *menas* med …", "Vad *står* X *för*",
 * "Vem *räknas* som …"). The answer uses other words ("avses"), so they must not count as missing.
 */
const QUESTION_FRAME = /(?<![\p{L}\p{N}])(?:menas|betyder|innebär|står|räknas|kallas|handlar)(?![\p{L}\p{N}])/giu;

/** The question with its framing verbs removed, for weighing what an answer must cover. */
export function withoutQuestionFrame(question: string): string {
  return question.replace(QUESTION_FRAME, " ");
}
