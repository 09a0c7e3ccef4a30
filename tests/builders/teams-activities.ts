import { randomUUID } from "node:crypto";

/** The tenant every builder uses. */
export const TENANT_ID = "6f1a0c2e-4b7d-4e8a-9c3f-2d5e8a1b7c40";

/** Samsyn's Microsoft app id in the tests. */
export const APP_ID = "0b6d1f2a-3c4e-4f5a-8b9c-1d2e3f4a5b6c";

/** Samsyn's account in Teams conversations. */
export const BOT = { id: `28:${APP_ID}`, name: "Samsyn" } as const;

/** A person in Teams: the per-app id (`29:…`), the Entra object id and a name. */
export interface TeamsPerson {
  id: string;
  aadObjectId: string;
  name: string;
}

/** A person with fresh ids. */
export function teamsPerson(name: string): TeamsPerson {
  return { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name };
}

/** A Teams message id: Teams numbers messages by their time in milliseconds. */
export function messageId(): string {
  messageCounter += 1;
  return String(Date.now() * 1000 + messageCounter);
}
let messageCounter = 0;

/** The personal (1:1) conversation id Teams gives a person's chat with Samsyn. */
export function personalConversationId(person: TeamsPerson): string {
  return `a:${person.id.slice(3)}`;
}

type Activity = Record<string, unknown>;

interface Where {
  serviceUrl: string;
}

function base(
  type: string,
  where: Where,
  from: TeamsPerson,
  conversation: Record<string, unknown>,
): Activity {
  return {
    type,
    id: messageId(),
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: where.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    conversation: { tenantId: TENANT_ID, ...conversation },
    recipient: { id: BOT.id, name: BOT.name },
    locale: "sv-SE",
  };
}

/** A message in the person's personal chat with Samsyn. */
export function personalMessage(where: Where & { from: TeamsPerson; text: string }): Activity {
  return {
    ...base("message", where, where.from, {
      id: personalConversationId(where.from),
      conversationType: "personal",
    }),
    text: where.text,
    textFormat: "plain",
    channelData: { tenant: { id: TENANT_ID } },
    entities: [{ type: "clientInfo", locale: "sv-SE", country: "SE", platform: "Web" }],
  };
}

/**
 * A channel post (or a reply in its thread, with `threadId`) that @mentions Samsyn, as Teams sends
 * it: `<at>Samsyn</at>` in the text, a mention entity, and the thread in the conversation id.
 */
export function channelMention(
  where: Where & { from: TeamsPerson; text: string; channelId: string; teamId: string; threadId?: string },
): Activity {
  const activity = base("message", where, where.from, {});
  const thread = where.threadId ?? (activity.id as string);
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...activity,
    conversation: {
      id: `${where.channelId};messageid=${thread}`,
      conversationType: "channel",
      isGroup: true,
      tenantId: TENANT_ID,
    },
    ...(where.threadId ? { replyToId: where.threadId } : {}),
    text: `${mention} ${where.text}`,
    textFormat: "plain",
    entities: [{ type: "mention", text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
    channelData: {
      teamsChannelId: where.channelId,
      teamsTeamId: where.teamId,
      channel: { id: where.channelId },
      team: { id: where.teamId },
      tenant: { id: TENANT_ID },
    },
  };
}

/** A message in a group chat that @mentions Samsyn (group chat ids look like `19:…@thread.v2`). */
export function groupChatMention(
  where: Where & { from: TeamsPerson; text: string; conversationId: string },
): Activity {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base("message", where, where.from, {
      id: where.conversationId,
      conversationType: "groupChat",
      isGroup: true,
    }),
    text: `${mention} ${where.text}`,
    textFormat: "plain",
    entities: [{ type: "mention", text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** Where a card with an `imBack` button was posted. */
export type CardPlace =
  | { kind: "personal" }
  | { kind: "groupChat"; conversationId: string }
  | { kind: "channel"; channelId: string; teamId: string; threadId: string };

/**
 * A click on a card's `imBack` button (`Action.Submit` with `msteams.type` "imBack"): Teams sends
 * the button's value as a message from the clicker, visible to everyone. In group chats and
 * channels it puts Samsyn's name in front (a mention), in a channel as a reply in the card's thread.
 */
export function imBackClick(where: Where & { from: TeamsPerson; value: string; place: CardPlace }): Activity {
  const { place } = where;
  if (place.kind === "personal") return personalMessage({ ...where, text: where.value });
  if (place.kind === "groupChat") {
    return groupChatMention({ ...where, text: where.value, conversationId: place.conversationId });
  }
  return channelMention({ ...where, ...place, text: where.value });
}

/** A channel message that does not mention Samsyn. */
export function channelMessage(
  where: Where & { from: TeamsPerson; text: string; channelId: string; teamId: string },
): Activity {
  const mention = channelMention(where);
  return { ...mention, text: where.text, entities: [] };
}

/** Samsyn added to a team (the conversation is the team's General channel, whose id is the team id). */
export function installedInTeam(where: Where & { from: TeamsPerson; teamId: string }): Activity {
  return {
    ...base("conversationUpdate", where, where.from, {
      id: where.teamId,
      conversationType: "channel",
      isGroup: true,
    }),
    membersAdded: [{ id: BOT.id }],
    channelData: {
      eventType: "teamMemberAdded",
      team: { id: where.teamId, name: "Samverkan" },
      tenant: { id: TENANT_ID },
    },
  };
}

/** Samsyn added by a person to their personal scope. */
export function installedPersonally(where: Where & { from: TeamsPerson }): Activity {
  return {
    ...base("conversationUpdate", where, where.from, {
      id: personalConversationId(where.from),
      conversationType: "personal",
    }),
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** The invoke Teams sends when someone gives 👍/👎 (optionally with a comment) on a message. */
export function feedbackInvoke(
  where: Where & {
    from: TeamsPerson;
    conversationId: string;
    replyToId: string;
    reaction: "like" | "dislike";
    comment?: string;
  },
): Activity {
  return {
    ...base("invoke", where, where.from, {
      id: where.conversationId,
      conversationType: where.conversationId.startsWith("a:") ? "personal" : "channel",
    }),
    name: "message/submitAction",
    replyToId: where.replyToId,
    value: {
      actionName: "feedback",
      actionValue: {
        reaction: where.reaction,
        feedback: JSON.stringify({ feedbackText: where.comment ?? "" }),
      },
    },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** A click on an Adaptive Card `Action.Submit` button: a message with `value` and no text. */
export function cardSubmit(
  where: Where & { from: TeamsPerson; conversationId: string; data: Record<string, unknown> },
): Activity {
  return {
    ...base("message", where, where.from, {
      id: where.conversationId,
      conversationType: where.conversationId.startsWith("a:") ? "personal" : "channel",
    }),
    value: where.data,
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** Posts an activity to the app as the Bot Framework does, with a bearer token when given. */
export function sendToTeamsApp(url: string, activity: Activity, token?: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
}
