import { createHmac, randomUUID } from "node:crypto";

/** The workspace every builder uses. */
export const TEAM_ID = "T0SAMSYN";

/** A request body and the headers Slack would send with it. */
export interface SlackRequest {
  body: string;
  headers: Record<string, string>;
}

/** Options of a signed request. */
export interface SignOptions {
  signingSecret: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Sets `x-slack-retry-num` (and a reason), as Slack does when it re-sends an event. */
  retryNum?: number;
}

/** Signs a raw body the way Slack does: `v0=` HMAC-SHA256 over `v0:<timestamp>:<body>`. */
export function signSlackRequest(body: string, contentType: string, options: SignOptions): SlackRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", options.signingSecret)
    .update(`v0:${timestamp}:${body}`)
    .digest("hex");
  return {
    body,
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": `v0=${signature}`,
      ...(options.retryNum === undefined
        ? {}
        : { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" }),
    },
  };
}

/** Posts a request to the app and returns the response. */
export function sendToSlackApp(url: string, request: SlackRequest): Promise<Response> {
  return fetch(url, { method: "POST", headers: request.headers, body: request.body });
}

/** An Events API envelope around `event`, signed. */
export function signedEvent(
  event: Record<string, unknown>,
  options: SignOptions & { eventId?: string },
): SlackRequest {
  const body = JSON.stringify(eventCallback(event, options.eventId));
  return signSlackRequest(body, "application/json", options);
}

/** The `event_callback` body Slack sends for an event (also the Socket Mode `events_api` payload). */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${randomUUID().slice(0, 8)}`) {
  return {
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0SAMSYN",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: "U0SAMSYN", is_bot: true, is_enterprise_install: false }],
  };
}

let tsCounter = 0;

/** A message ts unique within the test run. */
export function messageTs(): string {
  tsCounter += 1;
  return `1712000000.${String(tsCounter).padStart(6, "0")}`;
}

/** An `app_mention` event: `<@bot> text` in a channel. */
export function appMention(fields: {
  channel: string;
  user: string;
  text: string;
  botUserId: string;
  ts?: string;
  threadTs?: string;
}) {
  const ts = fields.ts ?? messageTs();
  return {
    type: "app_mention",
    user: fields.user,
    text: `<@${fields.botUserId}> ${fields.text}`,
    ts,
    channel: fields.channel,
    event_ts: ts,
    ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
  };
}

/** A `message` event in a channel (`channel_type` "channel") or a direct message ("im"). */
export function messageEvent(fields: {
  channel: string;
  user: string;
  text: string;
  channelType?: "channel" | "group" | "im";
  ts?: string;
  threadTs?: string;
}) {
  const ts = fields.ts ?? messageTs();
  return {
    type: "message",
    user: fields.user,
    text: fields.text,
    ts,
    channel: fields.channel,
    channel_type: fields.channelType ?? "channel",
    event_ts: ts,
    ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
  };
}

/** A `member_joined_channel` event: someone (or the bot) joined a channel. */
export function memberJoinedChannel(fields: { channel: string; user: string; inviter?: string }) {
  return {
    type: "member_joined_channel",
    user: fields.user,
    channel: fields.channel,
    channel_type: "C",
    team: TEAM_ID,
    event_ts: messageTs(),
    ...(fields.inviter ? { inviter: fields.inviter } : {}),
  };
}

/** The fields of a slash command (form fields over HTTP, the payload in Socket Mode). */
export function slashCommandFields(fields: {
  text: string;
  user: string;
  channel: string;
  responseUrl: string;
  command?: string;
}) {
  return {
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    team_domain: "samsyn-test",
    channel_id: fields.channel,
    channel_name: fields.channel.startsWith("D") ? "directmessage" : "allmant",
    user_id: fields.user,
    user_name: "testare",
    command: fields.command ?? "/samsyn",
    text: fields.text,
    api_app_id: "A0SAMSYN",
    response_url: fields.responseUrl,
    trigger_id: `trigger-${randomUUID().slice(0, 8)}`,
  };
}

/** A signed slash command request (form-encoded, as Slack sends it). */
export function signedSlashCommand(
  fields: Parameters<typeof slashCommandFields>[0],
  options: SignOptions,
): SlackRequest {
  const body = new URLSearchParams(slashCommandFields(fields)).toString();
  return signSlackRequest(body, "application/x-www-form-urlencoded", options);
}

/** The `block_actions` payload of a button click on a message. */
export function blockActionPayload(fields: {
  actionId: string;
  value: string;
  user: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  responseUrl: string;
  ephemeral?: boolean;
}) {
  return {
    type: "block_actions",
    user: { id: fields.user, username: "testare", team_id: TEAM_ID },
    api_app_id: "A0SAMSYN",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: fields.messageTs,
      channel_id: fields.channel,
      is_ephemeral: fields.ephemeral ?? false,
    },
    trigger_id: `trigger-${randomUUID().slice(0, 8)}`,
    team: { id: TEAM_ID, domain: "samsyn-test" },
    channel: { id: fields.channel, name: "allmant" },
    message: {
      type: "message",
      ts: fields.messageTs,
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
    response_url: fields.responseUrl,
    actions: [
      {
        type: "button",
        action_id: fields.actionId,
        block_id: "samsyn_feedback",
        value: fields.value,
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

/** A signed button click (form field `payload` holding the JSON, as Slack sends it). */
export function signedBlockAction(
  fields: Parameters<typeof blockActionPayload>[0],
  options: SignOptions,
): SlackRequest {
  const body = new URLSearchParams({ payload: JSON.stringify(blockActionPayload(fields)) }).toString();
  return signSlackRequest(body, "application/x-www-form-urlencoded", options);
}

/** The `message_action` payload of a message shortcut ("Lägg till i Samsyn") used on `message`. */
export function messageShortcutPayload(fields: {
  callbackId: string;
  user: string;
  channel: string;
  message: Record<string, unknown> & { ts: string };
  responseUrl: string;
}) {
  return {
    type: "message_action",
    token: "legacy-verification-token",
    action_ts: String(Date.now() / 1000),
    team: { id: TEAM_ID, domain: "samsyn-test" },
    user: { id: fields.user, name: "testare", username: "testare", team_id: TEAM_ID },
    channel: { id: fields.channel, name: "samverkan" },
    is_enterprise_install: false,
    callback_id: fields.callbackId,
    trigger_id: `trigger-${randomUUID().slice(0, 8)}`,
    response_url: fields.responseUrl,
    message_ts: fields.message.ts,
    message: { type: "message", ...fields.message },
  };
}

/** A signed message shortcut (form field `payload` holding the JSON, as Slack sends it). */
export function signedMessageShortcut(
  fields: Parameters<typeof messageShortcutPayload>[0],
  options: SignOptions,
): SlackRequest {
  const body = new URLSearchParams({ payload: JSON.stringify(messageShortcutPayload(fields)) }).toString();
  return signSlackRequest(body, "application/x-www-form-urlencoded", options);
}
