import type { KeywordIndex } from "../index/keyword-index.ts";
import type { Group } from "../knowledge/groups.ts";
import type { Logger } from "../logger.ts";
import { silentLogger } from "../logger.ts";
import { inStockholm } from "../reminders/stockholm-time.ts";
import type { HybridRetriever, RetrievalResult, RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import { properNames } from "../retrieval/proper-names.ts";
import { EVERYTHING, type Scope } from "../retrieval/scope.ts";
import { type Analyzer, loadDefaultLexicon } from "../text/index.ts";
import type { AcronymGuesser } from "./acronym-guesser.ts";
import type { Answer } from "./answer.ts";
import type { AnswerComposer } from "./answer-composer.ts";
import { bodyMissingFromSources } from "./check/body-missing.ts";
import { checkAnswer } from "./check/check-answer.ts";
import { classifyQuestion } from "./classify-question.ts";
import { calendarAnswer } from "./compose/calendar-answer.ts";
import { outsideGroupAnswer } from "./compose/outside-group.ts";
import { declineAnswer, nameSecretaries } from "./decline.ts";
import { detectLanguage } from "./detect-language.ts";
import { gatherCalendarEvidence } from "./evidence/calendar-evidence.ts";
import { findCalendarRule } from "./evidence/calendar-rule.ts";
import type { GroupCalendar } from "./evidence/group-calendar.ts";
import { type GroupScopes, groupScopes } from "./evidence/group-scopes.ts";
import { withGroupWord } from "./evidence/group-word.ts";
import { questionParts } from "./question-parts.ts";
import { questionWords } from "./question-words.ts";
import { rerankBySentences, scoreSentences } from "./score-sentences.ts";
import { askedAcronym, passagesUsing, undefinedAcronymAnswer } from "./undefined-acronym.ts";
import { understandCalendarQuestion } from "./understand/calendar-question.ts";
import { groupNameTerms } from "./understand/group-name-terms.ts";
import {
  groupSearchContext,
  namesAnotherBody,
  refersToGroup,
  usableGroup,
} from "./understand/group-reference.ts";
import { resolveFollowUp } from "./understand/resolve-follow-up.ts";
import { nameMissingFromSources, unknownNames } from "./unknown-names.ts";

/** Passages retrieved before reranking by their best sentence. */
const RERANK_CANDIDATES = 15;
/** Passages of the group's documents searched for the rule behind a calendar event. */
const RULE_CANDIDATES = 5;
/** Passages each part of a compound question adds. */
const PART_CANDIDATES = 5;
/** Weight of the best sentence's score against the (standardised) retrieval score. */
const SENTENCE_WEIGHT = 3;

/**
 * One question of every kind: asked once at start-up, so the first users do not wait while the term
 * statistics and documents are read and the answer patterns of each kind are compiled.
 */
const WARM_UP_QUESTIONS = [
  "Vem ansvarar för beslutet?",
  "Vem är ordförande?",
  "Vilka ingår i nämnden?",
  "Från vilket datum gäller avtalet?",
  "När fattas beslutet?",
  "Hur ofta sammanträder styrelsen?",
  "Hur länge gäller överenskommelsen?",
  "Hur mycket kostar det?",
  "Hur många ledamöter finns det?",
  "Vad menas med begreppet?",
  "Varför finns regeln?",
  "Kan man överklaga beslutet?",
  "Vad är telefonnumret?",
  "Berätta om verksamheten.",
];

/** Options of one question. */
export interface AskOptions {
  scope: Scope;
  /** Earlier questions of the same thread, oldest first; the last one gives a follow-up its topic. */
  history?: readonly string[];
  /**
   * The group in whose channel (or with whose choice) the question is asked: its own documents answer
   * first, "vi", "beredningen" … mean it, and its calendar answers questions about meetings.
   */
  group?: Group;
  /** The moment of asking; calendar questions are answered relative to it (default: the system clock). */
  now?: Date;
  signal?: AbortSignal;
}

/** An answer with what it was built from. */
export interface AskResult {
  answer: Answer;
  retrieval: RetrievalResult;
  latencyMs: number;
}

/** What an `AnswerService` is built from. */
export interface AnswerServiceParts {
  retriever: HybridRetriever;
  keywords: KeywordIndex;
  composer: AnswerComposer;
  analyzer: Analyzer;
  /** Passages an answer is composed from and shown with. */
  topK: number;
  logger?: Logger;
  /** Weight of the best sentence's score against the retrieval score when reranking. */
  sentenceWeight?: number;
  /** Documents in the index; without it the check that the answer's documents name what was asked is left out. */
  documentCount?: () => number;
  /**
   * Acronyms the documents spell out ("HSN" → "Hälso- och sjukvårdsnämnden"); without it, questions
   * about what an acronym stands for are answered like any other.
   */
  definedAcronyms?: () => readonly string[];
  /** Guesses an acronym no document spells out from the compounds of the documents using it. */
  acronymGuesser?: Pick<AcronymGuesser, "guess">;
  /**
   * While there is nothing to answer from because the first index is still being built: the Swedish
   * notice to answer with instead of a decline ("Indexerar kunskapsmappen …"); null otherwise.
   */
  indexingNotice?: () => string | null;
  /**
   * Brings the index up to what another process committed, before a question is answered: else a
   * question asked just after `npm run ingest` could be answered from the previous index.
   */
  beforeQuestion?: () => Promise<unknown>;
  /** The groups' calendars (the folder the reminders read); without it meeting questions go to the documents. */
  calendar?: Pick<GroupCalendar, "forGroup">;
}

/** The core use case: question in, cited answer (or honest decline) out. */
export class AnswerService {
  private readonly retriever: HybridRetriever;
  private readonly keywords: KeywordIndex;
  private readonly composer: AnswerComposer;
  private readonly analyzer: Analyzer;
  private readonly topK: number;
  private readonly logger: Logger;
  private readonly sentenceWeight: number;
  private readonly documentCount: () => number;
  private readonly definedAcronyms: (() => readonly string[]) | null;
  private readonly acronymGuesser: Pick<AcronymGuesser, "guess"> | null;
  private readonly calendar: Pick<GroupCalendar, "forGroup"> | null;
  private readonly indexingNotice: () => string | null;
  private readonly beforeQuestion: () => Promise<unknown>;

  constructor(parts: AnswerServiceParts) {
    this.retriever = parts.retriever;
    this.keywords = parts.keywords;
    this.composer = parts.composer;
    this.analyzer = parts.analyzer;
    this.topK = parts.topK;
    this.logger = parts.logger ?? silentLogger;
    this.sentenceWeight = parts.sentenceWeight ?? SENTENCE_WEIGHT;
    this.documentCount = parts.documentCount ?? (() => 0);
    this.definedAcronyms = parts.definedAcronyms ?? null;
    this.acronymGuesser = parts.acronymGuesser ?? null;
    this.calendar = parts.calendar ?? null;
    this.indexingNotice = parts.indexingNotice ?? (() => null);
    this.beforeQuestion = parts.beforeQuestion ?? (async () => undefined);
  }

  /**
   * Answers one question within a scope. With a group its own documents answer first; the rest of
   * the scope only when they say nothing and the question is not about the group itself ("vår
   * uppsägningstid" is not answered from another group's agreement), and then the answer says so.
   */
  async ask(question: string, options: AskOptions): Promise<AskResult> {
    const started = performance.now();
    try {
      await this.beforeQuestion();
    } catch (error) {
      // The index this process has loaded still answers; the next question or check tries again.
      this.logger.warn("could not load the index another process wrote", { error });
    }
    const notice = this.indexingNotice();
    if (notice !== null) {
      const answer = {
        text: notice,
        citations: [],
        abstained: true,
        closest: [],
        language: detectLanguage(question),
      };
      return { answer, retrieval: { passages: [], queryTerms: [], expansions: [] }, latencyMs: 0 };
    }
    const group = usableGroup(options.group);
    const scopes = group ? groupScopes(options.scope, group) : null;
    // A follow-up is answered as the question it stands for ("Vem sammankallar dem?" → … resursgrupper).
    const history = options.history ?? [];
    const resolved = resolveFollowUp(question, history);
    // A resolved follow-up carries the earlier turn's subject; otherwise the earlier turn joins the search.
    const earlier = resolved === question ? (history.at(-1) ?? "") : "";
    // Meetings and deadlines come from the group's calendar, not from document sentences.
    const result =
      (group ? await this.fromCalendar(question, options, group, scopes?.own.documentIds ?? []) : null) ??
      (group && scopes
        ? await this.fromGroupDocuments(resolved, options, group, scopes, earlier, resolved !== question)
        : await this.answerWithin(resolved, options, options.scope, earlier));
    const latencyMs = performance.now() - started;
    this.logger.debug("answered", {
      abstained: result.answer.abstained,
      citations: result.answer.citations.length,
      latencyMs,
    });
    // A decline points to the group's own secretary when its group file names one.
    const answer = group ? nameSecretaries(result.answer, group.secretaries) : result.answer;
    return { ...result, answer, latencyMs };
  }

  /** The group's own documents first, then (saying so) the rest of the scope when the question allows it. */
  private async fromGroupDocuments(
    question: string,
    options: AskOptions,
    group: Group,
    scopes: GroupScopes,
    earlier: string,
    followsUp: boolean,
  ): Promise<Omit<AskResult, "latencyMs">> {
    // A follow-up is about the group when the turn it continues was ("Hur utses presidiet hos oss?").
    const aboutGroup =
      (refersToGroup(question) || (followsUp && refersToGroup(options.history?.at(-1) ?? ""))) &&
      !namesAnotherBody(question, group);
    // The group's name steers the search among its documents ("vi" is no word a passage contains).
    const context = [earlier, aboutGroup ? groupSearchContext(group) : ""].filter(Boolean).join("\n");
    // "vi", "oss" have no word in a passage: the group's own name stands in for them.
    const nameTerms = refersToGroup(question) && aboutGroup ? groupNameTerms(group, this.analyzer) : [];
    const result = await this.answerWithin(question, options, scopes.own, context, nameTerms);
    if (!result.answer.abstained || aboutGroup || !scopes.outside) return result;
    const outside = await this.answerWithin(question, options, scopes.outside, earlier);
    if (outside.answer.abstained) return result;
    const own = new Set(group.documents);
    const fromOutside = outside.answer.citations.every((citation) => !own.has(citation.documentId));
    return fromOutside ? { ...outside, answer: outsideGroupAnswer(outside.answer) } : outside;
  }

  /**
   * The answer from the group's calendar when the question is about its meetings or deadlines, with
   * the passage of the group's own documents (`ownDocuments`) that states the rule behind the event.
   */
  private async fromCalendar(
    question: string,
    options: AskOptions,
    group: Group,
    ownDocuments: readonly string[] | null,
  ): Promise<Omit<AskResult, "latencyMs"> | null> {
    if (this.calendar === null) return null;
    const understood = understandCalendarQuestion(question, options.history ?? []);
    if (understood === null) return null;
    const calendar = await this.calendar.forGroup(group);
    if (calendar.events.length === 0) return null;
    const now = inStockholm(options.now ?? new Date());
    const evidence = gatherCalendarEvidence(understood, calendar, now, (text) =>
      this.analyzer.analyzeWords(text),
    );
    if (evidence === null) return null;
    const shown = evidence.occurrences[0] ?? evidence.cancelled[0] ?? evidence.next;
    const rule =
      shown && !evidence.outOfRange
        ? await findCalendarRule(
            shown,
            ownDocuments ?? [],
            async (query, documentIds) =>
              (await this.retriever.retrieve(query, { documentIds: [...documentIds] }, RULE_CANDIDATES))
                .passages,
            (text) => this.analyzer.analyzeWords(text),
          )
        : null;
    const { answer, passages } = calendarAnswer(evidence, group, rule);
    this.logger.debug("answered from the calendar", { ask: understood.ask, outOfRange: evidence.outOfRange });
    return { answer, retrieval: { passages, queryTerms: [], expansions: [] } };
  }

  /**
   * Retrieves within one scope and composes (or declines); `context` (an earlier turn, the group) only
   * joins the search; `groupTerms` name the group the question speaks of ("vi", "beredningen").
   */
  private async answerWithin(
    question: string,
    options: AskOptions,
    scope: Scope,
    context: string,
    groupTerms: readonly string[] = [],
  ): Promise<Omit<AskResult, "latencyMs">> {
    const retrievalQuery = [question, context].filter(Boolean).join("\n");
    const retrieval = await this.retrieve(retrievalQuery, question, scope);
    const queryWords = withGroupWord(
      questionWords(question, retrieval, this.analyzer, this.keywords),
      groupTerms,
    );
    const sentences = scoreSentences(
      retrieval.passages,
      queryWords,
      classifyQuestion(question),
      this.analyzer,
    );
    retrieval.passages = rerankBySentences(retrieval.passages, sentences, this.sentenceWeight).slice(
      0,
      Math.max(this.topK, 10),
    );
    const language = detectLanguage(question);
    const missing = unknownNames(
      question,
      (text) => this.analyzer.queryTerms(text),
      (term) => this.isKnown(term),
    );
    let answer =
      missing.length > 0
        ? declineAnswer(retrieval.passages, language)
        : (this.unexplained(question, retrieval.passages, language) ??
          (await this.composer.compose({
            question,
            passages: retrieval.passages,
            queryWords,
            language,
            ...(options.signal ? { signal: options.signal } : {}),
          })));
    if (!answer.abstained && this.answersAnotherName(question, answer)) {
      answer = declineAnswer(retrieval.passages, language);
    }
    if (!answer.abstained) {
      const check = checkAnswer(question, answer, queryWords, this.analyzer, loadDefaultLexicon(), (term) =>
        this.isKnown(term),
      );
      if (check !== null) {
        this.logger.debug("declined: the answer does not address the question", check);
        answer = declineAnswer(retrieval.passages, language);
      }
    }
    // The sources list opens with what the answer rests on, in retrieval order.
    if (!answer.abstained) retrieval.passages = citedFirst(retrieval.passages, answer);
    return { answer, retrieval };
  }

  /** The honest answer to "Vad står NT för?" when the documents use NT but never spell it out. */
  private unexplained(
    question: string,
    passages: readonly RetrievedPassage[],
    language: "sv" | "en",
  ): Answer | null {
    if (this.definedAcronyms === null) return null;
    const acronym = askedAcronym(question);
    if (acronym === null) return null;
    const lower = acronym.toLowerCase();
    if (this.definedAcronyms().some((defined) => defined.toLowerCase() === lower)) return null;
    const usedIn = [...new Set(passagesUsing(acronym, passages).map((passage) => passage.document.id))];
    const guess = this.acronymGuesser?.guess(acronym, usedIn) ?? null;
    return undefinedAcronymAnswer(acronym, passages, language, guess);
  }

  /**
   * Retrieves and scores one question of every kind, without composing (a chat model is not called);
   * call after the index is opened or ingested.
   */
  async warmUp(): Promise<void> {
    // Each question also with a dash: V8 compiles a pattern anew for text beyond Latin-1 ("–", "”").
    for (const question of WARM_UP_QUESTIONS.flatMap((text) => [text, `${text} – i kommunen`])) {
      const retrieval = await this.retriever.retrieve(question, EVERYTHING, RERANK_CANDIDATES);
      const queryWords = questionWords(question, retrieval, this.analyzer, this.keywords);
      scoreSentences(retrieval.passages, queryWords, classifyQuestion(question), this.analyzer);
    }
  }

  /**
   * Passages for the question; a compound question's parts may live in different chapters or laws
   * ("Vem ansvarar för grundskolan, och vems sak är det att planera mark och vatten?"), so each part
   * is also searched on its own and its best passages join those of the whole question.
   */
  private async retrieve(query: string, question: string, scope: Scope): Promise<RetrievalResult> {
    const whole = await this.retriever.retrieve(query, scope, RERANK_CANDIDATES);
    const parts = questionParts(question);
    if (parts.length < 2) return whole;
    // A part keeps the names the rest of the question gives it ("…, och hur ofta i Laholm?").
    const names = properNames(question);
    const seen = new Set(whole.passages.map((passage) => passage.chunk.id));
    const passages = [...whole.passages];
    const expansions = [...whole.expansions];
    const alternatives = [...(whole.alternatives ?? [])];
    for (const part of parts) {
      const missing = names.filter((name) => !part.includes(name));
      const own = await this.retriever.retrieve([part, ...missing].join(" "), scope, PART_CANDIDATES);
      for (const passage of own.passages) {
        if (seen.has(passage.chunk.id)) continue;
        seen.add(passage.chunk.id);
        passages.push(passage);
      }
      expansions.push(...own.expansions);
      alternatives.push(...(own.alternatives ?? []));
    }
    return { ...whole, passages, expansions, alternatives };
  }

  /** Whether the answer rests only on documents that never mention the place or body asked about. */
  private answersAnotherName(question: string, answer: Answer): boolean {
    const cited = new Set(answer.citations.map((citation) => citation.documentId));
    const missing = nameMissingFromSources(
      question,
      cited,
      this.analyzer,
      (term) => this.keywords.documentsContaining(term),
      this.documentCount(),
    );
    const body =
      missing ??
      bodyMissingFromSources(
        question,
        cited,
        this.analyzer,
        (term) => this.keywords.documentsContaining(term),
        this.documentCount(),
      );
    if (body !== null) this.logger.debug("declined: name not in cited documents", { name: body });
    return body !== null;
  }

  private isKnown(term: string): boolean {
    return (this.keywords.documentFrequencies([term]).frequencies.get(term) ?? 0) > 0;
  }
}

/** The passages the answer cites, then the others, each group in its own order. */
function citedFirst(passages: readonly RetrievedPassage[], answer: Answer): RetrievedPassage[] {
  const cited = new Set(answer.citations.map((citation) => citation.chunkId));
  return [
    ...passages.filter((passage) => cited.has(passage.chunk.id)),
    ...passages.filter((passage) => !cited.has(passage.chunk.id)),
  ];
}
