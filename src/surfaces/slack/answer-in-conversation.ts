import type { webApi } from "@slack/bolt";
import { followsUp } from "../../answer/understand/follows-up.ts";
import { askWithinDeadline } from "../ask-within-deadline.ts";
import { channelGroup } from "../channel-group.ts";
import { renderAnswer, type SlackMessage } from "./render-answer.ts";
import type { SlackConversation } from "./slack-scope-resolver.ts";
import type { SlackSurfaceContext } from "./slack-surface-context.ts";
import { SLACK_TEXTS } from "./slack-texts.ts";

/** A question that arrived as a message (mention, direct message, thread follow-up). */
export interface ConversationQuestion {
  conversation: SlackConversation;
  /** The user's message; together with the channel it identifies the question across retries. */
  messageTs: string;
  /** Thread to answer in; null answers at the top level (direct messages). */
  replyThreadTs: string | null;
  /** Thread whose earlier questions give context ("" for the main view of a direct message). */
  historyThreadTs: string;
  /** In threads earlier questions are always context; elsewhere only when the question leans on them. */
  alwaysUseHistory: boolean;
  question: string;
}

/**
 * Answers once per message: claims it (Slack retries and duplicate events are dropped), shows
 * "Söker i underlaget…", then replaces that with the answer. Never throws and is never silent: a
 * failure ends in a Swedish message where the answer would have been, the cause in the log.
 */
export async function answerInConversation(
  context: SlackSurfaceContext,
  client: webApi.WebClient,
  question: ConversationQuestion,
): Promise<void> {
  const { channelId } = question.conversation;
  if (!context.store.claimMessage(`${channelId}:${question.messageTs}`)) {
    context.logger.debug("slack message already handled", { channelId, ts: question.messageTs });
    return;
  }
  const thread = question.replyThreadTs ? { thread_ts: question.replyThreadTs } : {};
  if (question.question === "") {
    await postQuietly(context, client, { channel: channelId, ...thread, text: SLACK_TEXTS.emptyQuestion });
    return;
  }
  let placeholderTs: string | undefined;
  try {
    const placeholder = await client.chat.postMessage({
      channel: channelId,
      ...thread,
      text: SLACK_TEXTS.searching,
    });
    placeholderTs = placeholder.ts;
    const earlier = context.store.threadQuestions(channelId, question.historyThreadTs);
    const history = question.alwaysUseHistory || followsUp(question.question) ? earlier : ([] as string[]);
    const message = await composeSlackAnswer(context, question.question, question.conversation, history);
    if (placeholderTs) await client.chat.update({ channel: channelId, ts: placeholderTs, ...message });
    else await client.chat.postMessage({ channel: channelId, ...thread, ...message });
    context.store.addThreadQuestion(channelId, question.historyThreadTs, question.question);
  } catch (error) {
    context.logger.error("slack answer failed", { channelId, error });
    const failure = { text: SLACK_TEXTS.answerFailed, blocks: [] };
    if (placeholderTs) {
      await updateQuietly(context, client, { channel: channelId, ts: placeholderTs, ...failure });
    } else {
      await postQuietly(context, client, { channel: channelId, ...thread, ...failure });
    }
  }
}

/** Asks the core within the conversation's scope and renders the answer, stored for its buttons. */
export async function composeSlackAnswer(
  context: SlackSurfaceContext,
  question: string,
  conversation: SlackConversation,
  history: readonly string[],
): Promise<SlackMessage> {
  const scope = await context.scopes.scopeFor(conversation);
  // After the deadline the asker gets the error message instead of "Söker i underlaget…" forever.
  // In a group's channel the group's own documents and calendar answer first.
  const group = conversation.isDirect
    ? undefined
    : channelGroup(context.scopes.groupsOfChannel(conversation.channelId), context.groups);
  const { answer, latencyMs } = await askWithinDeadline(context.core.answers, question, {
    scope,
    history,
    ...(group ? { group } : {}),
  });
  const answerId = context.store.saveAnswer(question, answer);
  context.logger.info("slack question answered", {
    channelId: conversation.channelId,
    direct: conversation.isDirect,
    withHistory: history.length > 0,
    abstained: answer.abstained,
    citations: answer.citations.length,
    latencyMs: Math.round(latencyMs),
  });
  return renderAnswer(answer, answerId);
}

async function postQuietly(
  context: SlackSurfaceContext,
  client: webApi.WebClient,
  message: webApi.ChatPostMessageArguments,
): Promise<void> {
  try {
    await client.chat.postMessage(message);
  } catch (error) {
    context.logger.error("slack message could not be posted", { channel: message.channel, error });
  }
}

async function updateQuietly(
  context: SlackSurfaceContext,
  client: webApi.WebClient,
  message: webApi.ChatUpdateArguments,
): Promise<void> {
  try {
    await client.chat.update(message);
  } catch (error) {
    context.logger.error("slack message could not be updated", { channel: message.channel, error });
  }
}
