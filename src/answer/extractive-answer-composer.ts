import { headingPathAt } from "../knowledge/chunking/chunk-sections.ts";
import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Analyzer } from "../text/index.ts";
import type { Answer, Citation } from "./answer.ts";
import type { AnswerComposer, CompositionRequest } from "./answer-composer.ts";
import { satisfiesNeed } from "./answer-cues.ts";
import { classifyQuestion, type QuestionAnalysis, type QuestionKind } from "./classify-question.ts";
import { type ComparedName, comparedNames } from "./compared-names.ts";
import { answeringItems } from "./compose/answering-items.ts";
import { declineAnswer } from "./decline.ts";
import { citationFor } from "./passage-reference.ts";
import { coverage, type QueryWord, totalWeight, withoutQuestionFrame } from "./query-words.ts";
import { questionParts } from "./question-parts.ts";
import { emphasise } from "./question-words.ts";
import { type ScoredSentence, scoreSentences } from "./score-sentences.ts";

/** Tunable thresholds of the extractive composer; chosen on the dev sets (see README). */
export interface ExtractiveOptions {
  /** Passages whose sentences are considered. */
  passages: number;
  /** Below this share of the question's weighted terms in the best sentence (with its headings), decline. */
  minCoverage: number;
  /** Extra sentences must score at least this share of the best one. */
  companionRatio: number;
  maxSentences: number;
  maxCharacters: number;
  /** Passages considered when a question compares named groups (each needs its own documents). */
  comparisonPassages: number;
  /** A named group's sentence must score at least this share of the best one to be shown. */
  comparisonRatio: number;
}

/** Share of the shorter sentence's content words found in the other above which the two say the same. */
const REPEAT_OVERLAP = 0.8;

/**
 * A sentence opening with a pronoun or a linking adverb continues the one before it, as does one
 * that draws its consequence ("Projektledaren har därför ansökt om …") or points back early on
 * ("En rekommendation är att dessa väljs …").
 */
const CONTINUES =
  /^(?:(?:Den|Det|De|Dessa|Denna|Detta|Därför|Dessutom|Även|Där)\s|(?:\S+\s+){1,2}(?:därför|därmed|således)\s|(?:\S+\s+){1,4}(?:dessa|detta|denna)\s)/u;

/** Another document's holder of the asked post is named when its sentence scores this share of the best. */
const OTHER_HOLDER_RATIO = 0.6;

/** Sentences considered per part of a compound question. */
const PART_CHOICES = 4;
/** Up to this many parts, each part's PART_CHOICES sentences are tried in every combination. */
const MAX_FULL_SEARCH_PARTS = 4;
const FEW_PART_CHOICES = 2;
/** A part's sentence must cover this share of the part's own words, not only the other parts'. */
const MIN_PART_SHARE = 0.2;
/** A sentence that answers a second part too counts this share of its score the second time. */
const SHARED_PART_CREDIT = 0.8;

/** Added for a compound question's later part to the sentence that follows the one answering an earlier part. */
const FOLLOWING_BONUS = 0.1;

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  passages: 5,
  minCoverage: 0.22,
  companionRatio: 0.75,
  maxSentences: 3,
  maxCharacters: 700,
  comparisonPassages: 10,
  comparisonRatio: 0.5,
};

/**
 * The offline answerer: picks the one to three sentences of the retrieved passages that best answer
 * the question — by weighted term coverage and by the shape the question asks for (who → a body or
 * role, how often → a frequency, what is → a definition) — and cites each. Declines when the best
 * evidence is weak or lacks the datum the question insists on.
 */
export class ExtractiveAnswerComposer implements AnswerComposer {
  readonly id = "extractive-v1";

  constructor(
    private readonly analyzer: Analyzer,
    private readonly options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
  ) {}

  async compose(request: CompositionRequest): Promise<Answer> {
    const { passages, queryWords, language } = request;
    const analysis = classifyQuestion(request.question);
    const total = totalWeight(queryWords);
    if (passages.length === 0 || total === 0) return declineAnswer(passages, language);

    // A compound question is answered part by part, and declined only when no part can be.
    const parts = questionParts(request.question);
    if (parts.length > 1) {
      const perPart = this.perPart(parts, passages, queryWords);
      return perPart.length > 0
        ? this.render(perPart, passages, language, { queryWords, kind: analysis.kind })
        : declineAnswer(passages, language);
    }
    const candidates = scoreSentences(
      passages.slice(0, this.options.passages),
      queryWords,
      analysis,
      this.analyzer,
    );
    const best = candidates[0];
    if (!best || best.coverage < this.options.minCoverage || !satisfiesNeed(analysis.needs, best.text)) {
      return declineAnswer(passages, language);
    }
    const compared = comparedNames(
      request.question,
      passages.slice(0, this.options.comparisonPassages),
      this.analyzer,
    );
    if (compared.length > 0) {
      const perName = this.perName(compared, passages, queryWords, analysis);
      if (perName.length > 0)
        return this.render(perName, passages, language, { queryWords, kind: analysis.kind });
    }
    const chosen = this.companions(best, candidates);
    if (analysis.needs === "person") this.otherHolder(chosen, candidates, passages, queryWords);
    return this.render(
      asksWhichOf(request.question) ? withSections(chosen, passages) : chosen,
      passages,
      language,
      { queryWords, kind: analysis.kind },
    );
  }

  /**
   * A compound question ("Vad är en lokal nämnd, och hur många finns det?") gets one sentence per
   * part, each chosen with that part's words in front and its own question kind.
   */
  private perPart(
    parts: readonly string[],
    passages: readonly RetrievedPassage[],
    queryWords: CompositionRequest["queryWords"],
  ): ScoredSentence[] {
    const considered = passages.slice(0, this.options.passages);
    const perPart = parts.map((part) => {
      const analysis = classifyQuestion(part);
      const words = emphasise(queryWords, part, this.analyzer);
      const candidates = scoreSentences(considered, words, analysis, this.analyzer);
      // "… och vad hade Laholmsnämnden budgeterat?" is not answered by a sentence that only repeats
      // the other part's words.
      const own = new Set(this.analyzer.analyzeWords(withoutQuestionFrame(part)).map(([whole]) => whole));
      const ownWords = queryWords.filter((word) => own.has(word.whole));
      const ownWeight = totalWeight(ownWords);
      // The sentence with what it stands under: its list's lead-in, its headings.
      const answersPart = (candidate: ScoredSentence) => {
        if (ownWeight === 0) return true;
        const passage = considered[candidate.passageIndex];
        const context = [candidate.text, candidate.lead ?? "", ...(passage?.chunk.headingPath ?? [])];
        const terms = new Set(this.analyzer.analyze(context.join("\n")));
        return coverage(ownWords, terms).weight >= MIN_PART_SHARE * ownWeight;
      };
      // Best first, and only until PART_CHOICES are found: answersPart analyses text.
      const eligible: ScoredSentence[] = [];
      for (const candidate of candidates) {
        if (eligible.length === PART_CHOICES) break;
        if (
          candidate.coverage >= this.options.minCoverage &&
          candidate.text.length <= this.options.maxCharacters &&
          satisfiesNeed(analysis.needs, candidate.text) &&
          answersPart(candidate)
        ) {
          eligible.push(candidate);
        }
      }
      return { candidates, eligible };
    });
    const picks = this.bestPicks(perPart.map((part) => part.eligible));
    const chosen: ScoredSentence[] = [];
    let length = 0;
    picks.forEach((own, index) => {
      // A sentence already chosen may answer this part too ("… sammankallas av X och består av Y").
      if (!own || chosen.some((item) => this.repeats(item.text, own.text))) return;
      if (length + own.text.length > this.options.maxCharacters) return;
      chosen.push(own);
      length += own.text.length;
      const next = continuation(own, perPart[index]?.candidates ?? []);
      if (next && !chosen.some((item) => item.text === next.text)) {
        if (length + next.text.length <= this.options.maxCharacters) {
          chosen.push(next);
          length += next.text.length;
        }
      }
    });
    return chosen.sort((a, b) => a.passageIndex - b.passageIndex || a.position - b.position);
  }

  /**
   * One sentence per part, chosen together: "Varför finns nätverket och vad ska det åstadkomma?" is
   * better answered by the purpose sentence and the aim sentence than by the aim sentence twice. A
   * sentence answering two parts counts a little less the second time; the sentence right after
   * one already chosen often carries on the same subject and earns a small bonus.
   */
  private bestPicks(choices: readonly (readonly ScoredSentence[])[]): (ScoredSentence | undefined)[] {
    // The search tries every combination: a question of many parts considers fewer sentences each.
    const perPart = choices.length <= MAX_FULL_SEARCH_PARTS ? PART_CHOICES : FEW_PART_CHOICES;
    const eligible = choices.map((candidates) => candidates.slice(0, perPart));
    const repeatsCache = new Map<string, boolean>();
    const repeats = (a: string, b: string) => {
      const key = `${a}\u0000${b}`;
      let result = repeatsCache.get(key);
      if (result === undefined) {
        result = this.repeats(a, b);
        repeatsCache.set(key, result);
      }
      return result;
    };
    let best: { total: number; picks: (ScoredSentence | undefined)[] } = { total: 0, picks: [] };
    const search = (index: number, picks: (ScoredSentence | undefined)[], total: number) => {
      if (index === eligible.length) {
        if (total > best.total) best = { total, picks };
        return;
      }
      search(index + 1, [...picks, undefined], total);
      for (const candidate of eligible[index] ?? []) {
        const chosen = picks.filter((pick) => pick !== undefined);
        const follows = chosen.some(
          (item) => item.passageIndex === candidate.passageIndex && candidate.position === item.position + 1,
        );
        const score = candidate.score + (follows ? FOLLOWING_BONUS : 0);
        const shared = chosen.some((item) => repeats(item.text, candidate.text));
        search(index + 1, [...picks, candidate], total + (shared ? SHARED_PART_CREDIT * score : score));
      }
    };
    search(0, [], 0);
    return best.picks;
  }

  /**
   * A comparison ("Hur skiljer sig Laholm och Norrbotten åt …") is answered with the best sentence
   * of each named group's own documents, labelled with the name, so the reader sees which is which.
   */
  private perName(
    compared: readonly ComparedName[],
    passages: readonly RetrievedPassage[],
    queryWords: CompositionRequest["queryWords"],
    analysis: QuestionAnalysis,
  ): ScoredSentence[] {
    const considered = passages.slice(0, this.options.comparisonPassages);
    const candidates = scoreSentences(considered, queryWords, analysis, this.analyzer);
    const top = candidates[0];
    if (!top) return [];
    const chosen: ScoredSentence[] = [];
    let length = 0;
    for (const name of compared) {
      const own = candidates.find(
        (candidate) =>
          considered[candidate.passageIndex]?.names.includes(name.term) === true &&
          candidate.coverage >= this.options.minCoverage &&
          candidate.score >= top.score * this.options.comparisonRatio &&
          length + candidate.text.length <= this.options.maxCharacters,
      );
      if (!own) continue;
      chosen.push({ ...own, label: name.label });
      length += own.text.length + name.label.length + 2;
    }
    return chosen;
  }

  /** Adds sentences that score almost as well and cover question words the chosen ones lack. */
  private companions(best: ScoredSentence, candidates: ScoredSentence[]): ScoredSentence[] {
    const chosen = [best];
    const covered = new Set(best.covered);
    let length = best.text.length;
    const next = continuation(best, candidates);
    if (next && length + next.text.length <= this.options.maxCharacters) {
      chosen.push(next);
      length += next.text.length;
    }
    for (const candidate of candidates.slice(1)) {
      if (chosen.length >= this.options.maxSentences) break;
      if (candidate.score < best.score * this.options.companionRatio) break;
      if (length + candidate.text.length > this.options.maxCharacters) continue;
      if (chosen.some((item) => this.repeats(item.text, candidate.text))) continue;
      const addsTerms = [...candidate.covered].some((term) => !covered.has(term));
      // A second sentence must answer a part of the question the first one does not.
      if (!addsTerms) continue;
      chosen.push(candidate);
      for (const term of candidate.covered) covered.add(term);
      length += candidate.text.length;
    }
    // Keep document order within a passage so the answer reads naturally.
    return chosen.sort((a, b) => a.passageIndex - b.passageIndex || a.position - b.position);
  }

  /**
   * "Vem är ordförande för Laholmsnämnden?" when the agreement is signed by one chair and the later
   * report by another: the answer names both, each cited, rather than pick one of the documents.
   */
  private otherHolder(
    chosen: ScoredSentence[],
    candidates: readonly ScoredSentence[],
    passages: readonly RetrievedPassage[],
    queryWords: CompositionRequest["queryWords"],
  ): void {
    const best = chosen[0];
    if (!best) return;
    const documentOf = (sentence: ScoredSentence) => passages[sentence.passageIndex]?.document.id;
    const focus = queryWords.filter((word) => word.focus && best.covered.has(word.whole));
    const other = candidates.find(
      (candidate) =>
        documentOf(candidate) !== documentOf(best) &&
        chosen.every((item) => documentOf(item) !== documentOf(candidate)) &&
        candidate.score >= best.score * OTHER_HOLDER_RATIO &&
        focus.every((word) => candidate.covered.has(word.whole)) &&
        satisfiesNeed("person", candidate.text),
    );
    const length = chosen.reduce((sum, item) => sum + item.text.length, 0);
    if (other && length + other.text.length <= this.options.maxCharacters) chosen.push(other);
  }

  private render(
    chosen: ScoredSentence[],
    passages: readonly RetrievedPassage[],
    language: "sv" | "en",
    question: { queryWords: readonly QueryWord[]; kind: QuestionKind },
  ): Answer {
    const numbers = new Map<number, number>();
    const quotes = new Map<number, string[]>();
    const parts: string[] = [];
    for (const item of chosen) {
      let n = numbers.get(item.passageIndex);
      if (n === undefined) {
        n = numbers.size + 1;
        numbers.set(item.passageIndex, n);
        quotes.set(item.passageIndex, []);
      }
      // A list shows the items that answer, under its lead-in; each quoted piece stands in the source.
      const list = item.list
        ? answeringItems(item.list, question.queryWords, question.kind, this.analyzer)
        : null;
      const text = list?.text ?? item.shown ?? item.text;
      quotes.get(item.passageIndex)?.push(list ? [item.list?.lead, ...list.items].join(" … ") : text);
      parts.push(`${item.label ? `${item.label}: ` : ""}${text} [${n}]`);
    }
    const citations: Citation[] = [];
    for (const [passageIndex, n] of numbers) {
      const passage = passages[passageIndex];
      if (passage) citations.push(citationFor(passage, n, (quotes.get(passageIndex) ?? []).join(" … ")));
    }
    const lead = language === "en" ? "According to the documents (in Swedish): " : "";
    return { text: `${lead}${parts.join(" ")}`, citations, abstained: false, closest: [], language };
  }

  /**
   * Whether two sentences say the same thing: documents repeat themselves ("Välmående ger resultat
   * som nämnderna har drivit sedan 2013" in two sections), and an answer should not. Content words
   * only, so "fyller sex år" and "fyller sju år" stay different.
   */
  private repeats(a: string, b: string): boolean {
    const words = (text: string) => new Set(this.analyzer.analyzeWords(text).map(([whole]) => whole));
    const left = words(a);
    const right = words(b);
    const smaller = Math.min(left.size, right.size);
    if (smaller === 0) return a.trim() === b.trim();
    const shared = [...left].filter((word) => right.has(word)).length;
    return shared >= REPEAT_OVERLAP * smaller;
  }
}

/** "Är polisen med i någon av arbetsgrupperna?", "I vilken grupp …": the answer is a section's name. */
const WHICH_OF =
  /(?<![\p{L}\p{N}])(?:(?:någon|något|några|vilken|vilket|vilka)\s+av|(?:i|inom|under)\s+(?:vilken|vilket|vilka))(?![\p{L}\p{N}])/iu;

function asksWhichOf(question: string): boolean {
  return WHICH_OF.test(question);
}

/** A heading short enough to name a group or an area ("Trygghet och folkhälsa"), not a paragraph. */
const MAX_SECTION_WORDS = 8;

/**
 * Labels each sentence with the name of its section when the sentence itself does not say it: sibling
 * sections often repeat the same sentence ("Resursgruppen sammankallas av …") and only the heading
 * says which group it is.
 */
function withSections(chosen: ScoredSentence[], passages: readonly RetrievedPassage[]): ScoredSentence[] {
  return chosen.map((item) => {
    const chunk = passages[item.passageIndex]?.chunk;
    const section = chunk ? headingPathAt(chunk, item.text).at(-1)?.trim() : undefined;
    if (item.label || !section || !/\p{L}{3}/u.test(section) || section.includes("§")) return item;
    if (section.split(/\s+/).length > MAX_SECTION_WORDS) return item;
    if (item.text.toLowerCase().includes(section.toLowerCase())) return item;
    return { ...item, label: section };
  });
}

/**
 * The sentence after `sentence` when it goes on about the same subject ("… kunskaper och värden. Den
 * ska främja … en livslång lust att lära."): an answer takes it along.
 */
function continuation(
  sentence: ScoredSentence,
  candidates: readonly ScoredSentence[],
): ScoredSentence | undefined {
  const next = candidates.find(
    (candidate) =>
      candidate.passageIndex === sentence.passageIndex && candidate.position === sentence.position + 1,
  );
  return next && CONTINUES.test(next.text) ? next : undefined;
}
