import { MessageActivityInput } from "@microsoft/teams.api";
import type { Notification, NotificationTarget, Notifier, SentNotification } from "../notifier.ts";
import {
  type ConversationReferenceStore,
  type TeamsConversation,
  toConversationReference,
} from "./conversation-references.ts";
import type { SamsynTeamsApp } from "./samsyn-teams-app.ts";
import { decodeTeamsId } from "./teams-scope-resolver.ts";
import { teamsMarkdown } from "./teams-text.ts";

/** The key an Adaptive Card button of a notification carries in its submit data. */
export const NOTIFICATION_ACTION_KEY = "samsynNotificationAction";

/** Where new conversations are opened when nothing has been saved yet. */
export interface TeamsNotifierSettings {
  appId: string | null;
  tenantId: string | null;
  serviceUrl: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Delivers notifications (reminders) in Teams through saved conversation references: to a
 * channel or group chat from `channels.teams` (a new post), or to a person in their personal chat
 * with Samsyn, which is opened through the Bot Connector when none is saved yet.
 */
export class TeamsNotifier implements Notifier {
  readonly surface = "teams";
  // Teams messages carry no metadata Samsyn could search for, and the Bot Connector cannot read a
  // conversation's history, so an interrupted delivery cannot be found again: at-most-once.
  readonly canFindDelivered = false;

  constructor(
    private readonly app: SamsynTeamsApp,
    private readonly references: ConversationReferenceStore,
    private readonly settings: TeamsNotifierSettings,
  ) {}

  async send(notification: Notification): Promise<SentNotification> {
    const conversation = await this.conversationFor(notification.target);
    const sent = await this.app.sendTo(
      toConversationReference(conversation),
      renderNotification(notification),
    );
    return { messageId: `${conversation.conversationId}:${sent.id}` };
  }

  async findDelivered(): Promise<SentNotification | null> {
    return null;
  }

  private async conversationFor(target: NotificationTarget): Promise<TeamsConversation> {
    if (target.kind === "user")
      return this.references.findPersonal(target.id) ?? (await this.openPersonal(target.id));
    const id = decodeTeamsId(target.id);
    // A channel's conversation id is its channel id, and a team's id is that of its General channel,
    // so the saved reference only lends its connector and bot account. Without one, the global
    // connector still routes to any channel Samsyn is installed in.
    const saved =
      this.references.findChannel(id) ??
      this.unsaved("channel", this.references.latest(this.settings.tenantId));
    return { ...saved, conversationId: id };
  }

  /** Opens a personal chat with a person by their Teams id (`29:…`) or Entra object id. */
  private async openPersonal(userId: string): Promise<TeamsConversation> {
    if (!userId.startsWith("29:") && !GUID.test(userId)) {
      throw new Error(
        `no personal Teams chat saved for "${userId}"; use the person's Entra object id, or let them open Samsyn in Teams once`,
      );
    }
    const base = this.unsaved("personal", this.references.latest(this.settings.tenantId));
    if (!base.tenantId)
      throw new Error(
        `cannot open a Teams chat with "${userId}": tenant unknown (set MICROSOFT_APP_TENANT_ID)`,
      );
    const created = await this.app.connector(base.serviceUrl).conversations.create({
      bot: { id: base.botId, role: "bot" },
      members: [{ id: userId, role: "user" }],
      tenantId: base.tenantId,
      channelData: { tenant: { id: base.tenantId } },
      isGroup: false,
    });
    const conversation: TeamsConversation = {
      ...base,
      conversationId: created.id,
      serviceUrl: created.serviceUrl || base.serviceUrl,
      userId: GUID.test(userId) ? null : userId,
      userAadId: GUID.test(userId) ? userId : null,
    };
    this.references.save(conversation);
    return conversation;
  }

  /** A conversation to be reached through the latest known connector (or the configured one). */
  private unsaved(
    conversationType: TeamsConversation["conversationType"],
    latest: TeamsConversation | null,
  ): TeamsConversation {
    const botId = latest?.botId ?? (this.settings.appId ? `28:${this.settings.appId}` : null);
    if (!botId) throw new Error("cannot reach Teams proactively: no app id and no saved conversation");
    return {
      conversationId: "",
      conversationType,
      serviceUrl: latest?.serviceUrl ?? this.settings.serviceUrl,
      tenantId: this.settings.tenantId ?? latest?.tenantId ?? null,
      botId,
      botName: latest?.botName ?? null,
      teamId: null,
      channelId: null,
      userId: null,
      userAadId: null,
      userPrincipal: null,
      locale: null,
    };
  }
}

/** The notification as a Teams message; its buttons become an Adaptive Card with submit actions. */
export function renderNotification(notification: Notification): MessageActivityInput {
  const message = new MessageActivityInput(teamsMarkdown(notification.text));
  const actions = notification.actions ?? [];
  if (actions.length === 0) return message;
  return message.addAttachments({
    contentType: "application/vnd.microsoft.card.adaptive",
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      body: [],
      actions: actions.map((action) => ({
        type: "Action.Submit",
        title: action.label,
        data: { [NOTIFICATION_ACTION_KEY]: action.id, value: action.value },
      })),
    },
  });
}
