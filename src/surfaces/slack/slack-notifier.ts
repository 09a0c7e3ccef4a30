import { type types, webApi } from "@slack/bolt";
import type { Notification, NotificationTarget, Notifier, SentNotification } from "../notifier.ts";
import { escapeMrkdwn, splitMrkdwn, truncate } from "./mrkdwn.ts";

/** Prefix of the action ids of notification buttons (`samsyn_notification:<id>`). */
export const NOTIFICATION_ACTION = "samsyn_notification";

/** The message metadata type that carries a delivery key. */
export const DELIVERY_EVENT_TYPE = "samsyn_delivery";

/** Slack's limit for a button value. */
const MAX_BUTTON_VALUE = 2000;

/**
 * Bounds of one Web API call made for a notification. The reminder dispatcher holds its claim on a
 * delivery while a send runs; a call must end long before the default claim timeout (2 minutes),
 * and a rate limit is better answered by the dispatcher's own backoff, which looks the message up
 * before it tries again, than by the client sleeping through `Retry-After` inside the send.
 */
export const NOTIFICATION_CALL_TIMEOUT_MS = 20_000;

/** How many pages of history `findDelivered` reads before giving up. */
const MAX_HISTORY_PAGES = 10;

/**
 * Delivers notifications (reminders) in Slack: to a channel id, or to a user id as a direct
 * message. The delivery key travels in the message metadata, so an interrupted delivery can be
 * found again in the conversation history instead of being sent twice.
 */
export class SlackNotifier implements Notifier {
  readonly surface = "slack";
  readonly canFindDelivered = true;
  private readonly directChannels = new Map<string, string>();

  constructor(private readonly client: webApi.WebClient) {}

  /** A notifier with its own Web API client, bounded as `NOTIFICATION_CALL_TIMEOUT_MS` explains. */
  static withBoundedClient(token: string, options: webApi.WebClientOptions = {}): SlackNotifier {
    return new SlackNotifier(
      new webApi.WebClient(token, {
        ...options,
        timeout: NOTIFICATION_CALL_TIMEOUT_MS,
        retryConfig: { retries: 1, factor: 1, minTimeout: 1000, maxTimeout: 2000 },
        rejectRateLimitedCalls: true,
      }),
    );
  }

  async send(notification: Notification): Promise<SentNotification> {
    const channel = await this.channelOf(notification.target);
    const posted = await this.client.chat.postMessage({
      channel,
      text: truncate(notification.text, 3000),
      blocks: notificationBlocks(notification),
      metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: notification.deliveryKey } },
      unfurl_links: false,
    });
    if (!posted.ts) throw new Error(`chat.postMessage returned no ts for ${channel}`);
    return { messageId: `${posted.channel ?? channel}:${posted.ts}` };
  }

  async findDelivered(
    target: NotificationTarget,
    deliveryKey: string,
    since: Date,
  ): Promise<SentNotification | null> {
    const channel = await this.channelOf(target);
    let cursor: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const history = await this.client.conversations.history({
        channel,
        oldest: (since.getTime() / 1000).toFixed(6),
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const message of history.messages ?? []) {
        const metadata = message.metadata as
          | { event_type?: string; event_payload?: { key?: unknown } }
          | undefined;
        if (
          metadata?.event_type === DELIVERY_EVENT_TYPE &&
          metadata.event_payload?.key === deliveryKey &&
          message.ts
        ) {
          return { messageId: `${channel}:${message.ts}` };
        }
      }
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return null;
  }

  private async channelOf(target: NotificationTarget): Promise<string> {
    if (target.kind === "channel") return target.id;
    const known = this.directChannels.get(target.id);
    if (known) return known;
    const opened = await this.client.conversations.open({ users: target.id });
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`conversations.open returned no channel for ${target.id}`);
    this.directChannels.set(target.id, channel);
    return channel;
  }
}

function notificationBlocks(notification: Notification): types.KnownBlock[] {
  const text: types.KnownBlock[] = splitMrkdwn(escapeMrkdwn(notification.text))
    .slice(0, 45)
    .map((piece) => ({ type: "section", text: { type: "mrkdwn", text: piece } }));
  const actions = (notification.actions ?? []).slice(0, 25);
  if (actions.length === 0) return text;
  const tooLong = actions.find((action) => action.value.length > MAX_BUTTON_VALUE);
  // A cut value would be misread when clicked; the sender must keep values compact (an id, not data).
  if (tooLong)
    throw new Error(
      `notification action "${tooLong.id}" has a value longer than ${MAX_BUTTON_VALUE} characters`,
    );
  return [
    ...text,
    {
      type: "actions",
      block_id: "samsyn_notification_actions",
      elements: actions.map((action) => ({
        type: "button",
        action_id: `${NOTIFICATION_ACTION}:${action.id}`,
        text: { type: "plain_text", text: truncate(action.label, 75), emoji: true },
        value: action.value,
      })),
    },
  ];
}
