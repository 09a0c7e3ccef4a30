/** "Vad menas med …", "Vad är en …", "Vad räknas som …", "Vem räknas som …", "What is a …". */
const DEFINITION_QUESTION =
  /(?<![\p{L}\p{N}])(?:vad\s+(?:menas|avses|betyder|innebär)(?:\s+med)?|vad\s+är|vad\s+räknas\s+som|vem\s+räknas\s+som|vad\s+kallas|what\s+(?:is|are|does)|what\s+is\s+meant\s+by)\s+(?:begreppet\s+|ordet\s+|termen\s+|uttrycket\s+)?(?:en\s+|ett\s+|a\s+|an\s+|the\s+)?([^?!.;:,–—()"”]+)/iu;
/** Where the term ends: "kränkande behandling | i skollagen", "tillbyggnad | enligt plan- och bygglagen". */
const TERM_END =
  /\s+(?:i|enligt|inom|hos|under|för|när|och|eller|som|på|vid|från|till|in|according|mean)(?:\s|$)/iu;
const MAX_TERM_WORDS = 5;

/**
 * The term a definition question asks about ("Vad menas med kränkande behandling i skollagen?" →
 * "kränkande behandling"), or null when the question does not ask what something means.
 */
export function askedTerm(question: string): string | null {
  const match = DEFINITION_QUESTION.exec(question);
  const rest = match?.[1];
  if (!rest) return null;
  const end = rest.search(TERM_END);
  const term = (end === -1 ? rest : rest.slice(0, end)).trim();
  const words = term.split(/\s+/u).filter((word) => word !== "");
  if (words.length === 0 || words.length > MAX_TERM_WORDS) return null;
  return words.join(" ");
}
