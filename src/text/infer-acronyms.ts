import { CompoundSplitter } from "./compound-splitter.ts";
import { loadDefaultLexicon } from "./default-lexicon.ts";
import { extractAcronyms } from "./extract-acronyms.ts";
import { tokenize } from "./tokenize.ts";

/** An acronym a text uses without defining it, read from the initials of a compound it also uses. */
export interface InferredAcronym {
  acronym: string;
  /** Base form of the compound, lower-case: "nämndtjänsteman", "kommunstyrelse". */
  longForm: string;
  /** Guessed from compound initials, not written out by the author. */
  source: "initials";
}

/** Options of `inferAcronyms`. */
export interface InferAcronymsOptions {
  /** Reads compounds into known words (default: shipped lexicon). */
  splitter?: CompoundSplitter;
  /** Word frequencies; an upper-case common word ("MÅL") is no acronym (default: shipped lexicon). */
  lexicon?: ReadonlyMap<string, number>;
  /** Acronyms defined elsewhere in the knowledge base; they are never guessed. */
  defined?: Iterable<string>;
  /** Last parts a long form may end in (default `BODIES_AND_ROLES`). */
  heads?: readonly string[];
}

/**
 * What committee documents abbreviate without explaining: bodies and roles everyone in the room
 * knows. Without this, any compound with the right initials wins: in the Laholm report "KS" would
 * read as "kunskapsspridning" (used four times) and "KF" as "kostnadsfritt".
 */
export const BODIES_AND_ROLES: readonly string[] = `nämnd styrelse fullmäktige utskott beredning förvaltning
  råd grupp kansli kontor förbund kommun region landsting myndighet verk enhet avdelning central
  centrum mottagning förening organisation institut byrå inspektion ledning sektor tjänsteman
  tjänsteperson chef direktör sekreterare ordförande ledamot handläggare samordnare strateg ombud
  revisor revision presidium`.split(/\s+/);

/** Two to four capitals: "NT", "KS", "LUPP". Mixed case ("FaR") is only ever learned from a definition. */
const ACRONYM = /^\p{Lu}{2,4}$/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;
/** A capitalised word at least this frequent in the lexicon is a shouted word, not an acronym. */
const COMMON_WORD_FREQUENCY = 100;
/** The chosen compound must be used at least this many times as often as the runner-up. */
const DOMINANCE = 2;
/** Endings stripped, stage by stage and longest first, to reach the indefinite singular. */
const GENITIVE = ["ens", "ets", "ns", "ts", "s"];
const DEFINITE = ["arna", "erna", "orna", "na", "en", "et", "n", "t"];
const PLURAL = ["ar", "er", "or"];
const MIN_BASE_LENGTH = 3;
/** Rarer stems are split-off fragments of the lexicon's corpus ("styrels- och"), not base forms. */
const MIN_BASE_FREQUENCY = 10;

let shared: { splitter: CompoundSplitter; lexicon: ReadonlyMap<string, number> } | undefined;

function defaults(): { splitter: CompoundSplitter; lexicon: ReadonlyMap<string, number> } {
  if (shared === undefined) {
    const lexicon = loadDefaultLexicon();
    shared = { splitter: new CompoundSplitter(lexicon), lexicon };
  }
  return shared;
}

/**
 * Guesses what acronyms a text uses but never spells out mean, from compounds in the same text
 * whose parts' initials spell them: "NT" and "nämndtjänsteman"/"nämndtjänstemän" give NT =
 * nämndtjänsteman. Only when one compound (counted by base form) is used at least twice as often
 * as any other; acronyms the text defines or that `defined` lists are left alone.
 */
export function inferAcronyms(text: string, options: InferAcronymsOptions = {}): InferredAcronym[] {
  const splitter = options.splitter ?? defaults().splitter;
  const lexicon = options.lexicon ?? defaults().lexicon;
  const heads = options.heads ?? BODIES_AND_ROLES;
  const defined = new Set(options.defined ?? []);
  for (const definition of extractAcronyms(text, { splitter })) defined.add(definition.acronym);
  // "(RH)" with no readable long form still means the author defined it; a guess could contradict.
  for (const match of text.matchAll(/\((\p{Lu}{2,4})\)/gu)) defined.add(match[1] ?? "");

  const used: string[] = [];
  const wordCounts = new Map<string, number>();
  for (const { text: word } of tokenize(text)) {
    if (ACRONYM.test(word)) {
      if (!used.includes(word) && !defined.has(word) && isAcronym(word, lexicon)) used.push(word);
    } else if (!/\P{L}/u.test(word)) {
      const lower = word.toLowerCase();
      wordCounts.set(lower, (wordCounts.get(lower) ?? 0) + 1);
    }
  }
  if (used.length === 0) return [];

  const wanted = new Set(used.map((acronym) => acronym.toLowerCase()));
  const lengths = new Set(used.map((acronym) => acronym.length));
  // Per spelled initials ("nt"), how often each base form is used.
  const spelled = new Map<string, Map<string, number>>();
  for (const [word, count] of wordCounts) {
    for (const length of lengths) {
      const parts = splitter.segment(word, length);
      if (parts === undefined) continue;
      const initials = parts.map((part) => part.charAt(0)).join("");
      if (!wanted.has(initials)) continue;
      const base = baseForm(word, parts, lexicon);
      if (!heads.some((head) => base.endsWith(head))) continue;
      const forms = spelled.get(initials) ?? new Map<string, number>();
      forms.set(base, (forms.get(base) ?? 0) + count);
      spelled.set(initials, forms);
    }
  }

  const found: InferredAcronym[] = [];
  for (const acronym of used) {
    const longForm = dominant(spelled.get(acronym.toLowerCase()));
    if (longForm !== undefined) found.push({ acronym, longForm, source: "initials" });
  }
  return found;
}

function isAcronym(word: string, lexicon: ReadonlyMap<string, number>): boolean {
  if (ROMAN_NUMERAL.test(word)) return false;
  return (lexicon.get(word.toLowerCase()) ?? 0) < COMMON_WORD_FREQUENCY;
}

/** The most used form when it is used at least `DOMINANCE` times as often as the next one. */
function dominant(forms: ReadonlyMap<string, number> | undefined): string | undefined {
  if (forms === undefined) return undefined;
  const ranked = [...forms].sort(
    (left, right) => right[1] - left[1] || left[0].localeCompare(right[0], "sv"),
  );
  const [first, second] = ranked;
  if (first === undefined) return undefined;
  return second === undefined || first[1] >= DOMINANCE * second[1] ? first[0] : undefined;
}

/**
 * The compound with its last part in the indefinite singular, so "kommunstyrelsens" and
 * "kommunstyrelsen" count together and show as "kommunstyrelse". Of the endings that leave a known
 * word, the one leaving the most frequent word is stripped; "-män" becomes "-man" ("tjänstemän"), the one irregular plural common in these documents.
 */
function baseForm(word: string, parts: readonly string[], lexicon: ReadonlyMap<string, number>): string {
  const last = parts[parts.length - 1] ?? word;
  const head = word.slice(0, word.length - last.length);
  let base = last;
  if (base.endsWith("män") && lexicon.has(`${base.slice(0, -3)}man`)) base = `${base.slice(0, -3)}man`;
  for (const endings of [GENITIVE, DEFINITE, PLURAL]) base = stripEnding(base, endings, lexicon);
  return head + base;
}

/** The most frequent known word left by stripping one of `endings`, or `word` itself. */
function stripEnding(word: string, endings: readonly string[], lexicon: ReadonlyMap<string, number>): string {
  let best = word;
  let bestFrequency = 0;
  for (const ending of endings) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    const frequency = lexicon.get(stem) ?? 0;
    if (stem.length >= MIN_BASE_LENGTH && frequency >= MIN_BASE_FREQUENCY && frequency > bestFrequency) {
      best = stem;
      bestFrequency = frequency;
    }
  }
  return best;
}
