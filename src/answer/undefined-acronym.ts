import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Answer } from "./answer.ts";
import { referenceFor } from "./passage-reference.ts";

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

/** Passages shown where the acronym is used. */
const USAGES_SHOWN = 3;

/**
 * When the documents use an acronym but never spell it out, the honest answer says so and shows
 * where it is used, rather than quote a sentence that only repeats it. Null when no retrieved
 * passage uses it: then the question is answered (or declined) as any other.
 */
export function undefinedAcronymAnswer(
  acronym: string,
  passages: readonly RetrievedPassage[],
  language: "sv" | "en",
): Answer | null {
  const used = new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, "u");
  const usages = passages.filter((passage) => used.test(passage.chunk.text)).slice(0, USAGES_SHOWN);
  if (usages.length === 0) return null;
  return {
    text: NOT_EXPLAINED[language](acronym),
    citations: [],
    abstained: true,
    closest: usages.map((passage) => ({
      ...referenceFor(passage),
      excerpt: usageIn(passage.chunk.text, used),
    })),
    language,
  };
}

const EXCERPT_LENGTH = 240;

/** The text from the start of the sentence that uses the acronym, so the excerpt shows the use. */
function usageIn(text: string, used: RegExp): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const at = flat.search(used);
  const before = flat.slice(0, Math.max(0, at));
  const start = Math.max(before.lastIndexOf(". "), before.lastIndexOf("? "), before.lastIndexOf("! "));
  const sentence = flat.slice(start === -1 ? 0 : start + 2);
  return sentence.length > EXCERPT_LENGTH ? `${sentence.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : sentence;
}
