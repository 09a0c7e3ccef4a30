// Character classes come from a lookup table filled lazily from Unicode regexes: a table beats a
// regex per character by an order of magnitude. The table and flags are module-local on purpose:
// when a module is loaded as CommonJS, imported bindings become getter calls in the hot loop.
const LETTER = 1;
const DIGIT = 2;
const MARK = 4;
const LOWER = 8;
const WORD = LETTER | DIGIT | MARK;
const UNKNOWN = 255;
const CLASSES = new Uint8Array(0x10000).fill(UNKNOWN);

function classify(code: number): number {
  const character = String.fromCharCode(code);
  let flags = 0;
  if (/\p{L}/u.test(character)) flags |= LETTER;
  if (/\p{Ll}/u.test(character)) flags |= LOWER;
  if (/\p{Nd}/u.test(character)) flags |= DIGIT;
  if (/\p{M}/u.test(character)) flags |= MARK;
  CLASSES[code] = flags;
  return flags;
}

/** Class flags of a UTF-16 code unit (NaN past the end gives 0). */
function classOf(code: number): number {
  const flags = CLASSES[code];
  if (flags === undefined) return 0;
  return flags === UNKNOWN ? classify(code) : flags;
}

function isWordCode(code: number): boolean {
  return (classOf(code) & WORD) !== 0;
}

/** A surface token: `text` is the word as written (NFC, joins applied), `start`/`end` its span in the input. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Receives each token as it is found; avoids allocating Token objects on the analyzer's hot path. */
export type TokenSink = (text: string, start: number, end: number) => void;

/**
 * Words that follow a hyphen in coordinations such as "hälso- och sjukvård"; a line-break
 * hyphen before one of these is a dangling first part, not a word split over two lines.
 */
export const COORDINATING_WORDS: ReadonlySet<string> = new Set([
  "och",
  "eller",
  "samt",
  "respektive",
  "resp",
  "liksom",
  "som",
  "till",
  "men",
  "utan",
  "alternativt",
]);

const HYPHEN = 0x2d;
const SOFT_HYPHEN = 0xad;
const UNICODE_HYPHEN = 0x2010;
const NON_BREAKING_HYPHEN = 0x2011;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/** Endings written after a colon on abbreviations: "FN:s", "LUPP:en", "Maj:t". */
const ABBREVIATION_ENDINGS: ReadonlySet<string> = new Set([
  "s",
  "n",
  "t",
  "en",
  "et",
  "ar",
  "er",
  "or",
  "na",
  "ns",
  "ens",
  "ets",
  "ars",
  "ers",
  "arna",
  "erna",
]);
/** Endings written after a colon on numbers: "4:e", "2:a". */
const ORDINAL_ENDINGS: ReadonlySet<string> = new Set(["e", "a"]);
const LONGEST_COLON_ENDING = 4;

function isHyphen(code: number): boolean {
  return code === HYPHEN || code === SOFT_HYPHEN || code === UNICODE_HYPHEN || code === NON_BREAKING_HYPHEN;
}

/** Spaces that may separate digit groups ("1 222", "1\u00a0222"); never a line break. */
export function isGroupSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

function isDigit(code: number): boolean {
  return (classOf(code) & DIGIT) !== 0;
}

/** End of the run of word characters starting at `index`. */
function runEnd(text: string, index: number): number {
  let end = index;
  while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Where the continuation of a word broken as "sam-\nverkan" starts, or -1 when the hyphen at
 * `hyphen` is not such a break (no line break, an upper-case or coordinating next word).
 */
function lineBreakContinuation(text: string, hyphen: number): number {
  let index = hyphen + 1;
  let sawNewline = false;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === NEWLINE || code === CARRIAGE_RETURN) sawNewline = true;
    else if (code !== 0x20 && code !== 0x09 && code !== 0xa0) break;
    index++;
  }
  if (!sawNewline || index >= text.length) return -1;
  if ((classOf(text.charCodeAt(index)) & LOWER) === 0) return -1;
  const next = text.slice(index, runEnd(text, index));
  return COORDINATING_WORDS.has(next) ? -1 : index;
}

/** Whether a digit group of exactly three digits starts at `index` and ends the number. */
function isThreeDigitGroup(text: string, index: number): boolean {
  for (let offset = 0; offset < 3; offset++) {
    if (!isDigit(text.charCodeAt(index + offset))) return false;
  }
  const after = index + 3;
  return after >= text.length || !isWordCode(text.charCodeAt(after));
}

/** Whether the number starting at `start` is itself preceded by "digit + space" (then it is no first group). */
function followsAnotherNumber(text: string, start: number): boolean {
  return start >= 2 && isGroupSpace(text.charCodeAt(start - 1)) && isDigit(text.charCodeAt(start - 2));
}

/**
 * Length of a known ending after the colon at `colon` ("FN:s", "4:e"), or 0. Case-insensitive,
 * so that normalised (lower-cased) text drops exactly the same endings.
 */
function colonSuffixLength(text: string, colon: number, afterDigit: boolean): number {
  let index = colon + 1;
  while (index < text.length && (classOf(text.charCodeAt(index)) & LETTER) !== 0) {
    index++;
    if (index - colon - 1 > LONGEST_COLON_ENDING) return 0;
  }
  if (index === colon + 1) return 0;
  if (index < text.length && isWordCode(text.charCodeAt(index))) return 0;
  const ending = text.slice(colon + 1, index).toLowerCase();
  const known = afterDigit ? ORDINAL_ENDINGS.has(ending) : ABBREVIATION_ENDINGS.has(ending);
  return known ? index - colon : 0;
}

/**
 * Scans `text` for tokens: runs of letters and digits. Joins words split by a hyphen at a line
 * break, digit groups of exactly three digits ("1 222" -> "1222") and soft-hyphenated words;
 * drops colon endings ("FN:s" -> "FN"). Everything else (punctuation, §, dashes) separates.
 * A number right after another number never starts a digit group, but table rows such as
 * "Total 1 222 237" still join into one number: the text does not say where a cell ends.
 */
export function scanTokens(text: string, sink: TokenSink): void {
  const length = text.length;
  let index = 0;
  while (index < length) {
    const startFlags = classOf(text.charCodeAt(index));
    if ((startFlags & (LETTER | DIGIT)) === 0) {
      index++;
      continue;
    }
    const start = index;
    let value = "";
    let pieceStart = index;
    let hasMark = false;
    let digitsOnly = true;
    let groups = 0;
    let end = index;
    for (;;) {
      const runStart = end;
      while (end < length) {
        const flags = classOf(text.charCodeAt(end));
        if ((flags & (LETTER | DIGIT | MARK)) === 0) break;
        if ((flags & MARK) !== 0) hasMark = true;
        if ((flags & DIGIT) === 0) digitsOnly = false;
        end++;
      }
      if (end >= length) break;
      const code = text.charCodeAt(end);
      const lastFlags = classOf(text.charCodeAt(end - 1));
      if (isHyphen(code) && (lastFlags & LETTER) !== 0) {
        const continuation = lineBreakContinuation(text, end);
        const inWordSoftHyphen = code === SOFT_HYPHEN && (classOf(text.charCodeAt(end + 1)) & LETTER) !== 0;
        const next = continuation >= 0 ? continuation : inWordSoftHyphen ? end + 1 : -1;
        if (next >= 0) {
          value += text.slice(pieceStart, end);
          pieceStart = next;
          end = next;
          digitsOnly = false;
          continue;
        }
      }
      const runLength = end - runStart;
      const groupFits = groups === 0 ? runLength <= 3 && !followsAnotherNumber(text, start) : runLength === 3;
      if (digitsOnly && groupFits && isGroupSpace(code) && isThreeDigitGroup(text, end + 1)) {
        value += text.slice(pieceStart, end);
        pieceStart = end + 1;
        end = end + 1;
        groups++;
        continue;
      }
      break;
    }
    value += text.slice(pieceStart, end);
    if (hasMark) value = value.normalize("NFC");
    let tokenEnd = end;
    if (end < length && text.charCodeAt(end) === COLON) {
      tokenEnd += colonSuffixLength(text, end, isDigit(text.charCodeAt(end - 1)));
    }
    sink(value, start, tokenEnd);
    index = tokenEnd;
  }
}

/** Splits text into surface tokens (case kept) with their offsets into the input. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (value, start, end) => {
    tokens.push({ text: value, start, end });
  });
  return tokens;
}
