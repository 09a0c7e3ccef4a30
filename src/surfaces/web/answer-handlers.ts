import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { followsUp, THREAD_TURNS } from "../../answer/understand/follows-up.ts";
import { audienceScope, scopeAllows } from "../../retrieval/scope.ts";
import { calendarPassage, calendarReadable, isCalendarSource } from "./calendar-citations.ts";
import { passageInContext } from "./passage-in-context.ts";
import { readJson } from "./read-json.ts";
import type { RecentAnswer } from "./recent-answers.ts";
import type { WebContext } from "./web-context.ts";
import { sendJson, WebRequestError } from "./web-http.ts";
import { pageAudience, webAudience } from "./web-scope.ts";

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 2000;
/** Questions answered at the same time before the page is asked to wait. */
const MAX_CONCURRENT_QUESTIONS = 4;

const askSchema = z.strictObject({
  question: z
    .string()
    .trim()
    .min(1, { error: "skriv en fråga" })
    .max(MAX_QUESTION_LENGTH, { error: `högst ${MAX_QUESTION_LENGTH} tecken` }),
  group: z.string().min(1).max(200).nullable().default(null),
  /** Earlier questions on the page, oldest first. */
  history: z.array(z.string().max(MAX_QUESTION_LENGTH)).max(10).default([]),
});

const feedbackSchema = z.strictObject({
  answerId: z.string().min(1).max(64),
  vote: z.enum(["up", "down"]),
  /** A random id the browser keeps, so a second vote replaces the first. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});

/** `POST /api/web/ask`: answers within the chosen scope and keeps the answer for its sources and votes. */
export async function handleAsk(
  context: WebContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const admin = context.access.isAdmin(request);
  const body = await readJson(request, askSchema);
  const audience = webAudience(body.group, admin, context.groups);
  const scope = audienceScope(audience, context.groups, context.core.index.catalog.documents());
  if (context.busy.answering >= MAX_CONCURRENT_QUESTIONS) {
    throw new WebRequestError(429, "busy", "Samsyn svarar på många frågor just nu. Försök igen om en stund.");
  }
  const history = followsUp(body.question) ? body.history.slice(-THREAD_TURNS) : [];
  // "Sök i" a group: its own documents and calendar answer first.
  const chosen = context.groups.find((group) => group.id === body.group);
  const controller = new AbortController();
  // A closed tab should not keep an LLM call running.
  response.once("close", () => controller.abort());
  context.busy.answering++;
  try {
    const { answer, latencyMs } = await context.core.answers
      .ask(body.question, { scope, history, signal: controller.signal, ...(chosen ? { group: chosen } : {}) })
      .catch((error: unknown) => {
        // A closed tab aborts the question; that is not a failure worth an error in the log.
        if (controller.signal.aborted) context.logger.debug("web answer abandoned", { error });
        else context.logger.error("web answer failed", { error });
        throw new WebRequestError(
          503,
          "answer_failed",
          "Något gick fel när jag skulle svara, förlåt. Försök igen om en stund – kvarstår felet, kontakta den som driver Samsyn.",
        );
      });
    const answerId = context.answers.add({ question: body.question, answer, audience });
    context.logger.info("web question answered", {
      group: body.group,
      withHistory: history.length > 0,
      abstained: answer.abstained,
      citations: answer.citations.length,
      latencyMs: Math.round(latencyMs),
    });
    sendJson(response, 200, { answerId, answer });
  } finally {
    context.busy.answering--;
  }
}

/**
 * `GET /api/web/answers/{id}/passages/{chunkId}`: a passage the answer cited or offered, in context,
 * if the person asking may read every document the answer draws on (an administrator's answer is
 * not opened to a visitor who learnt its id).
 */
export function handlePassage(
  context: WebContext,
  request: IncomingMessage,
  response: ServerResponse,
  answerId: string,
  chunkId: string,
): void {
  const stored = findReadable(context, request, answerId);
  const { answer } = stored;
  const reference =
    answer.citations.find((citation) => citation.chunkId === chunkId) ??
    answer.closest.find((passage) => passage.chunkId === chunkId);
  if (!reference) {
    throw new WebRequestError(404, "passage_unknown", "Svaret hänvisar inte till det avsnittet.");
  }
  const passage =
    "quote" in reference && isCalendarSource(reference.documentId)
      ? calendarPassage(reference)
      : passageInContext(context.core.index.catalog, reference.documentId, chunkId);
  if (!passage) {
    throw new WebRequestError(
      410,
      "passage_gone",
      "Avsnittet finns inte längre i indexet (dokumentet har ändrats eller tagits bort). Ställ frågan igen.",
    );
  }
  sendJson(response, 200, passage);
}

/** `POST /api/web/feedback`: stores 👍/👎 like the chat surfaces do. */
export async function handleFeedback(
  context: WebContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readJson(request, feedbackSchema);
  const stored = findReadable(context, request, body.answerId);
  context.feedback.record({
    surface: "web",
    messageKey: `answer:${body.answerId}`,
    question: stored.question,
    answer: stored.answer.text,
    citations: stored.answer.citations,
    userId: `web:${body.clientId}`,
    vote: body.vote,
  });
  context.logger.info("web feedback stored", { vote: body.vote });
  sendJson(response, 200, {
    message:
      body.vote === "up"
        ? "Tack! Bra att svaret hjälpte."
        : "Tack för att du sa till. Återkopplingen hjälper oss att göra Samsyn bättre.",
  });
}

/**
 * A kept answer, if the requester's own scope (as the page's administrator or a visitor, without
 * any chosen group) allows every document it cites or offers. Otherwise it is answered as gone, so
 * a visitor learns nothing about an answer that is not theirs to see.
 */
function findReadable(context: WebContext, request: IncomingMessage, answerId: string): RecentAnswer {
  const stored = context.answers.find(answerId);
  if (!stored) throw answerGone();
  const requester = pageAudience(context.access.isAdmin(request));
  // An answer given to the administrator stays the administrator's, whatever it happened to cite.
  if (stored.audience.memberOf === null && requester.memberOf !== null) throw answerGone();
  const scope = audienceScope(requester, context.groups, context.core.index.catalog.documents());
  const { citations, closest } = stored.answer;
  const readable = [...citations, ...closest].every((passage) =>
    isCalendarSource(passage.documentId)
      ? calendarReadable(passage.documentId, scope, context.groups)
      : scopeAllows(scope, passage.documentId),
  );
  if (!readable) throw answerGone();
  return stored;
}

function answerGone(): WebRequestError {
  return new WebRequestError(
    410,
    "answer_gone",
    "Svaret finns inte längre sparat (Samsyn har startats om). Ställ gärna frågan igen.",
  );
}
