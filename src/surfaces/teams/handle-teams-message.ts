import { randomUUID } from "node:crypto";
import { type Activity, MessageActivityInput } from "@microsoft/teams.api";
import { z } from "zod";
import { answerTeamsQuestion, type SendActivity, sendQuietly } from "./answer-teams-question.ts";
import { loggableError } from "./loggable-error.ts";
import { rememberConversation } from "./remember-conversation.ts";
import { mentionsBot, placeOf } from "./teams-activity.ts";
import { parseTeamsCommand, replyToCommand } from "./teams-commands.ts";
import { NOTIFICATION_ACTION_KEY } from "./teams-notifier.ts";
import type { TeamsSurfaceContext } from "./teams-surface-context.ts";
import { plainTextFromTeams } from "./teams-text.ts";
import { TEAMS_TEXTS } from "./teams-texts.ts";

const notificationActionSchema = z.object({
  [NOTIFICATION_ACTION_KEY]: z.string().min(1),
  value: z.string().default(""),
});

/** An incoming message activity as the handler sees it. */
export type TeamsMessage = Activity & { text?: string; value?: unknown };

/**
 * A message to Samsyn: a command, a question, or a click on a notification button. It is
 * acknowledged at once and answered in the background into the same conversation (the thread, in a
 * channel). In channels and group chats only messages that @mention Samsyn are for it. Never
 * silent: when even the bookkeeping fails (the database), the asker gets the Swedish error message.
 */
export function handleTeamsMessage(
  context: TeamsSurfaceContext,
  activity: TeamsMessage,
  send: SendActivity,
): void {
  if (activity.from.role === "bot") return;
  try {
    routeMessage(context, activity, send);
  } catch (error) {
    context.logger.error("teams message could not be handled", { error: loggableError(error) });
    if (placeOf(activity).conversationType !== "personal" && !mentionsBot(activity)) return;
    context.background.run("teams error reply", () =>
      sendQuietly(context, send, { type: "message", text: TEAMS_TEXTS.answerFailed }),
    );
  }
}

function routeMessage(context: TeamsSurfaceContext, activity: TeamsMessage, send: SendActivity): void {
  const place = placeOf(activity);
  rememberConversation(context, activity);
  if (!context.store.claimActivity(`${place.conversationId}:${activity.id ?? randomUUID()}`)) {
    context.logger.debug("teams activity already handled", { conversationType: place.conversationType });
    return;
  }
  const action = notificationActionSchema.safeParse(activity.value);
  if (action.success) {
    context.background.run("teams notification action", () =>
      replyToNotificationAction(context, send, {
        id: action.data[NOTIFICATION_ACTION_KEY] as string,
        value: action.data.value,
        userId: activity.from.id,
        conversationId: place.conversationId,
      }),
    );
    return;
  }
  // A clicked imBack button (a suggested question) arrives here as text from the clicker; in
  // channels and group chats Teams puts Samsyn's mention in front, as in every message to a bot there.
  if (place.conversationType !== "personal" && !mentionsBot(activity)) return;
  const text = plainTextFromTeams(activity.text ?? "", activity.entities ?? [], activity.recipient.id);
  const command = parseTeamsCommand(text);
  context.background.run("teams message", async () => {
    if (command) {
      const person = { aadObjectId: activity.from.aadObjectId ?? null };
      await sendQuietly(context, send, await replyToCommand(context, command, place, person));
      return;
    }
    await answerTeamsQuestion(context, send, {
      place,
      threadKey: activity.conversation.id,
      // In a channel every mention starts or continues a thread, which is the topic.
      alwaysUseHistory:
        place.conversationType === "channel" && activity.conversation.id.includes(";messageid="),
      question: text,
    });
  });
}

async function replyToNotificationAction(
  context: TeamsSurfaceContext,
  send: SendActivity,
  action: { id: string; value: string; userId: string; conversationId: string },
): Promise<void> {
  const hook = context.commands.notificationAction;
  if (!hook) {
    await sendQuietly(context, send, { type: "message", text: TEAMS_TEXTS.notificationActionNotSetUp });
    return;
  }
  try {
    const reply = await hook.call(context.commands, action);
    if (!reply) return;
    const message = new MessageActivityInput(reply.text);
    if (reply.attachments && reply.attachments.length > 0) message.addAttachments(...reply.attachments);
    await send(message);
  } catch (error) {
    context.logger.error("teams notification action failed", {
      action: action.id,
      error: loggableError(error),
    });
    await sendQuietly(context, send, { type: "message", text: TEAMS_TEXTS.actionFailed });
  }
}
