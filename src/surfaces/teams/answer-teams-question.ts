import type { ActivityLike, SentActivity } from "@microsoft/teams.api";
import { followsUp } from "../../answer/understand/follows-up.ts";
import { askWithinDeadline } from "../ask-within-deadline.ts";
import { channelGroup } from "../channel-group.ts";
import { loggableError } from "./loggable-error.ts";
import { renderTeamsAnswer } from "./render-teams-answer.ts";
import type { TeamsPlace } from "./teams-scope-resolver.ts";
import type { TeamsSurfaceContext } from "./teams-surface-context.ts";
import { TEAMS_TEXTS } from "./teams-texts.ts";

/** Teams shows "typing…" for a few seconds; it is renewed while the answer is composed. */
const TYPING_EVERY_MS = 3_000;

/** Sends an activity into the conversation of the question (its thread, in a channel). */
export type SendActivity = (activity: ActivityLike) => Promise<SentActivity>;

/** A question that arrived as a message. */
export interface TeamsQuestion {
  place: TeamsPlace;
  /** The conversation id including the thread, whose earlier questions give context. */
  threadKey: string;
  /** In channel threads earlier questions are always context; in chats only when the question leans on them. */
  alwaysUseHistory: boolean;
  question: string;
}

/**
 * Answers one question: shows "typing…", asks the core within the conversation's scope, posts the
 * answer with citations and feedback, and keeps it for the feedback on it. Never throws and is
 * never silent: a failure ends in a short Swedish message, the cause in the log.
 */
export async function answerTeamsQuestion(
  context: TeamsSurfaceContext,
  send: SendActivity,
  question: TeamsQuestion,
): Promise<void> {
  const { place } = question;
  if (question.question === "") {
    const text =
      place.conversationType === "personal" ? TEAMS_TEXTS.emptyPersonalQuestion : TEAMS_TEXTS.emptyQuestion;
    await sendQuietly(context, send, { type: "message", text });
    return;
  }
  const typing = keepTyping(send);
  try {
    const scope = await context.scopes.scopeFor(place);
    const earlier = context.store.threadQuestions(question.threadKey);
    const history = question.alwaysUseHistory || followsUp(question.question) ? earlier : ([] as string[]);
    // In a group's channel the group's own documents and calendar answer first.
    const group =
      place.conversationType === "personal"
        ? undefined
        : channelGroup(context.scopes.groupsOfConversation(place), context.groups);
    const { answer, latencyMs } = await askWithinDeadline(context.core.answers, question.question, {
      scope,
      history,
      ...(group ? { group } : {}),
    });
    typing.stop();
    const message = renderTeamsAnswer(answer, { suggestedActions: place.conversationType === "personal" });
    const sent = await send(message);
    context.store.saveAnswer(place.conversationId, sent.id, question.question, answer);
    context.store.addThreadQuestion(question.threadKey, question.question);
    context.logger.info("teams question answered", {
      conversationType: place.conversationType,
      withHistory: history.length > 0,
      abstained: answer.abstained,
      citations: answer.citations.length,
      latencyMs: Math.round(latencyMs),
    });
  } catch (error) {
    typing.stop();
    context.logger.error("teams answer failed", {
      conversationType: place.conversationType,
      error: loggableError(error),
    });
    await sendQuietly(context, send, { type: "message", text: TEAMS_TEXTS.answerFailed });
  }
}

/** Sends, logging instead of throwing: the last resort must not fail the caller. */
export async function sendQuietly(
  context: Pick<TeamsSurfaceContext, "logger">,
  send: SendActivity,
  activity: ActivityLike,
): Promise<void> {
  try {
    await send(activity);
  } catch (error) {
    context.logger.error("teams message could not be sent", { error: loggableError(error) });
  }
}

function keepTyping(send: SendActivity): { stop(): void } {
  const ping = () => {
    // A lost "typing…" is harmless; the answer or the error message follows anyway.
    send({ type: "typing" }).catch(() => {});
  };
  ping();
  const timer = setInterval(ping, TYPING_EVERY_MS);
  return { stop: () => clearInterval(timer) };
}
