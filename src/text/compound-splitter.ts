import { SWEDISH_STOP_WORDS } from "./swedish-stop-words.ts";

/** Tuning of `CompoundSplitter`; the defaults suit a lexicon of a few million running words. */
export interface CompoundSplitterOptions {
  /** Shortest part, in letters (default 3). */
  minPartLength?: number;
  /** Lowest frequency of a part of four or more letters (default 3). */
  minPartFrequency?: number;
  /** Lowest frequency of a three-letter part (default 100): short words match by chance too easily. */
  minShortPartFrequency?: number;
}

/**
 * Never parts: prefixes, particles and derivational suffixes that happen to be words ("för",
 * "fram", "het", "skap", "dom", "ring"), so "förskola", "verksamhet", "ungdom" or "värdering"
 * are not read as compounds of them. Stop words are never parts either.
 */
const NON_PARTS: ReadonlySet<string> = new Set(
  `sam samt samman miss fram före bort ner ners tills vari kom åre ena des ers
  ande anden andet andets are rande bar bart lig liga ligt lös lösa löst else ens arna erna orna
  het heten heter heterna hetens hets skap skapet skapen kap kapet dom domen domar domarna
  ring ringen ringar ning ningen ningens ningar ningarna ing inge ingen ingar inga`.split(/\s+/),
);

/** Inflectional endings stripped to recognise a last part ("centraler" -> "central"), longest first. */
const ENDINGS = `arnas ernas ornas arna erna orna ades ande ende aste ens ets ers ars ors ade are ast
  en et er ar or na ns ts es de te s n t a e`.split(/\s+/);

const LINKING_VOWELS = new Set(["a", "e", "o", "u"]);

/**
 * Longest word considered for splitting. The search is quadratic in the word's length, and the
 * longest word of the lexicon has 38 letters; anything much longer is a base64 blob or a
 * letter run, not a compound.
 */
export const MAX_COMPOUND_LENGTH = 64;

interface Segmentation {
  parts: string[];
  /** Sum of log frequencies; with equal part counts the higher sum has the higher geometric mean. */
  score: number;
  /** Log frequency of each part. */
  partScores: number[];
}

/**
 * Splits Swedish compounds into known words with a frequency lexicon: fewest parts first, then
 * the highest geometric mean of part frequencies, and only when that mean beats the frequency of
 * the whole word (Koehn & Knight's criterion), so established words such as "verksamhet" stay
 * whole. A word the lexicon knows is split only into parts of four or more letters.
 */
export class CompoundSplitter {
  private readonly lexicon: ReadonlyMap<string, number>;
  private readonly minPartLength: number;
  private readonly minPartFrequency: number;
  private readonly minShortPartFrequency: number;

  /** `lexicon` maps lower-case surface words to their corpus frequency. */
  constructor(lexicon: ReadonlyMap<string, number>, options: CompoundSplitterOptions = {}) {
    this.lexicon = lexicon;
    this.minPartLength = options.minPartLength ?? 3;
    this.minPartFrequency = options.minPartFrequency ?? 3;
    this.minShortPartFrequency = options.minShortPartFrequency ?? 100;
  }

  /**
   * The parts of a compound, lower-case: leading parts in their lexicon form with linking letters
   * removed ("samverkans" -> "samverkan", "hälso" -> "hälsa"), the last part as written;
   * `[word]` when no confident split exists.
   */
  split(word: string): string[] {
    const lower = word.toLowerCase();
    if (lower.length < 2 * this.minPartLength || lower.length > MAX_COMPOUND_LENGTH) return [word];
    if (/\P{L}/u.test(lower)) return [word];
    const wholeFrequency = this.knownFrequency(lower);
    const shortest =
      wholeFrequency >= this.minPartFrequency ? Math.max(this.minPartLength, 4) : this.minPartLength;
    const best = this.bestSegmentation(lower, shortest);
    if (best === undefined) return [word];
    return this.beatsWhole(best, wholeFrequency) ? best.parts : [word];
  }

  /**
   * The most likely split of `word` into exactly `parts` known words (same part forms as `split`),
   * even one `split` keeps whole as more frequent than its parts; undefined when there is none.
   */
  segment(word: string, parts: number): string[] | undefined {
    const lower = word.toLowerCase();
    const shortest = this.minPartLength;
    if (parts < 1 || lower.length < parts * shortest || lower.length > MAX_COMPOUND_LENGTH) return undefined;
    if (/\P{L}/u.test(lower)) return undefined;
    // rests[start]: best segmentation of lower.slice(start) into the part count of the current round.
    let rests: Array<Segmentation | undefined> = new Array(lower.length + 1);
    for (let start = 0; start <= lower.length - shortest; start++) {
      const frequency = this.tailFrequency(lower.slice(start), shortest);
      const score = Math.log(frequency);
      if (frequency > 0) rests[start] = { parts: [lower.slice(start)], score, partScores: [score] };
    }
    for (let count = 2; count <= parts; count++) {
      const next: Array<Segmentation | undefined> = new Array(lower.length + 1);
      const firstStart = count === parts ? 0 : shortest;
      for (let start = firstStart; start <= lower.length - count * shortest; start++) {
        next[start] = this.extend(lower, start, shortest, rests, undefined);
        if (count === parts) break;
      }
      rests = next;
    }
    return rests[0]?.parts;
  }

  /**
   * Koehn & Knight: the parts' geometric mean must beat the whole word's frequency. For a word the
   * lexicon knows, each part must also be at least a quarter as frequent as the whole, which
   * keeps rare fragments ("nyttjande" -> "nytt" + "jande") out.
   */
  private beatsWhole(segmentation: Segmentation, wholeFrequency: number): boolean {
    const logWhole = Math.log(Math.max(wholeFrequency, 1));
    if (segmentation.score / segmentation.parts.length <= logWhole) return false;
    return segmentation.partScores.every((score) => score > logWhole - Math.log(4));
  }

  /** Best split of `word` into at least two parts of `shortest` letters or more, by DP over suffixes. */
  private bestSegmentation(word: string, shortest: number): Segmentation | undefined {
    // rests[i]: best segmentation of word.slice(i) into one or more parts, the last one a tail.
    const rests: Array<Segmentation | undefined> = new Array(word.length + 1);
    for (let start = word.length - shortest; start >= shortest; start--) {
      const tailFrequency = this.tailFrequency(word.slice(start), shortest);
      const tailScore = Math.log(tailFrequency);
      let best: Segmentation | undefined =
        tailFrequency > 0
          ? { parts: [word.slice(start)], score: tailScore, partScores: [tailScore] }
          : undefined;
      best = this.extend(word, start, shortest, rests, best);
      rests[start] = best;
    }
    return this.extend(word, 0, shortest, rests, undefined);
  }

  /** Improves `best` with every "head at `start` + best rest" segmentation. */
  private extend(
    word: string,
    start: number,
    shortest: number,
    rests: ReadonlyArray<Segmentation | undefined>,
    best: Segmentation | undefined,
  ): Segmentation | undefined {
    let result = best;
    for (let end = start + shortest; end <= word.length - shortest; end++) {
      const rest = rests[end];
      if (rest === undefined) continue;
      const head = this.head(word.slice(start, end), shortest);
      if (head === undefined) continue;
      result = better(result, {
        parts: [head.form, ...rest.parts],
        score: head.score + rest.score,
        partScores: [head.score, ...rest.partScores],
      });
    }
    return result;
  }

  /** The lexicon form of a leading part as written in the compound, undoing linking letters. */
  private head(written: string, shortest: number): { form: string; score: number } | undefined {
    if (written.length < shortest || isNonPart(written)) return undefined;
    const [likely, fallback] = baseForms(written);
    return this.mostFrequent(likely, shortest) ?? this.mostFrequent(fallback, shortest);
  }

  private mostFrequent(
    forms: readonly string[],
    shortest: number,
  ): { form: string; score: number } | undefined {
    let best: { form: string; frequency: number } | undefined;
    for (const form of forms) {
      const frequency = this.allowed(form, this.lexicon.get(form) ?? 0, shortest);
      if (frequency > 0 && (best === undefined || frequency > best.frequency)) best = { form, frequency };
    }
    return best === undefined ? undefined : { form: best.form, score: Math.log(best.frequency) };
  }

  /** Frequency of a last part, as written or as an inflection of a known word; 0 when unusable. */
  private tailFrequency(tail: string, shortest: number): number {
    if (isNonPart(tail)) return 0;
    return this.allowed(tail, this.knownFrequency(tail), shortest);
  }

  /** `frequency` when `part` is long and frequent enough to be a part, else 0. */
  private allowed(part: string, frequency: number, shortest: number): number {
    if (part.length < shortest || isNonPart(part)) return 0;
    const needed = part.length <= 3 ? this.minShortPartFrequency : this.minPartFrequency;
    return frequency >= needed ? frequency : 0;
  }

  /** Frequency of a word as written, or of the known word it inflects ("skillnader" -> "skillnad"). */
  private knownFrequency(word: string): number {
    let best = this.lexicon.get(word) ?? 0;
    for (const ending of ENDINGS) {
      if (!word.endsWith(ending) || word.length - ending.length < 4) continue;
      const base = word.slice(0, -ending.length);
      if (isNonPart(base)) continue;
      best = Math.max(best, this.lexicon.get(base) ?? 0);
    }
    return best;
  }
}

function isNonPart(part: string): boolean {
  return NON_PARTS.has(part) || SWEDISH_STOP_WORDS.has(part);
}

function better(current: Segmentation | undefined, candidate: Segmentation): Segmentation {
  if (current === undefined) return candidate;
  if (candidate.parts.length !== current.parts.length) {
    return candidate.parts.length < current.parts.length ? candidate : current;
  }
  return candidate.score > current.score ? candidate : current;
}

/**
 * Lexicon forms a leading part may stand for, as [likely, fallback]. Linking letters go first:
 * a linking -s, or one standing for a dropped -e ("arbets" -> "arbete", "samhälls" -> "samhälle");
 * a linking vowel, or one replacing -a ("barna" -> "barn", "hälso" -> "hälsa"); only then the
 * part as written, because dangling first parts ("hälso- och") make "hälso" a frequent word.
 * A part ending in another consonant is taken as written, or with a dropped -a restored ("skol").
 */
function baseForms(written: string): [string[], string[]] {
  const last = written.slice(-1);
  const trimmed = written.slice(0, -1);
  if (last === "s") return [[trimmed, `${trimmed}e`], [written]];
  if (last === "o" || last === "u") return [[`${trimmed}a`, trimmed], [written]];
  if (LINKING_VOWELS.has(last)) return [[trimmed], [written]];
  return [[written], [`${written}a`]];
}
