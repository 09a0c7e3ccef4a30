import type { Citation } from "../answer/answer.ts";
import type { Scope } from "../retrieval/scope.ts";
import type {
  IntroductionBody,
  IntroductionGlossaryItem,
  IntroductionStatement,
  SuggestedQuestion,
} from "./introduction.ts";
import type { OnboardingCore } from "./onboarding-core.ts";

/** A question worth suggesting, and the passages a right answer cites. */
export interface QuestionCandidate {
  /** Wordings to try in order; the first one the bot answers is suggested. */
  questions: readonly string[];
  /** Chunk ids of the statements the question was derived from. */
  expected: ReadonlySet<string>;
}

/** How many questions the introduction suggests. */
export const SUGGESTED_QUESTIONS = 5;

/** The group's aspects in the order readers most need them. */
const GROUP_PRIORITY = [
  "convenes",
  "meetings",
  "decisions",
  "members",
  "duties",
  "chair",
  "purpose",
] as const;
const BODY_PRIORITY = ["purpose", "convenes", "members"] as const;

/** Candidate questions from what the introduction found, most useful first. */
export function questionCandidates(
  bodies: readonly IntroductionBody[],
  purpose: readonly IntroductionStatement[],
  meetings: readonly IntroductionStatement[],
  glossary: readonly IntroductionGlossaryItem[],
  sources: readonly Citation[],
  questionsFor: (body: IntroductionBody, aspect: string) => readonly string[],
): QuestionCandidate[] {
  const chunkOf = new Map(sources.map((source) => [source.n, source.chunkId]));
  const expected = (statements: readonly IntroductionStatement[]) =>
    new Set(
      statements
        .map((statement) => chunkOf.get(statement.source))
        .filter((id): id is string => id !== undefined),
    );
  const candidates: QuestionCandidate[] = [];
  const add = (questions: readonly string[], statements: readonly IntroductionStatement[]) => {
    if (questions.length > 0 && statements.length > 0)
      candidates.push({ questions, expected: expected(statements) });
  };
  const [group, ...others] = bodies;
  if (group) {
    for (const aspect of GROUP_PRIORITY) {
      const statements =
        aspect === "purpose"
          ? purpose
          : aspect === "meetings"
            ? meetings
            : (group.aspects.find((entry) => entry.aspect === aspect)?.statements ?? []);
      add(questionsFor(group, aspect), statements);
    }
  }
  for (const body of others) {
    for (const aspect of BODY_PRIORITY) {
      add(
        questionsFor(body, aspect),
        body.aspects.find((entry) => entry.aspect === aspect)?.statements ?? [],
      );
    }
  }
  for (const item of glossary) add([`Vad står ${item.acronym} för?`], [item.definition]);
  return candidates;
}

/**
 * Keeps the candidates the bot really answers in the group's channels: asked within the channel
 * scope, the answer must not be declined and must cite one of the passages the question came from.
 */
export async function verifiedQuestions(
  core: OnboardingCore,
  candidates: readonly QuestionCandidate[],
  scope: Scope,
  limit = SUGGESTED_QUESTIONS,
): Promise<SuggestedQuestion[]> {
  const kept: SuggestedQuestion[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    for (const question of candidate.questions) {
      if (kept.length >= limit || seen.has(question)) break;
      seen.add(question);
      const { answer } = await core.answers.ask(question, { scope });
      const answered =
        !answer.abstained && answer.citations.some((citation) => candidate.expected.has(citation.chunkId));
      if (answered) {
        kept.push({ question });
        break;
      }
    }
  }
  return kept;
}
