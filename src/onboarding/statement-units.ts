import { answerUnits } from "../answer/answer-units.ts";
import { splitSentences } from "../knowledge/split-sentences.ts";
import { wordsOf } from "./quote-in-passage.ts";

const LIST_MARKER = /^\s*(?:[-–•*]|\d{1,2}[.)])\s+/u;
/** Items longer than this are paragraphs, and end the list. */
const MAX_ITEM_WORDS = 40;
/** Shorter items are labels ("Gemensam värdegrund och gemensamt mål"), not statements. */
const MIN_ITEM_WORDS = 6;

/**
 * The sentences of a passage a statement may quote: the answer units (sentences, and a lead-in
 * with its list), plus each list item on its own, because documents often write items without a
 * full stop ("Samverkansstrukturen är ett system för samråd …, beslut kan endast fattas hos
 * huvudmännen") and one item may be exactly what a reader needs.
 */
export function statementUnits(text: string): string[] {
  const units = answerUnits(text).map((unit) => unit.text);
  const seen = new Set(units.map(keyOf));
  let inList = false;
  for (const rawBlock of text.split(/\n[ \t]*\n/)) {
    const block = rawBlock.replace(LIST_MARKER, "").replace(/\s+/g, " ").trim();
    const words = block.split(" ").length;
    if (inList && words <= MAX_ITEM_WORDS && words >= MIN_ITEM_WORDS) {
      for (const sentence of splitSentences(block)) {
        const key = keyOf(sentence);
        if (seen.has(key) || sentence.split(" ").length < MIN_ITEM_WORDS) continue;
        seen.add(key);
        units.push(sentence.trim());
      }
    }
    if (block.endsWith(":")) inList = true;
    else if (words > MAX_ITEM_WORDS) inList = false;
  }
  return units
    .map((unit) => ({ unit, at: positionOf(text, unit) }))
    .sort((left, right) => left.at - right.at)
    .map((entry) => entry.unit);
}

function keyOf(text: string): string {
  return wordsOf(text).join(" ");
}

function positionOf(text: string, unit: string): number {
  const at = text.indexOf(unit.slice(0, 40));
  return at === -1 ? Number.MAX_SAFE_INTEGER : at;
}
