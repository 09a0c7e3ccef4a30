import type { Activity } from "@microsoft/teams.api";
import { loggableError } from "./loggable-error.ts";
import { conversationOf } from "./teams-activity.ts";
import type { TeamsSurfaceContext } from "./teams-surface-context.ts";

/**
 * Saves the conversation an activity came from, so reminders can reach it later. For a personal
 * chat Samsyn also asks the connector once for the person's UPN/e-mail, since group files name
 * secretaries that way.
 */
export function rememberConversation(context: TeamsSurfaceContext, activity: Activity): void {
  const conversation = conversationOf(activity);
  if (!conversation.serviceUrl) return;
  const known = context.references.find(conversation.conversationId);
  context.references.save(conversation);
  const userId = conversation.userId;
  if (conversation.conversationType !== "personal" || !userId || known?.userPrincipal) return;
  if (context.principalLookups.has(conversation.conversationId)) return;
  context.principalLookups.add(conversation.conversationId);
  context.background.run("teams member lookup", async () => {
    try {
      const member = await context.app
        .connector(conversation.serviceUrl)
        .conversations.getMemberById(conversation.conversationId, userId);
      const principal = member.userPrincipalName ?? member.email ?? null;
      if (principal) context.references.save({ ...conversation, userPrincipal: principal });
    } catch (error) {
      context.logger.debug("teams member lookup failed; the person is reachable by id only", {
        error: loggableError(error),
      });
    }
  });
}
