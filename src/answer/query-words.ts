import { isTogetherForm, personNounForms } from "../text/index.ts";

/** A content word of the question with its IDF weight; compound parts give partial credit. */
export interface QueryWord {
  /** Stem of the whole word. */
  whole: string;
  /** Stems of its compound parts (empty for simple words). */
  parts: string[];
  weight: number;
  /** Synonyms and close neighbours, each with the share of the weight a match on it earns. */
  alternatives: ReadonlyMap<string, number>;
  /** A name or a specific body ("Norrbotten", "byggnadsnämnden"): an answer must be about it. */
  focus: boolean;
  /** Stems a matching term may begin with: the nouns of a particle verb ("uppsäg" for "säga upp"). */
  beginnings?: readonly string[];
  /**
   * Terms of the name the word stands for ("vi" asked in a group's channel → the group's name): a
   * text covers the share of them it contains.
   */
  nameTerms?: readonly string[];
}

/** Share of a word's weight earned when only its compound parts, not the word itself, appear. */
const PART_CREDIT = 0.6;
/** Share earned by a compound ending in the word ("kommunfullmäktige" for "fullmäktige"). */
const HEAD_CREDIT = 0.8;
/** A word known only through its synonyms counts this share of what they would weigh. */
const ALTERNATIVE_ONLY = 0.5;
/** Share earned by the noun of a particle verb ("uppsägningstid" for "säga upp"). */
const JOINED_CREDIT = 0.8;
/** Share earned by another form of the word ("presidiet" for "presidium"). */
const VARIANT_CREDIT = 0.8;
/** Shorter stems begin too many unrelated words. */
const MIN_VARIANT_LENGTH = 6;
/**
 * Endings of inflection the stemmer leaves on some words (Latin loans: "presidium" / "presidiet",
 * "kriterium" / "kriterier"); derivations ("strategi" / "strategisk") are other words.
 */
const INFLECTION_TAIL = /^(?:um|et|er|en|na|ns|ets|ers|a|e|s)$/u;

/** Whether two stems are one long stem with different inflectional endings ("presidium" / "presidiet"). */
function isVariant(a: string, b: string): boolean {
  if (a === b) return false;
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  if (shared < MIN_VARIANT_LENGTH) return false;
  const tail = (word: string) => word.slice(shared);
  return [a, b].every((word) => tail(word) === "" || INFLECTION_TAIL.test(tail(word)));
}

/** Shorter stems end too many unrelated words ("tid" in "uppsägningstid", but also "antid"). */
const MIN_HEAD_LENGTH = 5;

/**
 * Weighs the question's words by BM25-style IDF. A word the index has never seen weighs what its
 * best-known part ("Västernorrlandsregionen") or synonym does, discounted; without either it is left
 * out (no passage could match it).
 */
export function weighQueryWords(
  words: readonly (readonly string[])[],
  documentFrequencies: (terms: readonly string[]) => { frequencies: Map<string, number>; total: number },
  alternativesOf: (term: string) => ReadonlyMap<string, number> = () => new Map(),
  focusTerms: ReadonlySet<string> = new Set(),
): QueryWord[] {
  const alternatives = new Map(words.map(([whole]) => [whole ?? "", alternativesOf(whole ?? "")]));
  const { frequencies, total } = documentFrequencies([
    ...words.flat(),
    ...[...alternatives.values()].flatMap((map) => [...map.keys()]),
  ]);
  const idf = (term: string) => {
    const frequency = frequencies.get(term) ?? 0;
    return frequency === 0 ? 0 : Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
  };
  const seen = new Set<string>();
  const result: QueryWord[] = [];
  for (const [whole, ...parts] of words) {
    if (whole === undefined || seen.has(whole)) continue;
    seen.add(whole);
    const own = alternatives.get(whole) ?? new Map<string, number>();
    const wholeWeight = idf(whole);
    const partWeight = Math.max(0, ...parts.map(idf)) * PART_CREDIT;
    // "stöttar" never written, "bistås" is: the word weighs what its best-known stand-in earns.
    const alternativeWeight =
      ALTERNATIVE_ONLY * Math.max(0, ...[...own].map(([term, share]) => idf(term) * share));
    const weight = wholeWeight > 0 ? wholeWeight : partWeight > 0 ? partWeight : alternativeWeight;
    if (weight > 0) {
      result.push({
        whole,
        parts,
        weight,
        alternatives: own,
        focus: focusTerms.has(whole),
      });
    }
  }
  return result;
}

/** The weight of the question's words that a set of analysed terms covers, and which words. */
export function coverage(
  words: readonly QueryWord[],
  terms: ReadonlySet<string>,
): { weight: number; covered: string[]; exact: string[] } {
  let weight = 0;
  const covered: string[] = [];
  const exact: string[] = [];
  for (const word of words) {
    if (terms.has(word.whole)) {
      weight += word.weight;
      covered.push(word.whole);
      exact.push(word.whole);
      continue;
    }
    let credit = 0;
    if (word.nameTerms !== undefined && word.nameTerms.length > 0) {
      credit = word.nameTerms.filter((term) => terms.has(term)).length / word.nameTerms.length;
    }
    if (word.parts.length > 0) {
      credit = Math.max(
        credit,
        PART_CREDIT * (word.parts.filter((part) => terms.has(part)).length / word.parts.length),
      );
    }
    for (const [alternative, share] of word.alternatives)
      if (share > credit && terms.has(alternative)) credit = share;
    // "fullmäktige" asked, "kommunfullmäktige" written: a compound the lexicon keeps whole still names
    // a kind of what was asked.
    if (credit < HEAD_CREDIT && word.whole.length >= MIN_HEAD_LENGTH) {
      for (const term of terms) {
        if (term.length > word.whole.length && term.endsWith(word.whole)) {
          credit = HEAD_CREDIT;
          break;
        }
      }
    }
    // "presidium" asked, "presidiet" written: Latin loans and irregular forms the stemmer leaves apart.
    if (credit < VARIANT_CREDIT && word.whole.length >= MIN_VARIANT_LENGTH) {
      for (const term of terms) {
        if (isVariant(word.whole, term)) {
          credit = VARIANT_CREDIT;
          break;
        }
      }
    }
    if (credit < JOINED_CREDIT && word.beginnings !== undefined) {
      if (word.beginnings.some((beginning) => [...terms].some((term) => term.startsWith(beginning)))) {
        credit = JOINED_CREDIT;
      }
    }
    // "kallar" asked, "sammankallande" written; "tjänstepersoner" asked, "nämndtjänsteman" written.
    if (credit < JOINED_CREDIT && [...terms].some((term) => isTogetherForm(term, word.whole))) {
      credit = JOINED_CREDIT;
    }
    if (credit < VARIANT_CREDIT && personNounForms(word.whole).some((form) => terms.has(form))) {
      credit = VARIANT_CREDIT;
    }
    if (credit > 0) {
      weight += word.weight * credit;
      covered.push(word.whole);
    }
  }
  return { weight, covered, exact };
}

/** Sum of all word weights, the denominator of coverage shares. */
export function totalWeight(words: readonly QueryWord[]): number {
  return words.reduce((sum, word) => sum + word.weight, 0);
}

/**
 * Words that frame a question rather than name its topic ("Vad *menas* med …", "Vad *står* X *för*",
 * "Vem *räknas* som …", "Träffas X *lika* ofta som Y", "Hur *skiljer* sig X och Y", "*Går det* att *få till* fler möten"). The answer uses other words ("avses"), so they must not count as missing.
 */
const QUESTION_FRAME =
  /(?<![\p{L}\p{N}])(?:menas|betyder|innebär|står|räknas|kallas|handlar|lika|skiljer|skillnad(?:en|er|erna)?|jämfört|jämföra|måste|går det|gick det|få till|(?<=(?<![\p{L}])hur\s+)(?:snabbt|fort))(?![\p{L}\p{N}])/giu;

/** The question with its framing verbs removed, for weighing what an answer must cover. */
export function withoutQuestionFrame(question: string): string {
  return question.replace(QUESTION_FRAME, " ");
}

// A compound naming one specific body: "byggnadsnämnden", "kommunstyrelsen", "socialberedningen".
const SPECIFIC_BODY =
  /^[\p{L}-]{3,}(?:nämnd|styrelse|styr|beredning|utskott|fullmäktige|fullmäkt|presidi|myndighet)$/u;

/** Whether an analysed term names a specific body rather than bodies in general ("nämnd"). */
export function isSpecificBody(term: string): boolean {
  return SPECIFIC_BODY.test(term);
}
