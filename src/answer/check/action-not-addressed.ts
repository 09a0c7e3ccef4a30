import type { Analyzer } from "../../text/index.ts";
import type { Answer } from "../answer.ts";
import { classifyQuestion } from "../classify-question.ts";
import { coverage, type QueryWord } from "../query-words.ts";

/** Words between "vem" and the action: auxiliaries and modals ("Vem ska justera …"). */
const AUXILIARY = /^(?:ska|skall|kan|får|måste|bör|brukar|har|hade|ska|skulle|kommer|borde)$/u;
/** Verbs that say little about the action, or frame the question ("Vem är …", "Vem håller i …"). */
const LIGHT =
  /^(?:är|var|blir|blev|har|hade|gör|får|står|håller|tar|sköter|sitter|ingår|deltar|finns|bestämmer|vet)$/u;
/** Inflection endings stripped to reach a verb's stem ("kallar" → "kall", "justeras" → "juster"). */
const INFLECTION = /(?:ar|er|ade|de|te|as|es|s|r|a)$/u;
/** Shorter stems begin too many unrelated words ("le" of "leder"). */
const MIN_STEM_LENGTH = 4;

/** The action a who-question asks about ("Vem *kallar* till sammanträdena?"), or null. */
export function askedAction(question: string): string | null {
  if (classifyQuestion(question).kind !== "who") return null;
  const words: string[] = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const start = words.indexOf("vem");
  if (start < 0) return null;
  let index = start + 1;
  while (AUXILIARY.test(words[index] ?? "")) index++;
  const verb = words[index];
  if (verb === undefined || LIGHT.test(verb)) return null;
  return verb;
}

/**
 * The action a who-question asks about when no cited sentence speaks of it: "Vem kallar till rådets
 * sammanträden?" answered with a sentence on how urgent matters are decided between meetings names
 * people, but not who calls the meetings. The action counts as spoken of in any form of its stem
 * ("kallelse", "justeras") or through a synonym retrieval found. Null when no document uses the verb
 * at all: then it is the asker's word for an action the documents name otherwise.
 */
export function actionNotAddressed(
  question: string,
  answer: Answer,
  queryWords: readonly QueryWord[],
  analyzer: Pick<Analyzer, "analyze" | "analyzeWords">,
): string | null {
  const verb = askedAction(question);
  if (verb === null) return null;
  const stem = verb.replace(INFLECTION, "");
  if (stem.length < MIN_STEM_LENGTH) return null;
  // A verb no document uses is how the asker puts it ("Vem har valt …" where documents say "utses").
  const whole = analyzer.analyzeWords(verb)[0]?.[0];
  const asWord = queryWords.find((word) => word.whole === whole);
  if (asWord === undefined) return null;
  const quoted = answer.citations.map((citation) => citation.quote.toLowerCase()).join(" ");
  const words: string[] = quoted.match(/\p{L}+/gu) ?? [];
  if (words.some((word) => word.startsWith(stem) || word.includes(`sam${stem}`))) return null;
  const evidence = new Set(answer.citations.flatMap((citation) => analyzer.analyze(citation.quote)));
  return coverage([asWord], evidence).weight > 0 ? null : verb;
}
