import type { AnswerService, AskOptions, AskResult } from "../answer/answer-service.ts";

/** After this long a chat asker gets the error message instead of waiting forever. */
const CHAT_ANSWER_TIMEOUT_MS = 90_000;

/**
 * Asks the core and rejects when the answer takes longer than `ms`: the question is aborted, and the
 * caller is released even if the answer path ignores the signal.
 */
export async function askWithinDeadline(
  answers: Pick<AnswerService, "ask">,
  question: string,
  options: Omit<AskOptions, "signal">,
  ms = CHAT_ANSWER_TIMEOUT_MS,
): Promise<AskResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([answers.ask(question, { ...options, signal: controller.signal }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
