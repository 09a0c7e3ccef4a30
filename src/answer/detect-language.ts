const ENGLISH_MARKERS = new Set([
  "the",
  "what",
  "who",
  "which",
  "when",
  "where",
  "how",
  "does",
  "do",
  "is",
  "are",
  "can",
  "of",
  "and",
  "why",
]);
const SWEDISH_MARKERS = new Set([
  "och",
  "att",
  "det",
  "som",
  "är",
  "vem",
  "vad",
  "hur",
  "när",
  "vilka",
  "vilken",
  "för",
  "med",
  "har",
  "kan",
  "ska",
]);

/** Guesses whether a question is English or Swedish; Swedish unless English clearly dominates. */
export function detectLanguage(text: string): "sv" | "en" {
  if (/[åäö]/i.test(text)) return "sv";
  let english = 0;
  let swedish = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ENGLISH_MARKERS.has(word)) english++;
    if (SWEDISH_MARKERS.has(word)) swedish++;
  }
  return english >= 2 && english > swedish ? "en" : "sv";
}
