import { SWEDISH_STOP_WORDS } from "../../text/index.ts";
import { isFollowUp } from "../is-follow-up.ts";

/** Pronouns a follow-up uses for what the earlier turn asked about ("Vilka sitter med i det?"). */
const POINTERS = new Set(["det", "den", "de", "dem", "dessa", "detta", "denna", "dess", "deras"]);
const OPENERS = new Set(["och", "men", "samt", "också"]);
/** Words that frame a question but name nothing it is about. */
const FRAME = new Set([
  "vad",
  "vem",
  "vilka",
  "vilken",
  "vilket",
  "hur",
  "när",
  "var",
  "varför",
  "något",
  "nåt",
  "för",
  "finns",
  "gäller",
  "egentligen",
]);
/**
 * Parties of a collaboration: "Och regionen?" after "Hur många ledamöter utser kommunerna …?" asks
 * the same about another party, so the party is swapped, not added.
 */
const PARTY = /^(?:kommun|region|landsting|nämnd|styrelse|förvaltning|part|beredning|förbund)\p{L}*$/u;

/**
 * A follow-up with its subject filled in from the earlier turns of the thread: "Vem sammankallar dem?"
 * after "Vilka resursgrupper finns det?" becomes "Vem sammankallar resursgrupper?", "Och regionen?"
 * after "Hur många ledamöter utser kommunerna till beredningen?" becomes that question about the
 * region. A question that stands on its own is returned unchanged.
 */
export function resolveFollowUp(question: string, history: readonly string[]): string {
  const previousTurn = history.at(-1);
  if (previousTurn === undefined || !isFollowUp(question)) return question;
  const previous = resolveFollowUp(previousTurn, history.slice(0, -1));
  const words = question.match(/\p{L}+|\d+/gu) ?? [];
  const lower = words.map((word) => word.toLowerCase());
  const content = lower.filter(
    (word) => !OPENERS.has(word) && !SWEDISH_STOP_WORDS.has(word) && !FRAME.has(word),
  );
  const asks = lower.some((word) => FRAME.has(word) || word === "hur");
  // "Och regionen?": the earlier question, asked about another party or thing.
  if (!asks && content.length > 0 && content.length <= 3 && !lower.some((word) => POINTERS.has(word))) {
    return swapped(previous, content.join(" "));
  }
  const topic = topicOf(previous);
  if (topic === "") return question;
  const pointer = words.findIndex((word) => POINTERS.has(word.toLowerCase()));
  if (pointer < 0) return `${question.replace(/[?.!\s]+$/u, "")} (${topic})?`;
  let seen = -1;
  return question.replace(/\p{L}+|\d+/gu, (word) => {
    seen++;
    return seen === pointer ? topic : word;
  });
}

/** Question words a verb follows (Swedish puts the verb second: "Hur utses …", "Vem kallar …"). */
const BEFORE_VERB = new Set(["hur", "vem", "vad", "när", "var", "varför"]);
/**
 * Adverbs after "hur" that the verb follows directly ("Hur ofta sammanträder beredningen?"), unlike
 * "hur många", which a noun follows ("Hur många ledamöter utser …").
 */
const HOW_THEN_VERB = new Set(["ofta", "länge", "snabbt", "fort", "tidigt", "sent", "långt"]);

/** The words of an earlier question that say what it was about, without its question word and verb. */
export function topicOf(question: string): string {
  const words = question.match(/\p{L}+|\d+/gu) ?? [];
  return words
    .filter((word, index) => {
      const lower = word.toLowerCase();
      if (index > 0 && BEFORE_VERB.has(words[index - 1]?.toLowerCase() ?? "")) return false;
      const how = words[index - 2]?.toLowerCase() === "hur";
      if (how && HOW_THEN_VERB.has(words[index - 1]?.toLowerCase() ?? "")) return false;
      return !SWEDISH_STOP_WORDS.has(lower) && !FRAME.has(lower) && !OPENERS.has(lower);
    })
    .join(" ");
}

function swapped(previous: string, replacement: string): string {
  if (!PARTY.test(replacement.toLowerCase()))
    return `${previous.replace(/[?.!\s]+$/u, "")} – ${replacement}?`;
  let done = false;
  const result = previous.replace(/\p{L}+/gu, (word) => {
    if (done || !PARTY.test(word.toLowerCase()) || /^beredning/u.test(word.toLowerCase())) return word;
    done = true;
    return replacement;
  });
  return done ? result : `${previous.replace(/[?.!\s]+$/u, "")} – ${replacement}?`;
}
