import type { Activity } from "@microsoft/teams.api";
import { sendQuietly } from "./answer-teams-question.ts";
import { handleTeamsMessage } from "./handle-teams-message.ts";
import { recordTeamsFeedback } from "./record-teams-feedback.ts";
import { rememberConversation } from "./remember-conversation.ts";
import { commandSuggestions } from "./render-teams-answer.ts";
import { baseConversationId, conversationTypeOf } from "./teams-activity.ts";
import type { TeamsSurfaceContext } from "./teams-surface-context.ts";
import { TEAMS_TEXTS } from "./teams-texts.ts";
import { welcomeMembers } from "./welcome-members.ts";

type Member = { id: string; name?: string };
type Members = { membersAdded?: Member[]; membersRemoved?: Member[] };

/**
 * The activities Samsyn handles: messages (questions, commands, notification buttons), being added
 * to or removed from a chat or team (conversation references, a welcome), and feedback.
 */
export function registerTeamsHandlers(context: TeamsSurfaceContext): void {
  const { app } = context;
  app.on("message", async ({ activity, send }) => {
    handleTeamsMessage(context, activity, send);
  });

  app.on("conversationUpdate", async ({ activity, send }) => {
    const update = activity as Activity & Members;
    const botId = activity.recipient.id;
    if ((update.membersRemoved ?? []).some((member) => member.id === botId)) {
      context.references.remove(baseConversationId(activity.conversation.id));
      context.logger.info("teams app removed from a conversation");
      return;
    }
    rememberConversation(context, activity);
    const newcomers = (update.membersAdded ?? []).filter((member) => member.id !== botId);
    if (newcomers.length > 0) {
      context.background.run("teams member welcome", () =>
        welcomeMembers(context, activity, newcomers, send),
      );
    }
    if (!(update.membersAdded ?? []).some((member) => member.id === botId)) return;
    context.logger.info("teams app installed", { conversationType: conversationTypeOf(activity) });
    const personal = conversationTypeOf(activity) === "personal";
    context.background.run("teams welcome", () =>
      sendQuietly(context, send, {
        type: "message",
        text: TEAMS_TEXTS.welcome,
        ...(personal ? { suggestedActions: commandSuggestions() } : {}),
      }),
    );
  });

  app.on("installationUpdate", async ({ activity }) => {
    const action = (activity as Activity & { action?: string }).action ?? "";
    if (action.startsWith("remove")) context.references.remove(baseConversationId(activity.conversation.id));
    else rememberConversation(context, activity);
  });

  app.on("message.submit.feedback", async ({ activity }) => {
    recordTeamsFeedback(context, activity);
  });
}
