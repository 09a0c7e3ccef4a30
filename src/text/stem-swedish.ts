// The Snowball Swedish stemmer (snowballstem.org, "Swedish stemming algorithm", the current
// version with the -et/-ets and -öst rules), written from the published description. Input is
// expected lower-case and NFC; anything else passes through the rules unchanged.

const VOWELS = new Set("aeiouyäåö");
const S_ENDING = new Set("bcdfghjklmnoprtvy");
const OST_ENDING = new Set("iklnprtuv");

const MAIN_SUFFIXES = [
  "a",
  "arna",
  "erna",
  "heterna",
  "orna",
  "ad",
  "e",
  "ade",
  "ande",
  "arne",
  "are",
  "aste",
  "en",
  "anden",
  "aren",
  "heten",
  "ern",
  "ar",
  "er",
  "heter",
  "or",
  "as",
  "arnas",
  "ernas",
  "ornas",
  "es",
  "ades",
  "andes",
  "ens",
  "arens",
  "hetens",
  "erns",
  "at",
  "andet",
  "het",
  "ast",
];
/** Deletable main suffixes grouped by length, longest first, so the first hit is the longest match. */
const MAIN_BY_LENGTH = groupByLength([...MAIN_SUFFIXES, "s", "et"]);

/** Endings before "et" that show the "et" belongs to the stem (frihet, societet, paket, ...). */
const ET_KEEPERS = [
  "h",
  "iet",
  "uit",
  "fab",
  "cit",
  "dit",
  "alit",
  "ilit",
  "mit",
  "nit",
  "pit",
  "rit",
  "sit",
  "tit",
  "ivit",
  "kvit",
  "xit",
  "kom",
  "rak",
  "pak",
  "stak",
];

const CONSONANT_PAIRS = new Set(["dd", "gd", "nn", "dt", "gt", "kt", "tt"]);
const OTHER_BY_LENGTH = groupByLength(["lig", "ig", "els", "öst", "fullt"]);

function groupByLength(suffixes: readonly string[]): Array<[number, Set<string>]> {
  const groups = new Map<number, Set<string>>();
  for (const suffix of suffixes) {
    const group = groups.get(suffix.length) ?? new Set<string>();
    group.add(suffix);
    groups.set(suffix.length, group);
  }
  return [...groups.entries()].sort((a, b) => b[0] - a[0]);
}

function isVowel(character: string | undefined): boolean {
  return character !== undefined && VOWELS.has(character);
}

/** R1 starts after the first non-vowel that follows a vowel, but never before the fourth letter. */
function regionOneStart(word: string): number {
  if (word.length < 3) return word.length;
  let index = 0;
  while (index < word.length && !isVowel(word[index])) index++;
  while (index < word.length && isVowel(word[index])) index++;
  if (index >= word.length) return word.length;
  return Math.max(index + 1, 3);
}

/** Whether an "et" ending at `end` may be removed: consonant-vowel-consonant shape and no keeper ending. */
function etMayBeRemoved(word: string, etStart: number): boolean {
  // A non-vowel right before "et", a vowel before that, and at least one more letter in front.
  if (etStart < 3) return false;
  if (isVowel(word[etStart - 1]) || !isVowel(word[etStart - 2])) return false;
  const before = word.slice(0, etStart);
  return !ET_KEEPERS.some((keeper) => before.endsWith(keeper));
}

function findSuffix(word: string, limit: number, groups: Array<[number, Set<string>]>): string | undefined {
  for (const [length, suffixes] of groups) {
    if (word.length - length < limit) continue;
    const ending = word.slice(word.length - length);
    if (suffixes.has(ending)) return ending;
  }
  return undefined;
}

function removeMainSuffix(word: string, p1: number): string {
  const suffix = findSuffix(word, p1, MAIN_BY_LENGTH);
  if (suffix === undefined) return word;
  const start = word.length - suffix.length;
  if (suffix === "s") {
    // "-ets" goes as a whole when "-et" could go; otherwise the s needs a valid s-ending before it.
    if (word.endsWith("ets") && etMayBeRemoved(word, start - 2)) return word.slice(0, start - 2);
    const previous = word[start - 1];
    return previous !== undefined && S_ENDING.has(previous) ? word.slice(0, start) : word;
  }
  if (suffix === "et") return etMayBeRemoved(word, start) ? word.slice(0, start) : word;
  return word.slice(0, start);
}

function removeConsonantPair(word: string, p1: number): string {
  if (word.length - 2 < p1) return word;
  return CONSONANT_PAIRS.has(word.slice(-2)) ? word.slice(0, -1) : word;
}

function removeOtherSuffix(word: string, p1: number): string {
  const suffix = findSuffix(word, p1, OTHER_BY_LENGTH);
  if (suffix === undefined) return word;
  const start = word.length - suffix.length;
  if (suffix === "fullt") return `${word.slice(0, start)}full`;
  if (suffix === "öst") {
    const previous = word[start - 1];
    return previous !== undefined && OST_ENDING.has(previous) ? `${word.slice(0, start)}ös` : word;
  }
  return word.slice(0, start);
}

/** Stems one lower-case Swedish word with the Snowball Swedish algorithm. */
export function stemSwedish(word: string): string {
  const p1 = regionOneStart(word);
  if (p1 >= word.length) return word;
  let stem = removeMainSuffix(word, p1);
  stem = removeConsonantPair(stem, p1);
  return removeOtherSuffix(stem, p1);
}
