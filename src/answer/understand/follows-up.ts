import { isFollowUp } from "../is-follow-up.ts";
import { isEllipticCalendarQuestion } from "./calendar-question.ts";

/** Earlier questions of a thread a surface passes with a follow-up (Slack, Teams, web, terminal). */
export const THREAD_TURNS = 5;

/**
 * Whether a question leans on the earlier turns of its thread: a pronoun or "och …" ("Och var?",
 * "Vilka sitter med i det?"), or a time, place or period asked without naming the occasion ("När
 * är nästa?", "Och i september?"). Surfaces that pass history only for follow-ups ask this.
 */
export function followsUp(question: string): boolean {
  return isFollowUp(question) || isEllipticCalendarQuestion(question);
}
