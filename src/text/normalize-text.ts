import { COORDINATING_WORDS } from "./tokenize.ts";

// These rules mirror what `scanTokens` does while scanning, so tokenising normalised text gives
// the same words as tokenising the raw text and lower-casing them.

const LINE_BREAK_HYPHEN =
  /(?<=\p{L})[-\u00ad\u2010\u2011][ \t\u00a0]*[\r\n][ \t\u00a0\r\n]*(\p{Ll}[\p{L}\p{Nd}\p{M}]*)/gu;
const SOFT_HYPHEN_IN_WORD = /(?<=\p{L})\u00ad(?=\p{L})/gu;
const DIGIT_GROUPS =
  /(?<![\p{L}\p{Nd}\p{M}])(?<!\p{Nd}[ \u00a0\u2009\u202f])(\p{Nd}{1,3})((?:[ \u00a0\u2009\u202f]\p{Nd}{3})+)(?![\p{L}\p{Nd}\p{M}])/gu;
const GROUP_SPACE = /[ \u00a0\u2009\u202f]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2039\u203a\u2032]/g;
const SPACES = /[\u00a0\u2007\u2009\u202f]/g;

/**
 * Normalises Swedish text for comparison: NFC, words split by a hyphen at a line break joined
 * ("sam-\nverkan" -> "samverkan"), thousands groups joined ("1 222" -> "1222"), dashes, quotes
 * and odd spaces unified, lower-case.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(LINE_BREAK_HYPHEN, (match: string, next: string) =>
      COORDINATING_WORDS.has(next) ? match : next,
    )
    .replace(SOFT_HYPHEN_IN_WORD, "")
    .replace(
      DIGIT_GROUPS,
      (_match: string, first: string, rest: string) => first + rest.replace(GROUP_SPACE, ""),
    )
    .replace(DASHES, "-")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(SPACES, " ")
    .toLowerCase();
}
