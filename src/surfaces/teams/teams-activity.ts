import type { Activity } from "@microsoft/teams.api";
import type { TeamsConversation } from "./conversation-references.ts";
import type { TeamsPlace } from "./teams-scope-resolver.ts";

/** A conversation id without its thread suffix: `19:…@thread.tacv2;messageid=123` → `19:…@thread.tacv2`. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(";")[0] ?? conversationId;
}

/** The kind of conversation; Teams leaves it out in some events, where `isGroup` still tells. */
export function conversationTypeOf(activity: Activity): TeamsConversation["conversationType"] {
  const type = activity.conversation.conversationType as string | undefined;
  if (type === "personal" || type === "groupChat" || type === "channel") return type;
  if (activity.channelData?.channel?.id || activity.channelData?.team?.id) return "channel";
  return activity.conversation.isGroup ? "groupChat" : "personal";
}

/** Where an activity happened, for scope decisions. */
export function placeOf(activity: Activity): TeamsPlace {
  return {
    conversationId: baseConversationId(activity.conversation.id),
    conversationType: conversationTypeOf(activity),
    teamId: activity.channelData?.team?.id ?? null,
    channelId: activity.channelData?.channel?.id ?? null,
    userId: activity.from.id,
    serviceUrl: activity.serviceUrl ?? "",
  };
}

/** The conversation reference an activity gives Samsyn, to be saved for proactive messages. */
export function conversationOf(activity: Activity): TeamsConversation {
  const type = conversationTypeOf(activity);
  const personal = type === "personal";
  return {
    conversationId: baseConversationId(activity.conversation.id),
    conversationType: type,
    serviceUrl: activity.serviceUrl ?? "",
    tenantId: activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? null,
    botId: activity.recipient.id,
    botName: activity.recipient.name ?? null,
    teamId: activity.channelData?.team?.id ?? null,
    channelId: activity.channelData?.channel?.id ?? null,
    userId: personal ? activity.from.id : null,
    userAadId: personal ? (activity.from.aadObjectId ?? null) : null,
    userPrincipal: null,
    locale: activity.locale ?? null,
  };
}

/** Whether the activity @mentions Samsyn. */
export function mentionsBot(activity: Activity): boolean {
  return (activity.entities ?? []).some(
    (entity) =>
      entity.type === "mention" &&
      (entity as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient.id,
  );
}
