import { type AssignedSentence, assignSentences } from "./assign-sentences.ts";
import type { Entity } from "./entities.ts";
import type { GroupMaterial, GroupPassage } from "./group-material.ts";
import type { IntroductionStatement } from "./introduction.ts";
import type { OnboardingCore } from "./onboarding-core.ts";
import { quoteInPassage, wordsOf } from "./quote-in-passage.ts";
import type { SourceRegistry } from "./source-registry.ts";

/** What to gather: questions to ask and what a kept sentence must say. */
export interface GatherRequest {
  /** The entity the sentences must be about; null accepts any entity of the group. */
  entity: Entity | null;
  questions: readonly string[];
  /** A sentence is kept only when it says what was asked (e.g. names who convenes). */
  fits: (sentence: string) => boolean;
  limit: number;
  /** Sentences are not repeated within one part of the introduction. */
  section: string;
}

interface Candidate {
  passage: GroupPassage;
  sentence: AssignedSentence;
  /** 0: the answer quoted it; 1: in a cited passage; 2: in another retrieved passage. */
  tier: number;
  order: number;
}

/**
 * Builds statements by asking the core within the group's own documents and keeping, from the
 * passages of answers that were not declined, the sentences about the asked entity that say what
 * was asked. Each statement is checked against its passage by the source registry.
 */
export class StatementCollector {
  private readonly used = new Map<string, Set<string>>();
  private readonly sentences = new Map<string, AssignedSentence[]>();

  constructor(
    private readonly answers: OnboardingCore["answers"],
    private readonly material: GroupMaterial,
    private readonly entities: readonly Entity[],
    private readonly registry: SourceRegistry,
  ) {}

  /** Statements for one request, best first. */
  async gather(request: GatherRequest): Promise<IntroductionStatement[]> {
    const used = this.usedIn(request.section);
    const fitting = (await this.candidates(request)).filter(
      (candidate) => this.accepts(request, candidate.sentence) && !used.has(keyOf(candidate.sentence.text)),
    );
    // A lead-in with its whole list gives way to the items that say it more precisely.
    const precise = fitting.filter(
      (candidate) =>
        !fitting.some(
          (other) =>
            other !== candidate &&
            other.sentence.text.length < candidate.sentence.text.length &&
            quoteInPassage(other.sentence.text, candidate.sentence.text),
        ),
    );
    // Sentences with the body as their subject come first, then those that name it elsewhere or
    // stand in the group's own document, then those attributed to it by a heading.
    const rank = (sentence: AssignedSentence) =>
      sentence.via === "subject" ? 0 : sentence.via === "heading" ? 2 : 1;
    precise.sort(
      (left, right) =>
        rank(left.sentence) - rank(right.sentence) || left.tier - right.tier || left.order - right.order,
    );
    return this.cite(
      precise.map((candidate) => ({ passage: candidate.passage, text: candidate.sentence.text })),
      request,
    );
  }

  /**
   * Statements found by reading every passage of the group's own documents instead of asking;
   * used where an honest "the documents do not say" depends on not having missed a sentence.
   */
  scan(request: Omit<GatherRequest, "questions">): IntroductionStatement[] {
    const used = this.usedIn(request.section);
    const found: { passage: GroupPassage; text: string }[] = [];
    for (const passage of this.material.passages.values()) {
      for (const sentence of this.sentencesOf(passage)) {
        if (this.accepts(request, sentence) && !used.has(keyOf(sentence.text)))
          found.push({ passage, text: sentence.text });
      }
    }
    return this.cite(found, request);
  }

  private accepts(request: Omit<GatherRequest, "questions">, sentence: AssignedSentence): boolean {
    if (!request.fits(sentence.text)) return false;
    return request.entity === null ? sentence.entity !== null : sentence.entity === request.entity;
  }

  private cite(
    found: readonly { passage: GroupPassage; text: string }[],
    request: Omit<GatherRequest, "questions">,
  ): IntroductionStatement[] {
    const used = this.usedIn(request.section);
    const statements: IntroductionStatement[] = [];
    for (const { passage, text } of found) {
      if (statements.length >= request.limit) break;
      if (used.has(keyOf(text))) continue;
      const statement = this.registry.cite(passage, text);
      if (!statement) continue;
      used.add(keyOf(text));
      statements.push(statement);
    }
    return statements;
  }

  private sentencesOf(passage: GroupPassage): AssignedSentence[] {
    let sentences = this.sentences.get(passage.chunkId);
    if (!sentences) {
      sentences = assignSentences(passage, this.entities, this.material);
      this.sentences.set(passage.chunkId, sentences);
    }
    return sentences;
  }

  private async candidates(request: GatherRequest): Promise<Candidate[]> {
    const byKey = new Map<string, Candidate>();
    let order = 0;
    for (const question of request.questions) {
      const { answer, retrieval } = await this.answers.ask(question, { scope: this.material.ownScope });
      if (answer.abstained || answer.citations.length === 0) continue;
      const cited = new Set(answer.citations.map((citation) => citation.chunkId));
      const quotes = answer.citations.map((citation) => citation.quote);
      const chunkIds = [...cited, ...retrieval.passages.map((passage) => passage.chunk.id)];
      for (const chunkId of new Set(chunkIds)) {
        const passage = this.material.passages.get(chunkId);
        if (!passage) continue;
        for (const sentence of this.sentencesOf(passage)) {
          const tier = quotes.some((quote) => quoteInPassage(sentence.text, quote))
            ? 0
            : cited.has(chunkId)
              ? 1
              : 2;
          const key = keyOf(sentence.text);
          const known = byKey.get(key);
          if (!known) byKey.set(key, { passage, sentence, tier, order: order++ });
          else if (tier < known.tier) known.tier = tier;
        }
      }
    }
    return [...byKey.values()];
  }

  private usedIn(section: string): Set<string> {
    let used = this.used.get(section);
    if (!used) {
      used = new Set();
      this.used.set(section, used);
    }
    return used;
  }
}

function keyOf(sentence: string): string {
  return wordsOf(sentence).join(" ");
}
