import { CompoundSplitter } from "./compound-splitter.ts";
import { loadDefaultLexicon } from "./default-lexicon.ts";
import { lexiconFingerprint } from "./lexicon-fingerprint.ts";
import { numberWordToDigits } from "./number-word-to-digits.ts";
import { stemSwedish } from "./stem-swedish.ts";
import { SWEDISH_STOP_WORDS } from "./swedish-stop-words.ts";
import { scanTokens } from "./tokenize.ts";

/** Turns text into index terms; the same instance (same `version`) must serve indexing and querying. */
export interface Analyzer {
  /** Index terms of a text, in order: stemmed, number words as digits, compound parts added after the whole word's stem. */
  analyze(text: string): string[];
  /** Terms of a query: like analyze, but without duplicates. */
  queryTerms(text: string): string[];
  /** Terms grouped per word: the whole word's stem first, then its compound parts; stop words left out. */
  analyzeWords(text: string): string[][];
  /** Identifies the analysis (algorithm version + lexicon hash); stored with an index so a change triggers re-analysis. */
  readonly version: string;
}

/** Options of `createSwedishAnalyzer`. */
export interface SwedishAnalyzerOptions {
  /** Word frequencies for compound splitting (default: the shipped SFS lexicon). */
  lexicon?: ReadonlyMap<string, number>;
}

/** Bump whenever any rule of tokenising, stemming, stop words, number words or splitting changes. */
export const SWEDISH_ANALYSIS_ALGORITHM = "sv-analysis-4";

/** Distinct surface forms remembered; a 5.5-million-word corpus has a few hundred thousand. */
const MAX_CACHED_FORMS = 1_000_000;
const NO_TERMS: readonly string[] = [];
/**
 * Longer tokens give no terms: no Swedish word comes near this length (the lexicon's longest has
 * 38 letters), while base64 images, hex dumps and letter runs do, and analysing those letter by
 * letter would cost far more than the rest of the document. The algorithm version stays: every
 * word up to this length is analysed as before, and the shipped word vectors are keyed to it.
 */
export const MAX_ANALYSED_WORD_LENGTH = 64;

/**
 * Creates the Swedish analyzer. Stop words (SWEDISH_STOP_WORDS) and single letters are dropped at
 * index and query time alike: they carry no topic and only bloat the index. Negations are kept.
 */
export function createSwedishAnalyzer(options: SwedishAnalyzerOptions = {}): Analyzer {
  let lexicon = options.lexicon;
  let splitter: CompoundSplitter | undefined;
  let version: string | undefined;
  const cache = new Map<string, readonly string[]>();

  const termsOf = (surface: string): readonly string[] => {
    if (surface.length > MAX_ANALYSED_WORD_LENGTH) return NO_TERMS;
    const cached = cache.get(surface);
    if (cached !== undefined) return cached;
    lexicon ??= loadDefaultLexicon();
    const words = lexicon;
    splitter ??= new CompoundSplitter(words);
    // A capitalised word the lexicon knows as a whole is mostly a name ("Norrbotten"): splitting it
    // ("norr" + "botten") only adds noise. Unknown capitalised compounds (a sentence-initial
    // "Samverkansberedningen") are still split.
    const lower = surface.toLowerCase();
    const isKnownName =
      surface.charAt(0) !== lower.charAt(0) &&
      [lower, `${lower}s`, lower.replace(/s$/u, "")].some((form) => (words.get(form) ?? 0) > 0);
    const terms = analyzeWord(lower, isKnownName ? undefined : splitter, words);
    if (cache.size >= MAX_CACHED_FORMS) cache.clear();
    cache.set(surface, terms);
    return terms;
  };

  const analyze = (text: string): string[] => {
    const terms: string[] = [];
    scanTokens(text, (surface) => {
      const wordTerms = termsOf(surface);
      for (let index = 0; index < wordTerms.length; index++) terms.push(wordTerms[index] as string);
    });
    return terms;
  };

  const analyzeWords = (text: string): string[][] => {
    const words: string[][] = [];
    scanTokens(text, (surface) => {
      const wordTerms = termsOf(surface);
      if (wordTerms.length > 0) words.push([...wordTerms]);
    });
    return words;
  };

  return {
    analyze,
    analyzeWords,
    queryTerms: (text) => [...new Set(analyze(text))],
    get version() {
      lexicon ??= loadDefaultLexicon();
      version ??= `${SWEDISH_ANALYSIS_ALGORITHM}+lexicon-${lexiconFingerprint(lexicon)}`;
      return version;
    },
  };
}

function isDigits(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

// Definite and plural endings the Snowball stemmer leaves on ("skolan", "rektorn", "mötena").
const INFLECTION_ENDINGS = [
  "erna",
  "arna",
  "orna",
  "rna",
  "nas",
  "na",
  "ns",
  "en",
  "et",
  "er",
  "ar",
  "or",
  "n",
];

// Plurals with a vowel change, common in committee texts; the stemmer cannot see they belong together.
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ["ledamöter", "ledamot"],
  ["ledamöterna", "ledamot"],
  ["ledamöternas", "ledamot"],
  ["städer", "stad"],
  ["städerna", "stad"],
  ["länder", "land"],
  ["länderna", "land"],
  ["män", "man"],
  ["männen", "man"],
  ["böcker", "bok"],
  ["böckerna", "bok"],
  ["bönder", "bonde"],
  ["döttrar", "dotter"],
  ["söner", "son"],
]);

/**
 * The most frequent form of a word among the word itself and the word without an inflection ending
 * (optionally ending in -a or -e instead), by corpus frequency. Snowball stems "skolan" to "skolan"
 * but "skola" to "skol", and "rektorn" to "rektorn" but "rektor" to "rekt"; going through the
 * base form first makes all forms of a noun meet in one term.
 */
function baseForm(word: string, lexicon: ReadonlyMap<string, number>): string {
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular !== undefined) return irregular;
  let best = word;
  let bestFrequency = lexicon.get(word) ?? 0;
  for (const ending of INFLECTION_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const base = word.slice(0, -ending.length);
    for (const candidate of [base, `${base}a`, `${base}e`]) {
      const frequency = lexicon.get(candidate) ?? 0;
      if (frequency > bestFrequency) {
        best = candidate;
        bestFrequency = frequency;
      }
    }
  }
  return best;
}

/** Terms of one lower-case word: none for stop words and single letters, else stem then part stems. */
function analyzeWord(
  word: string,
  splitter: CompoundSplitter | undefined,
  lexicon: ReadonlyMap<string, number>,
): readonly string[] {
  if (isDigits(word)) return [word];
  if (word.length < 2 || SWEDISH_STOP_WORDS.has(word)) return NO_TERMS;
  const digits = numberWordToDigits(word);
  if (digits !== undefined) return [digits];
  const stem = stemSwedish(baseForm(word, lexicon));
  const terms = [stem];
  const parts = splitter?.split(word) ?? [];
  if (parts.length < 2) return terms;
  for (const part of parts) {
    const partStem = stemSwedish(baseForm(part, lexicon));
    if (!terms.includes(partStem)) terms.push(partStem);
  }
  return terms;
}
