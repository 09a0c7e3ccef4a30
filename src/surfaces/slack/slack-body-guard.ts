import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { type BufferedIncomingMessage, HTTPModuleFunctions, isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../../logger.ts";
import { slackEnvelopeSchema } from "./slack-envelope-schema.ts";

/** What the guard decided about a request before Bolt sees it. */
export type SlackBodyVerdict = "pass" | "answered";

/**
 * Reads a Slack request's body before Bolt does and answers the ones Bolt cannot survive itself.
 * Bolt's HTTP receiver reads `body.ssl_check` outside its error handling, so a signed body that
 * is valid JSON but no object (`null`, `payload=null`, `3`) rejects a detached promise and takes
 * the process down; an object whose fields have the wrong types fails later with a 500. Such
 * bodies get a 400 here (a 401 when unsigned, as Bolt would answer);
 * bodies over Bolt's limit a 413. Everything else passes on, buffered, so Bolt verifies it as usual.
 */
export async function guardSlackBody(
  request: IncomingMessage,
  response: ServerResponse,
  signingSecret: string,
  logger: Logger,
): Promise<SlackBodyVerdict> {
  let buffered: BufferedIncomingMessage;
  try {
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(request, HTTPModuleFunctions.defaultBodyLimit);
  } catch (error) {
    const tooLarge = (error as { statusCode?: number }).statusCode === 413;
    logger.warn("slack request body unreadable", { tooLarge, error });
    answer(response, tooLarge ? 413 : 400, tooLarge ? "Begäran är för stor." : "Begäran kunde inte läsas.");
    return "answered";
  }
  const text = buffered.rawBody.toString("utf8");
  if (isWellFormed(text, request.headers["content-type"])) return "pass";
  if (!isSigned(request, text, signingSecret)) {
    logger.warn("slack request rejected: unsigned malformed body");
    answer(response, 401, "");
    return "answered";
  }
  logger.warn("slack request rejected: body does not have Slack's shape");
  answer(response, 400, "Begäran har inte Slacks format.");
  return "answered";
}

/**
 * Whether the body parses, as Bolt parses it, to an object of Slack's shape. Invalid JSON counts as
 * well-formed here: Bolt answers that itself (400) after checking the signature.
 */
function isWellFormed(text: string, contentType: string | undefined): boolean {
  let source = text;
  if (contentType === "application/x-www-form-urlencoded") {
    const { payload } = parseQuery(text);
    if (typeof payload !== "string") return true;
    source = payload;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return true;
  }
  return slackEnvelopeSchema.safeParse(parsed).success;
}

function isSigned(request: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = request.headers["x-slack-signature"];
  const timestamp = Number(request.headers["x-slack-request-timestamp"]);
  if (typeof signature !== "string" || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
  });
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
}
