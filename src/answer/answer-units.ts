import { splitSentences } from "../knowledge/split-sentences.ts";
import { wordPattern } from "./word-pattern.ts";

/** A candidate piece of an extractive answer: one sentence, or a lead-in sentence with its list. */
export interface AnswerUnit {
  text: string;
  /** Position within the passage, for keeping document order. */
  position: number;
  /** How many list items the unit carries after its lead-in (0 for a plain sentence). */
  items: number;
  /** For a list item: the lead-in it completes ("X har följande sammansättning:"), its subject. */
  lead?: string;
  /**
   * How to show an item that continues its lead-in mid-sentence ("att lovet …, och"): lead-in and
   * item as one sentence. Scoring reads `text` with `lead` as context, like any item.
   */
  shown?: string;
  /** For a lead-in with its list: the lead-in and the items apart, so an answer can show the items that answer. */
  list?: AnswerList;
}

/** A lead-in sentence ("X har följande sammansättning:") and the items of its list. */
export interface AnswerList {
  lead: string;
  items: string[];
}

const LIST_ITEM = /^\s*(?:[-–•*]|\d{1,2}[.)]|[a-zåäö][.)])\s+/u;
const MAX_LIST_ITEMS = 10;
const MAX_ITEM_WORDS = 40;
const MAX_LIST_CHARACTERS = 600;

/**
 * Splits a passage into answer units. Wrapped lines (PDF text) are joined; a sentence that ends with
 * a colon keeps the list that follows it, because "X består av:" is useless without its items.
 */
export function answerUnits(passageText: string): AnswerUnit[] {
  const blocks = toBlocks(passageText);
  const units: AnswerUnit[] = [];
  // The last block a signature used, so its post line is not read as the next signature's body.
  let usedUpTo = -1;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (block === undefined) continue;
    if (!block.isListItem && looksLikeHeading(block.text)) {
      // A signature ("Jonas Hellsten" over "Lokala nämnden i Laholm, ordförande") says who holds a post.
      const role = blocks[index + 1];
      if (role && isSignature(block, role)) {
        // "Laholmsnämnden" above the name line says whose post it is.
        let before = index - 1;
        // Past the signature line ("____", ".....").
        while (before > usedUpTo && !/\p{L}/u.test(blocks[before]?.text ?? "")) before--;
        const above = before > usedUpTo ? blocks[before] : undefined;
        const body = above && isSigningBody(above) ? `${above.text}, ` : "";
        units.push({ text: `${block.text}, ${body}${role.text}`, position: units.length, items: 0 });
        index++;
        usedUpTo = index;
      }
      continue;
    }
    if (block.isListItem) {
      // "3. att lovet inte innebär en rätt att påbörja …, och" completes the open sentence above the
      // list ("Av ett bygglov … ska det framgå"): alone it is no answer to show.
      const lead = leadOf(blocks, index);
      const text = block.text.trim();
      units.push(
        lead !== null && isFragment(text)
          ? fragmentUnit(text, lead, units.length)
          : { text, position: units.length, items: 0 },
      );
      continue;
    }
    const sentences = splitSentences(block.text);
    sentences.forEach((sentence, sentenceIndex) => {
      const isLast = sentenceIndex === sentences.length - 1;
      // An open sentence over numbered items ("… kalla till ett tekniskt samråd, om") is shown with
      // each item, never alone.
      if (isLast && blocks[index + 1]?.isListItem === true && !/[.!?:]$/u.test(sentence.trim())) return;
      if (!(isLast && sentence.trimEnd().endsWith(":"))) {
        units.push({ text: sentence.trim(), position: units.length, items: 0 });
        return;
      }
      // Loaders drop list markers, so the items after a lead-in are the short blocks that follow it.
      const items: string[] = [];
      let marked = false;
      while (items.length < MAX_LIST_ITEMS) {
        const next = blocks[index + 1];
        if (!next || (!next.isListItem && wordCount(next.text) > MAX_ITEM_WORDS)) break;
        // A list with bullets ends at the first line without one; a new lead-in starts its own list.
        if (!next.isListItem && (marked || next.text.trimEnd().endsWith(":"))) break;
        marked ||= next.isListItem;
        items.push(next.text);
        index++;
      }
      const list = joinItems(items);
      units.push({
        text: `${sentence.trim()}${list}`,
        position: units.length,
        items: items.length,
        ...(items.length > 1
          ? { list: { lead: sentence.trim(), items: items.map((item) => item.trim()) } }
          : {}),
      });
      // Each item may also answer on its own ("Parterna ska följa upp överenskommelsen vartannat år.").
      for (const item of items) {
        if (isFragment(item)) {
          units.push(fragmentUnit(item, sentence.trim(), units.length));
          continue;
        }
        for (const itemSentence of splitSentences(item)) {
          if (/[.!?]$/u.test(itemSentence.trim()))
            units.push({
              text: itemSentence.trim(),
              position: units.length,
              items: 0,
              lead: sentence.trim(),
            });
        }
      }
    });
  }
  return units.filter((unit) => /\p{L}/u.test(unit.text));
}

/** A list item that continues its lead-in mid-sentence: "att lovet …, och", "vilken giltighetstid lovet har,". */
function isFragment(item: string): boolean {
  return /^\p{Ll}/u.test(item.trim());
}

/** An item that continues its lead-in, scored as itself and shown completed by the lead-in. */
function fragmentUnit(item: string, lead: string, position: number): AnswerUnit {
  return { text: item.trim(), position, items: 0, lead, shown: completed(lead, item) };
}

/** The lead-in and one of its items as one sentence, ending as a sentence ends. */
function completed(lead: string, item: string): string {
  const head = lead.trim().replace(/:$/u, "");
  const tail = item
    .trim()
    .replace(/(?:,|;)?\s*(?:och|eller|samt)$/u, "")
    .replace(/[,;:]$/u, "");
  return `${head} ${tail}${/[.!?]$/u.test(tail) ? "" : "."}`;
}

/**
 * The sentence a list item completes: the last sentence of the paragraph (or short line) right
 * above the list, when it is left open ("… ska det framgå", "… består av:").
 */
function leadOf(blocks: readonly Block[], index: number): string | null {
  let before = index - 1;
  while (before >= 0 && blocks[before]?.isListItem) before--;
  const block = blocks[before];
  if (!block) return null;
  const last = splitSentences(block.text).at(-1)?.trim();
  if (!last || /[.!?]$/u.test(last)) return null;
  return last;
}

/** The items of a list as one sentence tail; a very long list is cut with "…" (the source shows all). */
function joinItems(items: readonly string[]): string {
  if (items.length === 0) return "";
  let text = "";
  for (const item of items.map((entry) => entry.replace(/[.;,]$/u, ""))) {
    const next = text === "" ? item : `${text}; ${item}`;
    if (next.length > MAX_LIST_CHARACTERS && text !== "") return ` ${text}; …`;
    text = next;
  }
  return ` ${text}.`;
}

const PERSON_LINE = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}$/u;
const ROLE = wordPattern(
  String.raw`\b(?:ordförande|vice ordförande|sekreterare|nämndsekreterare|ledamot|ersättare|direktör|chef|samordnare|koordinator|strateg)\b`,
);

/** A name line over a short line naming a post: the signature block at the end of a decision or report. */
function isSignature(name: Block, role: Block): boolean {
  return (
    !role.isListItem &&
    PERSON_LINE.test(name.text) &&
    wordCount(role.text) <= MAX_ROLE_WORDS &&
    ROLE.test(role.text) &&
    !/[.!?]$/u.test(role.text)
  );
}
const MAX_ROLE_WORDS = 8;

/** The body signing, on its own line above the name: "Laholmsnämnden", "Region Norrbotten". */
function isSigningBody(block: Block): boolean {
  return (
    !block.isListItem &&
    looksLikeHeading(block.text) &&
    wordCount(block.text) <= MAX_BODY_WORDS &&
    !block.text.includes(",") &&
    !PERSON_LINE.test(block.text) &&
    /^\p{Lu}/u.test(block.text)
  );
}
const MAX_BODY_WORDS = 4;

/** A short line without sentence punctuation or figures is a heading, not an answer. */
function looksLikeHeading(text: string): boolean {
  return !/[.!?:;]$/u.test(text.trim()) && wordCount(text) <= 8 && !/\d/u.test(text);
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

interface Block {
  text: string;
  isListItem: boolean;
}

/** PDF text often loses bullet glyphs, leaving one leading space; such lines after a colon are a list. */
function inList(blocks: Block[], current: string[]): boolean {
  const previous = current.length > 0 ? current[current.length - 1] : blocks[blocks.length - 1]?.text;
  if (previous === undefined) return false;
  return (
    previous.trimEnd().endsWith(":") ||
    (current.length === 0 && blocks[blocks.length - 1]?.isListItem === true)
  );
}

function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0)
      blocks.push({ text: current.join(" ").replace(/\s+/g, " ").trim(), isListItem: false });
    current = [];
  };
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\u00a0/g, " ");
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (LIST_ITEM.test(line) || (/^ \p{Lu}/u.test(line) && inList(blocks, current))) {
      flush();
      blocks.push({ text: line.replace(LIST_ITEM, "").trim(), isListItem: true });
      continue;
    }
    if (current.length === 0 && looksLikeHeading(line)) {
      // A heading on its own line directly above its text (PDF extraction) is not part of the paragraph.
      blocks.push({ text: line.trim(), isListItem: false });
      continue;
    }
    const previous = current[current.length - 1];
    // A hyphen at a line break joins the word halves ("sam-" + "verkan").
    if (previous?.endsWith("-") && /^\s*\p{Ll}/u.test(line)) {
      current[current.length - 1] = previous.slice(0, -1) + line.trim();
    } else {
      current.push(line.trim());
    }
  }
  flush();
  return blocks;
}
