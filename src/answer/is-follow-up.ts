const ANAPHORA = new Set([
  "det",
  "den",
  "de",
  "dem",
  "dess",
  "deras",
  "där",
  "dit",
  "han",
  "hon",
  "dessa",
  "detta",
  "denna",
  "it",
  "they",
  "that",
  "there",
]);
const CONTINUATIONS = new Set(["och", "men", "samt", "också", "and", "but"]);

/**
 * Whether a question leans on the one before it ("Och hur ofta träffas de?"), so the earlier
 * question should give it its topic. Outside threads a new question stands on its own.
 */
export function isFollowUp(question: string): boolean {
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return false;
  if (CONTINUATIONS.has(words[0] ?? "")) return true;
  return words.length <= 8 && words.some((word) => ANAPHORA.has(word));
}
