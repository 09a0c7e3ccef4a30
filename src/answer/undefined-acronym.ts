import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import { wholeWord } from "../text/index.ts";
import type { AcronymGuess } from "./acronym-guesser.ts";
import type { Answer } from "./answer.ts";
import { answerUnits } from "./answer-units.ts";
import { citationFor, referenceFor } from "./passage-reference.ts";

/**
 * "Vad står NT för?", "Vad betyder KS?", "Vad är FaR?", "What does HSN stand for?": the acronym asked
 * about. Two to six letters, at least two of them capitals, first and last a capital.
 */
const ACRONYM_QUESTION =
  /(?<![\p{L}\p{N}])(?:[Vv]ad\s+står\s+(?<sv>\p{Lu}[\p{L}]{0,4}\p{Lu})\s+för|[Vv]ad\s+(?:betyder|är|menas\s+med)\s+(?:förkortningen\s+)?(?<what>\p{Lu}[\p{L}]{0,4}\p{Lu})(?=\s*[?.!]?\s*$)|[Ww]hat\s+does\s+(?<en>\p{Lu}[\p{L}]{0,4}\p{Lu})\s+(?:stand\s+for|mean))/u;

/** The acronym a question asks the meaning of, or null. */
export function askedAcronym(question: string): string | null {
  const groups = ACRONYM_QUESTION.exec(question.trim())?.groups;
  return groups?.sv ?? groups?.what ?? groups?.en ?? null;
}

const NOT_EXPLAINED = {
  sv: (acronym: string) =>
    `Förkortningen ${acronym} förklaras inte i underlaget, så jag kan inte säga säkert vad den står för. Den används här:`,
  en: (acronym: string) =>
    `The documents use ${acronym} without explaining it, so I cannot say for certain what it stands for. It is used here:`,
};

const PROBABLY = {
  sv: (guess: AcronymGuess) =>
    `${guess.acronym} skrivs inte ut i underlaget, men står troligen för ${guess.longForm}: det ordet används i samma dokument, och bokstäverna stämmer med dess delar.`,
  en: (guess: AcronymGuess) =>
    `The documents never spell out ${guess.acronym}, but it probably stands for "${guess.longForm}": the same document uses that word, and the letters match its parts.`,
};

const USED_HERE = { sv: "Förkortningen används här:", en: "It is used here:" };

/** Passages shown where the acronym is used, each with this much of the sentence using it. */
const USAGES_SHOWN = 3;
const EXCERPT_LENGTH = 240;

/**
 * When the documents use an acronym but never spell it out, the honest answer says so and shows
 * where it is used, rather than quote a sentence that only repeats it. Null when no retrieved
 * passage uses it: then the question is answered (or declined) as any other.
 */
export function undefinedAcronymAnswer(
  acronym: string,
  passages: readonly RetrievedPassage[],
  language: "sv" | "en",
  guess: AcronymGuess | null = null,
): Answer | null {
  const used = wholeWord(acronym);
  const usages = passagesUsing(acronym, passages);
  if (usages.length === 0) return null;
  const [usage] = usages;
  if (guess !== null && usage !== undefined) {
    const quote = sentenceWith(usage.chunk.text, used);
    return {
      text: `${PROBABLY[language](guess)} [1] ${USED_HERE[language]} ”${quote}” [2]`,
      citations: [citationFor(guess.passage, 1, guess.quote), citationFor(usage, 2, quote)],
      abstained: false,
      closest: [],
      language,
    };
  }
  return {
    text: NOT_EXPLAINED[language](acronym),
    citations: [],
    abstained: true,
    closest: usages.map((passage) =>
      referenceFor(passage, EXCERPT_LENGTH, sentenceWith(passage.chunk.text, used)),
    ),
    language,
  };
}

/** The first few passages that use the acronym, where the answer shows it and looks for its long form. */
export function passagesUsing(acronym: string, passages: readonly RetrievedPassage[]): RetrievedPassage[] {
  const used = wholeWord(acronym);
  return passages.filter((passage) => used.test(passage.chunk.text)).slice(0, USAGES_SHOWN);
}

/** The answer unit (sentence, or list item) of `text` that matches `pattern`, or the whole text. */
export function sentenceWith(text: string, pattern: RegExp): string {
  return answerUnits(text).find((unit) => pattern.test(unit.text))?.text ?? text;
}
