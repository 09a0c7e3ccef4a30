import type { Answer } from "../answer.ts";
import { satisfiesNeed, statesDuration } from "../answer-cues.ts";
import { classifyQuestion, type QuestionAnalysis } from "../classify-question.ts";

/** "Hur länge …", "Hur lång tid tar det …", "Inom vilken tid …": a length of time is asked. */
const ASKS_DURATION =
  /(?<![\p{L}])(?:hur\s+länge|hur\s+lång\s+tid|inom\s+(?:hur\s+lång|vilken)\s+tid)(?![\p{L}])/iu;
/** "Hur mycket får …", "Vad kostar …", "Vilket belopp …": a sum is asked. */
const ASKS_AMOUNT =
  /(?<![\p{L}])(?:hur\s+mycket(?!\s+tid)|vad\s+kostar|vilket\s+belopp|hur\s+stor\s+(?:budget|kostnad|ersättning|summa|andel|avgift))(?![\p{L}])/iu;
/** "Var ligger kansliet?", "Var hålls mötena?", "I vilken lokal …": a place is asked. */
const ASKS_PLACE =
  /(?:^|[.?!]\s+|,\s*|\boch\s+)var\s+(?:ligger|finns|hålls|håller|sammanträder|träffas|möts|ses|sitter|äger)(?![\p{L}])|(?<![\p{L}])(?:på\s+vilken\s+(?:plats|ort|adress)|i\s+vilken\s+(?:lokal|stad|ort|byggnad)|vilken\s+adress)(?![\p{L}])/iu;
/**
 * A place as documents write one: a name after a preposition ("i Göteborg", "på Stadshotellet"), a
 * building or room ("kommunhuset", "sammanträdesrum 2"), or a meeting held online.
 */
const STATES_PLACE =
  /(?<![\p{L}])(?:i|på|hos|vid|till)\s+\p{Lu}\p{Ll}+|(?<![\p{L}])\p{L}*(?:hus|huset|kontor|kontoret|salen|lokal|lokalen|lokaler|lokalerna|rum|rummet|adress|adressen|gatan|vägen)(?![\p{L}])|(?<![\p{L}])(?:digital\p{L}*|distans|teams|zoom|videolänk)(?![\p{L}])/u;

/** Which kind of datum an answer must state but does not. */
export type KindNotGiven = "duration" | "place" | "amount" | NonNullable<QuestionAnalysis["needs"]>;

/**
 * The kind of datum a question asks for that none of the cited sentences states: "Hur lång tid tar
 * det att få ett yttrande?" answered with "Nämnden lämnar yttrande till socialnämnden", "Var ligger
 * kansliet?" answered with a sentence about who heads it, "Hur mycket får varje nämnd?" answered
 * with "utfallet är lägre än budget", "Vem är ordförande?" answered without a name or the post that
 * holds it. The sentence is about the right thing, but
 * it does not say what was asked. Null when the question asks for no such datum or a sentence gives it.
 */
export function kindNotGiven(question: string, answer: Answer): KindNotGiven | null {
  const quotes = answer.citations.map((citation) => citation.quote);
  // The datum the question insists on (a name, a date, a number, how often), whichever composer answered.
  const needs = classifyQuestion(question).needs;
  if (needs !== null && !quotes.some((quote) => satisfiesNeed(needs, quote))) return needs;
  if (ASKS_DURATION.test(question) && !quotes.some(statesDuration)) return "duration";
  if (ASKS_AMOUNT.test(question) && !quotes.some((quote) => satisfiesNeed("number", quote))) return "amount";
  if (ASKS_PLACE.test(question) && !quotes.some((quote) => STATES_PLACE.test(quote))) return "place";
  return null;
}
