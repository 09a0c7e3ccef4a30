import type { Analyzer } from "../../text/index.ts";
import type { Answer } from "../answer.ts";
import type { QueryWord } from "../query-words.ts";
import { actionNotAddressed } from "./action-not-addressed.ts";
import { answerFeatures } from "./answer-features.ts";
import { kindNotGiven } from "./kind-not-given.ts";
import { isNounLike } from "./noun-like.ts";
import { periodNotAddressed } from "./period-not-addressed.ts";

/**
 * The heaviest asked word an answer leaves uncovered, as a share of the heaviest asked word, above
 * which the answer does not address the question's topic. Chosen on the three dev sets (README,
 * "Mätt kvalitet"): every unanswerable question caught there misses its topic word entirely (1.0),
 * the answerable ones missing a noun miss at most 0.76 of the heaviest word.
 */
export const MISSING_TOPIC_SHARE = 0.9;
/**
 * Statute occurrences from which an asked noun is administrative vocabulary ("arvode", "jäv",
 * "distans"): documents that dealt with it would use the word. Everyday words ("barnpassning",
 * "skollunch") are paraphrased in documents, so their absence says less.
 */
export const MIN_STATUTE_COUNT = 10;

/**
 * Statute occurrences from which an asked noun that no document contains is the administrative term
 * itself, so that documents dealing with it would have used it rather than a synonym: "ersättning"
 * (5,191) is not "betalning"; "inbjudan" (118) is an everyday word for what documents call "kallelse".
 */
export const MIN_SYNONYM_STATUTE_COUNT = 200;

/** Why an answer does not address the question, or null when it does. */
export type CheckResult = {
  reason:
    | "unknown-topic"
    | "topic-not-addressed"
    | "period-not-addressed"
    | "kind-not-given"
    | "action-not-addressed";
  word: string;
} | null;

/**
 * Checks that the cited sentences address what is asked: a noun the question asks about that no
 * document contains at all ("Vilket arvode får ledamöterna?" over documents that never mention
 * arvode) means the material does not answer it, and a topic noun as heavy as the heaviest asked
 * word that neither the cited sentences, their headings nor their titles mention means the answer
 * is about something nearby ("Ska vi föra protokoll …?" answered with a sentence about meetings).
 * So does an answer about another report period than the one asked, and one that never states the
 * kind of datum asked for (a length of time, a place).
 */
export function checkAnswer(
  question: string,
  answer: Answer,
  queryWords: readonly QueryWord[],
  analyzer: Pick<Analyzer, "analyze" | "analyzeWords">,
  lexicon: ReadonlyMap<string, number>,
  /** Whether some indexed document contains the term (see `answerFeatures`). */
  isIndexed?: (term: string) => boolean,
): CheckResult {
  if (answer.abstained) return null;
  const features = answerFeatures(
    question,
    answer,
    queryWords,
    analyzer,
    (word) => isNounLike(word, lexicon),
    isIndexed,
  );
  const unknown =
    features.unseenNouns.find((word) => (lexicon.get(word) ?? 0) >= MIN_STATUTE_COUNT) ??
    features.synonymOnlyNouns.find((word) => (lexicon.get(word) ?? 0) >= MIN_SYNONYM_STATUTE_COUNT);
  if (unknown !== undefined) return { reason: "unknown-topic", word: unknown };
  const topic = features.compound
    ? undefined
    : features.missing.find((item) => item.share >= MISSING_TOPIC_SHARE && item.noun);
  if (topic !== undefined) return { reason: "topic-not-addressed", word: topic.word };
  const period = periodNotAddressed(question, answer);
  if (period !== null) return { reason: "period-not-addressed", word: period };
  const kind = features.compound ? null : kindNotGiven(question, answer);
  if (kind !== null) return { reason: "kind-not-given", word: kind };
  const action = features.compound ? null : actionNotAddressed(question, answer, queryWords, analyzer);
  if (action !== null) return { reason: "action-not-addressed", word: action };
  return null;
}
