import { CompoundSplitter } from "./compound-splitter.ts";
import { loadDefaultLexicon } from "./default-lexicon.ts";
import { type Token, tokenize } from "./tokenize.ts";

/** An acronym and the long form a text defines it as. */
export interface AcronymDefinition {
  acronym: string;
  longForm: string;
}

/** Options of `extractAcronyms`. */
export interface ExtractAcronymsOptions {
  /** Finds the compound parts whose initials a long-form word contributes (default: shipped lexicon). */
  splitter?: CompoundSplitter;
}

/** Two to ten letters, starting upper-case, at least two upper-case letters: "HSN", "FaR", "LUPP". */
const ACRONYM = /^\p{Lu}[\p{L}]{1,9}$/u;
/** Small words a long form may skip: "Fysisk aktivitet på recept" is FaR, "Hälso- och sjukvård" H+S. */
const FILLERS: ReadonlySet<string> = new Set([
  "och",
  "på",
  "i",
  "för",
  "av",
  "till",
  "med",
  "om",
  "vid",
  "inom",
]);
/** Where a long form cannot reach across: sentence punctuation, brackets, a blank line. */
const BOUNDARY = /[.!?;:()[\]]|\n[ \t]*\n/g;
const PARENTHESIS = /\(([^()]{1,160})\)/g;
const EQUATION = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}]{1,9})[ \t]*(?:=|[–—]|[ \t]-)[ \t]+/gu;
/** Words a long form may have at most, per letter of the acronym, fillers included. */
const WORDS_PER_LETTER = 2;

let sharedSplitter: CompoundSplitter | undefined;

function defaultSplitter(): CompoundSplitter {
  sharedSplitter ??= new CompoundSplitter(loadDefaultLexicon());
  return sharedSplitter;
}

function isAcronym(word: string): boolean {
  if (!ACRONYM.test(word)) return false;
  let upper = 0;
  for (const character of word) if (character !== character.toLowerCase()) upper++;
  return upper >= 2;
}

interface Word {
  token: Token;
  lower: string;
  /** Initials the word can contribute: its own first letter, then those of its later compound parts. */
  initials: string[];
}

function toWords(tokens: readonly Token[], splitter: CompoundSplitter): Word[] | undefined {
  const words: Word[] = [];
  for (const token of tokens) {
    if (/\P{L}/u.test(token.text)) return undefined;
    const lower = token.text.toLowerCase();
    const parts = FILLERS.has(lower) ? [lower] : splitter.split(lower);
    words.push({ token, lower, initials: parts.map((part) => part.charAt(0)) });
  }
  return words;
}

/**
 * Whether `words` (in order) spell exactly `letters`: each content word gives its initial and
 * possibly initials of its later compound parts; fillers give their initial or nothing.
 */
function spells(words: readonly Word[], letters: string): boolean {
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined || FILLERS.has(first.lower) || FILLERS.has(last.lower))
    return false;
  // reachable[j]: the words so far can spell letters.slice(0, j).
  let reachable = new Set<number>([0]);
  for (const word of words) {
    const next = new Set<number>();
    const isFiller = FILLERS.has(word.lower);
    for (const position of reachable) {
      if (isFiller) next.add(position);
      if (letters[position] !== word.initials[0]) continue;
      // The word's own initial, then any in-order subset of its later part initials.
      let ends = new Set<number>([position + 1]);
      for (const initial of word.initials.slice(1)) {
        const grown = new Set(ends);
        for (const end of ends) if (letters[end] === initial) grown.add(end + 1);
        ends = grown;
      }
      for (const end of ends) next.add(end);
    }
    reachable = next;
    if (reachable.size === 0) return false;
  }
  return reachable.has(letters.length);
}

function longFormText(text: string, words: readonly Word[]): string {
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined) return "";
  return text.slice(first.token.start, last.token.end).replace(/\s+/g, " ");
}

/** Start of the stretch of text before `index` that a long form may cover. */
function stretchStart(text: string, index: number): number {
  const from = Math.max(0, index - 300);
  let start = from;
  for (const match of text.slice(from, index).matchAll(BOUNDARY))
    start = from + match.index + match[0].length;
  return start;
}

/** End of the stretch of text after `index` that a long form may cover. */
function stretchEnd(text: string, index: number): number {
  const slice = text.slice(index, index + 300);
  const match = new RegExp(BOUNDARY.source).exec(slice);
  return index + (match === null ? slice.length : match.index);
}

/** "Long form (ACR)": the fewest words right before the parenthesis that spell the acronym. */
function defineBefore(
  text: string,
  open: number,
  acronym: string,
  splitter: CompoundSplitter,
): string | undefined {
  const start = stretchStart(text, open);
  const tokens = tokenize(text.slice(start, open)).map((token) => ({
    ...token,
    start: token.start + start,
    end: token.end + start,
  }));
  const letters = acronym.toLowerCase();
  const maxWords = Math.min(tokens.length, letters.length * WORDS_PER_LETTER);
  for (let count = 1; count <= maxWords; count++) {
    const words = toWords(tokens.slice(tokens.length - count), splitter);
    if (words === undefined) return undefined;
    if (spells(words, letters)) return longFormText(text, words);
  }
  return undefined;
}

/** "ACR (Long form)" and "ACR = Long form": the words after the acronym, all of them or the fewest. */
function defineAfter(
  text: string,
  from: number,
  to: number,
  acronym: string,
  splitter: CompoundSplitter,
  wholeStretch: boolean,
): string | undefined {
  const tokens = tokenize(text.slice(from, to)).map((token) => ({
    ...token,
    start: token.start + from,
    end: token.end + from,
  }));
  const letters = acronym.toLowerCase();
  const first = tokens[0];
  if (first === undefined || (!wholeStretch && first.text.charAt(0) === first.text.charAt(0).toLowerCase())) {
    return undefined;
  }
  const maxWords = Math.min(tokens.length, letters.length * WORDS_PER_LETTER);
  const counts = wholeStretch ? [tokens.length] : Array.from({ length: maxWords }, (_, index) => index + 1);
  for (const count of counts) {
    if (count > maxWords) return undefined;
    const words = toWords(tokens.slice(0, count), splitter);
    if (words === undefined) return undefined;
    if (spells(words, letters)) return longFormText(text, words);
  }
  return undefined;
}

/** The acronym written right before `index`, separated from it by spaces only. */
function acronymBefore(text: string, index: number): string | undefined {
  const match = /(?<![\p{L}\p{N}])(\p{L}{2,10})[ \t]*$/u.exec(text.slice(Math.max(0, index - 16), index));
  const word = match?.[1];
  return word !== undefined && isAcronym(word) ? word : undefined;
}

/**
 * Finds acronym definitions in a text: "Hälso- och sjukvårdsnämnden (HSN)", "HSN (Hälso- och
 * sjukvårdsnämnden)", "VGR = Välmående ger resultat" and "VGR – Välmående ger resultat", also
 * across line breaks. The initials of the long form's words (and of their compound parts, so
 * "sjukvårdsnämnden" gives S and N; "och", "på", "i" may be skipped) must spell the acronym
 * exactly; when they do not, nothing is returned. Each distinct definition is listed once.
 */
export function extractAcronyms(text: string, options: ExtractAcronymsOptions = {}): AcronymDefinition[] {
  const splitter = options.splitter ?? defaultSplitter();
  const found: AcronymDefinition[] = [];
  const seen = new Set<string>();
  const add = (acronym: string, longForm: string | undefined): void => {
    if (longForm === undefined) return;
    const key = `${acronym}\t${longForm.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ acronym, longForm });
  };
  for (const match of text.matchAll(PARENTHESIS)) {
    const inner = (match[1] ?? "").trim();
    const open = match.index;
    if (isAcronym(inner)) {
      add(inner, defineBefore(text, open, inner, splitter));
      continue;
    }
    const acronym = acronymBefore(text, open);
    if (acronym !== undefined)
      add(acronym, defineAfter(text, open + 1, open + 1 + (match[1] ?? "").length, acronym, splitter, true));
  }
  for (const match of text.matchAll(EQUATION)) {
    const acronym = match[1] ?? "";
    if (!isAcronym(acronym)) continue;
    const from = match.index + match[0].length;
    add(acronym, defineAfter(text, from, stretchEnd(text, from), acronym, splitter, false));
  }
  return found;
}
