import { type Analyzer, reportPeriods, withoutYearAnchors } from "../../text/index.ts";
import type { Answer } from "../answer.ts";
import { coverage, type QueryWord, withoutQuestionFrame } from "../query-words.ts";
import { askingSentences, questionParts } from "../question-parts.ts";
import { wordPattern } from "../word-pattern.ts";

/**
 * Words that carry the tone of a question, not its topic ("Kan vi *själva* besluta …", "till
 * *exempel*", "*fortfarande*", "*egentligen*"), and the measure words of "hur stor/lång/mycket" and
 * "hur är X sammansatt" / "vad heter", and idioms ("i så fall"): an answer need not repeat them.
 */
const FILLER = wordPattern(
  String.raw`(?<![\p{L}\p{N}])(?:själv|själva|självt|exempel|t\.\s?ex\.|fortfarande|egentligen|faktiskt|ens|precis|just|redan|ytterst|överhuvudtaget|hur\s+(?:stor|stort|stora|lång|långt|långa|mycket|många|ofta|gammal|gamla)|sammansatt|sammansatta|heter|i\s+(?:så|alla|vilket|varje)\s+fall)(?![\p{L}\p{N}])`,
  "giu",
);

/**
 * A word after a modal or auxiliary (with its subject between: "kan vi *vänta*", "ska man *föra*")
 * or after an infinitive "att" is a verb, whatever nouns share its form ("väntan"); the noun of a
 * light verb ("tagit *ställning*") is part of the verb.
 */
const VERB_BEFORE = /^(?:kan|kunde|ska|skall|måste|får|fick|bör|vill|behöver|brukar|har|hade)$/u;
const SUBJECT = /^(?:jag|du|vi|ni|man|de|han|hon|hen|den|det|någon|nån)$/u;

/** Whether the token at `index` is a verb by the words before it. */
function verbByPosition(tokens: readonly string[], index: number): boolean {
  // Right after a modal comes the subject in a question ("Ska *beredningen* föra …"), so only "att",
  // a modal with a pronoun subject between, or "ta" of a light verb ("ta ställning") tell.
  const before = tokens[index - 1] ?? "";
  if (before === "att" || /^(?:ta|tar|tog|tagit|tas)$/u.test(before)) return true;
  return SUBJECT.test(before) && VERB_BEFORE.test(tokens[index - 2] ?? "");
}

/**
 * The asking part of a question (its scene left out) without frame and filler words, and without
 * the report periods the question words already translate into months ("årets första kvartal" is
 * "januari–mars", which documents write instead).
 */
export function askedText(question: string): string {
  const asking = askingSentences(question);
  let text = withoutYearAnchors(asking.length > 0 ? asking.join(" ") : question);
  for (const period of reportPeriods(text)) text = text.replace(period.phrase, " ");
  return withoutQuestionFrame(text).replace(FILLER, " ");
}

/** The terms an answer rests on: its quotes with their sections and titles. */
export function evidenceTerms(answer: Answer, analyzer: Pick<Analyzer, "analyze">): Set<string> {
  const terms = new Set<string>();
  for (const citation of answer.citations) {
    const text = [citation.quote, citation.section ?? "", citation.title].join("\n");
    for (const term of analyzer.analyze(text)) terms.add(term);
  }
  return terms;
}

/** An asked word the cited sentences do not (fully) cover. */
export interface MissingWord {
  word: string;
  /** Its weight as a share of the heaviest asked word's, times the share left uncovered. */
  share: number;
  /** The question uses it as a noun (see isNounLike), not as a verb or adverb. */
  noun: boolean;
}

/** What the check weighs about one answer. */
export interface AnswerFeatures {
  /**
   * Weight share (of the heaviest asked word) of the heaviest asked topic word the cited sentences,
   * their sections and titles do not cover; 0 when every asked word is covered.
   */
  missingAspect: number;
  /** The asked word behind `missingAspect`, for the log. */
  missingWord: string | null;
  /** Asked nouns that no indexed document contains (and no compound part or synonym of them either). */
  unseenNouns: string[];
  /**
   * Asked nouns that no indexed document contains, weighed only through synonyms that other passages
   * hold ("ersättning" where documents speak of "betalning") and that the cited words do not hold either.
   */
  synonymOnlyNouns: string[];
  /** Every asked topic word the answer leaves (partly) uncovered. */
  missing: MissingWord[];
  /** The question has more than one part (each part was answered on its own). */
  compound: boolean;
}

/** Computes the features of an answer (see AnswerFeatures). */
export function answerFeatures(
  question: string,
  answer: Answer,
  queryWords: readonly QueryWord[],
  analyzer: Pick<Analyzer, "analyze" | "analyzeWords">,
  isNoun: (surface: string) => boolean,
  /** Whether some indexed document contains the term: a word the question's weighing left out on purpose ("årets" before a period) is not unseen. */
  isIndexed?: (term: string) => boolean,
): AnswerFeatures {
  const asked = askedText(question);
  const compound = questionParts(question).length > 1;
  const askedTerms = new Set(analyzer.analyzeWords(asked).map(([whole]) => whole ?? ""));
  const askedWords = queryWords.filter((word) => askedTerms.has(word.whole));
  const heaviest = Math.max(0, ...askedWords.map((word) => word.weight));
  const evidence = evidenceTerms(answer, analyzer);
  const missing: MissingWord[] = [];
  for (const word of askedWords) {
    if (word.focus || heaviest === 0) continue;
    const covered = coverage([word], evidence).weight / word.weight;
    const share = (word.weight / heaviest) * (1 - covered);
    if (share > 0) missing.push({ word: word.whole, share, noun: false });
  }
  const top = missing.reduce<MissingWord | null>(
    (best, item) => (best && best.share >= item.share ? best : item),
    null,
  );
  const weighedWords = new Map(queryWords.map((word) => [word.whole, word]));
  const unseenNouns: string[] = [];
  const synonymOnlyNouns: string[] = [];
  const nouns = new Set<string>();
  const tokens = asked.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  tokens.forEach((surface, index) => {
    const [terms] = analyzer.analyzeWords(surface);
    const whole = terms?.[0];
    // A compound ("utvecklingsmedel", "uppsägningstid") names a thing whatever forms the lexicon has.
    const compound = (terms?.length ?? 0) > 2;
    if (whole === undefined || verbByPosition(tokens, index) || !(compound || isNoun(surface))) return;
    nouns.add(whole);
    const weighed = weighedWords.get(whole);
    // Without the index, a word the question's weighing kept is taken as one some document contains.
    if (isIndexed ? isIndexed(whole) : weighed !== undefined) return;
    // The cited words may still hold it as the head of a compound or name ("strand" in "Mellbystrand"),
    // or hold a synonym of it.
    const asWord: QueryWord = {
      whole,
      parts: terms?.slice(1) ?? [],
      weight: 1,
      alternatives: weighed?.alternatives ?? new Map(),
      focus: false,
    };
    if (coverage([asWord], evidence).weight > 0) return;
    // Weighed only through its parts or synonyms: other documents speak of something like it.
    if (weighed === undefined) unseenNouns.push(surface);
    else if (weighed.parts.length === 0) synonymOnlyNouns.push(surface);
  });
  for (const item of missing) item.noun = nouns.has(item.word);
  return {
    missingAspect: top?.share ?? 0,
    missingWord: top?.word ?? null,
    missing,
    unseenNouns,
    synonymOnlyNouns,
    compound,
  };
}
