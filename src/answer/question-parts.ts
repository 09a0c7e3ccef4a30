import { wordPattern } from "./word-pattern.ts";

// "…, och hur många finns det?", "… och vad ska det åstadkomma?", "…, och går det att …?"
const PREPOSITION = "(?:på|för|till|av|med|från|i|om|hos|under)";
const ASKING = String.raw`(?:vad|vem|vems|vilka|vilken|vilket|hur|när|var|varför|sedan när|går|kan|får|finns|måste|ska|behöver|är|har)\b`;
// "…, och i så fall för hur länge?": a filler and a preposition may come before the question word.
const CLAUSE_START = wordPattern(
  String.raw`(?:,\s*(?:och|samt|men)?|\s(?:och|samt))\s+(?:i så fall\s+)?(?=(?:${PREPOSITION} )?${ASKING})`,
  "giu",
);
// "På vems uppdrag …", "Till vem …": a question may open with a preposition.
const QUESTION_START = wordPattern(String.raw`^\s*(?:${PREPOSITION} )?${ASKING}`, "iu");
/** Shorter "parts" are fragments of one question ("vem och när"), not questions of their own. */
const MIN_PART_WORDS = 3;

/**
 * The questions a compound question asks ("Vad är en lokal nämnd, och hur många finns det?" → two),
 * each answered by its own sentence. One-part questions come back as one part.
 */
export function questionParts(question: string): string[] {
  const sentences = questionSentences(question);
  // Only the asking sentence is split; a scene before it ("Jag är ny …. Vad …?") stays whole.
  const asking = sentences.at(-1) ?? "";
  const parts = asking
    .split(CLAUSE_START)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  // "Om en part vill lämna, hur lång tid …" is one question with a condition, not two questions.
  if (
    parts.length < 2 ||
    !parts.every((part) => QUESTION_START.test(part)) ||
    parts.some((part) => part.split(/\s+/u).length < MIN_PART_WORDS)
  ) {
    return [question.trim()];
  }
  return parts;
}

/** The sentences of a question as typed: a scene ("Jag är nyvald i …."), then what is asked. */
export function questionSentences(question: string): string[] {
  return question
    .trim()
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .filter((sentence) => sentence.trim() !== "");
}

/** The sentences of a question that ask (end with "?"), without the scene set before them. */
export function askingSentences(question: string): string[] {
  return questionSentences(question).filter((sentence) => sentence.trimEnd().endsWith("?"));
}
