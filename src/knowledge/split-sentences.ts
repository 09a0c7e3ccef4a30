/** A sentence and its character offsets in the text it was split from. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Abbreviations that usually end the sentence they stand in ("… kostnader osv. Nästa …").
const SENTENCE_FINAL: ReadonlySet<string> = new Set(["osv.", "o.s.v.", "etc."]);
// Abbreviations after which a full stop does not end a sentence, even before a capital
// ("bl.a. Region Halland", "3 kap. 2 §"). Compared in lower case, with the final dot.
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    "bl.a. t.ex. dvs. d.v.s. m.m. m.fl. mfl. ca. c:a. nr. kap. jfr. resp. s.k. p.g.a. pga. fr.o.m. " +
    "t.o.m. f.d. f.n. o.d. ang. avd. mom. prop. bet. rskr. dir. inkl. exkl. tel. ex. ev. enl. st. kl. " +
    "s. sid. ff. art. p. jan. feb. apr. aug. sep. sept. okt. nov. dec. prof. dr. forts. obs. vol. " +
    "uppl. fig. tab. bil."
  ).split(" "),
);
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,3}\.){2,}$/u;
const INITIAL = /^\p{Lu}\.$/u;
const LIST_NUMBER = /^\(?\d{1,3}\.$/;
const BOUNDARY = /([.!?…]+)(["'”’»)\]]*)(\s+)/gu;
const SENTENCE_START = /[\p{Lu}\p{N}"'”»(§–-]/u;

/**
 * Splits Swedish text into sentences with their offsets. Does not split after common
 * abbreviations ("bl.a.", "t.ex.", "dvs.", "m.m.", "kap."), initials, or list numbers ("1."),
 * nor before a word in lower case.
 */
export function splitSentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const punctuation = match[1] ?? "";
    const end = match.index + punctuation.length + (match[2]?.length ?? 0);
    const next = end + (match[3]?.length ?? 0);
    if (next >= text.length || !SENTENCE_START.test(text.charAt(next))) continue;
    if (punctuation === "." && !endsSentence(text, start, match.index + 1)) continue;
    pushTrimmed(spans, text, start, end);
    start = next;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

/** Splits Swedish text into trimmed sentences (see `splitSentenceSpans`). */
export function splitSentences(text: string): string[] {
  return splitSentenceSpans(text).map((span) => span.text);
}

function endsSentence(text: string, sentenceStart: number, dotEnd: number): boolean {
  const wordStart = Math.max(text.lastIndexOf(" ", dotEnd - 1) + 1, sentenceStart);
  const word = text.slice(wordStart, dotEnd).replace(/^[("'„”«[]+/u, "");
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  if (SENTENCE_FINAL.has(lower)) return true;
  return !(DOTTED_ABBREVIATION.test(word) || INITIAL.test(word) || LIST_NUMBER.test(word));
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  if (to > from) spans.push({ text: text.slice(from, to), start: from, end: to });
}
