/** A term a text defines, with the sentence or list item that defines it. */
export interface TermDefinition {
  /** The defined term as written ("kränkande behandling", "en persons hemkommun"). */
  term: string;
  /** The defining sentence or list item. */
  text: string;
}

/** Words a defined term may have at most; longer matches are prose, not terms. */
const MAX_TERM_WORDS = 5;

/** A definition list item: "tillbyggnad: ändring av en byggnad som …" (lower-case term and definition). */
const LIST_DEFINITION =
  /^[ \t]*(?:[-–•*][ \t]+)?(\p{Ll}[\p{L}-]*(?:[ \t]+[\p{L}-]+){0,4}):[ \t]+((?:\p{Ll}|\d)[^\n]*)$/gmu;
/** "Med en persons hemkommun avses …", "Med utbildning menas …". */
const MED_AVSES = /\bMed[ \t]+((?:[\p{L}-]+[ \t]+){0,5}?[\p{L}-]+)[ \t]+(?:avses|menas)\b/gu;
/** "I denna lag avses med skolenhet en av huvudmannen …" — the term ends at the definition's article. */
const AVSES_MED =
  /\bavses[ \t]+med[ \t]+((?:[\p{L}-]+[ \t]+){0,3}?[\p{L}-]+)[ \t]+(?:en|ett|den|det|de|att|sådan|sådana|dels)\b/gu;
/** "… som regeringen bestämmer och av byggnadsnämnden (tillsynsmyndigheterna)." */
const PARENTHESIS = /\((\p{Ll}[\p{L}-]{3,}(?:[ \t]+\p{Ll}[\p{L}-]+)?)\)/gu;
const SENTENCE_END = /[.!?](?=\s|$)/gu;

/**
 * Finds the terms a passage defines the way Swedish statutes, reglementen and agreements do: a
 * definition list ("byggherre: den som …"), "Med X avses …", "I denna lag avses med X …" and a
 * term introduced in parentheses after its description ("… (planbeskrivning).").
 */
export function extractDefinitions(text: string): TermDefinition[] {
  const found: TermDefinition[] = [];
  const add = (term: string, definition: string) => {
    const words = term.trim().split(/\s+/u);
    if (words.length > MAX_TERM_WORDS) return;
    found.push({ term: words.join(" "), text: definition.trim() });
  };
  for (const match of text.matchAll(LIST_DEFINITION)) add(match[1] ?? "", match[0]);
  for (const pattern of [MED_AVSES, AVSES_MED, PARENTHESIS]) {
    for (const match of text.matchAll(pattern)) {
      add(match[1] ?? "", sentenceAround(text, match.index ?? 0, (match.index ?? 0) + match[0].length));
    }
  }
  return found;
}

/** The sentence holding text[start, end): from the previous sentence end (or blank line) to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  for (const match of text.slice(0, start).matchAll(SENTENCE_END)) from = (match.index ?? 0) + 1;
  const blankLine = text.lastIndexOf("\n\n", start);
  if (blankLine !== -1 && blankLine + 2 > from) from = blankLine + 2;
  const rest = text.slice(end).search(/[.!?](?=\s|$)|\n\s*\n/u);
  const to = rest === -1 ? text.length : end + rest + 1;
  return text.slice(from, to).replace(/\s+/gu, " ");
}
