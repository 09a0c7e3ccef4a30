import { expect } from "vitest";
import { slackCommands } from "../../../src/app/chat-commands.ts";
import type { Core } from "../../../src/app/compose.ts";
import type { SqliteFeedbackStore } from "../../../src/feedback/feedback-store.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { SlackConfig } from "../../../src/surfaces/slack/slack-config.ts";
import type { SlackCommandHooks } from "../../../src/surfaces/slack/slack-surface-context.ts";
import { startSlackSurface } from "../../../src/surfaces/slack/start-slack-surface.ts";
import {
  appMention,
  type blockActionPayload,
  messageTs,
  type SignOptions,
  sendToSlackApp,
  signedBlockAction,
  signedEvent,
  signedSlashCommand,
} from "../../builders/slack-payloads.ts";
import { FakeSlackApi, type RecordedCall } from "../../fakes/fake-slack-api.ts";
import { mapGroupChannels, startChatBackend } from "./chat-backend.ts";
import { chatCommandModules, meetingsStandIn } from "./chat-command-modules.ts";
import { type ControllableCore, controllableCore } from "./controllable-core.ts";
import { poll } from "./poll.ts";
import { serveSurface } from "./serve-surface.ts";
import { useStarted } from "./use-started.ts";

const SIGNING_SECRET = "test-signing-secret";
const SIGNED: SignOptions = { signingSecret: SIGNING_SECRET };
export const HALSAM_CHANNEL = "C0HALSAM";
export const OPEN_CHANNEL = "C0OPEN";
export const LAHOLM_CHANNEL = "C0LAHOLM";
/** A channel Samsyn has not been invited to. */
export const CLOSED_CHANNEL = "C0CLOSED";
export const MEMBER = "U0MEMBER";
export const OUTSIDER = "U0OUTSIDE";

/** A placeholder post and the update that carries the answer. */
export interface AnswerPosts {
  placeholder: RecordedCall;
  update: RecordedCall;
}

/** Where a request goes: `to` is the app's URL (the first app unless it says otherwise). */
interface Destination {
  to?: string;
}

/** The fields of a button click, as far as a test chooses them. */
type ClickFields = Omit<Parameters<typeof blockActionPayload>[0], "responseUrl" | "user"> & { user?: string };

/**
 * The Slack app over HTTP against a fake Slack API, twice: `url` is wired with the real core and no
 * command modules; `secondUrl` shares the database, like the same app after a restart, and is wired
 * like `npm start` with a controllable core and stand-ins for `möten` and `intro`.
 * Requests are signed with the app's signing secret and come from a member unless they say otherwise.
 */
export interface SlackTestApp {
  core: Core;
  slack: FakeSlackApi;
  url: string;
  secondUrl: string;
  feedback: SqliteFeedbackStore;
  controllable: ControllableCore;
  /** An `app_mention` of Samsyn in `channel`. */
  appMention(
    channel: string,
    text: string,
    options?: { threadTs?: string; user?: string },
  ): ReturnType<typeof appMention>;
  /** Sends an event as Slack does; `eventId`, `retryNum` and `timestamp` as in a redelivery or a replay. */
  sendEvent(
    event: Record<string, unknown>,
    options?: Destination & { eventId?: string; retryNum?: number; timestamp?: number },
  ): Promise<Response>;
  /** Sends a click on a message's button, with a response URL of the fake Slack API. */
  click(fields: ClickFields & Destination): Promise<Response>;
  /**
   * Sends `/samsyn text` in `channel` (HälSam's by default), expects 200 and returns the id of its
   * response URL and the acknowledgement's body.
   */
  command(
    text: string,
    options?: Destination & { channel?: string },
  ): Promise<{ id: string; ack: { text?: string; response_type?: string } }>;
  /** Sends a mention and returns the event, the placeholder post and the update that carries the answer. */
  mention(
    channel: string,
    text: string,
    options?: Destination & { threadTs?: string; user?: string },
  ): Promise<AnswerPosts & { event: ReturnType<typeof appMention> }>;
  /** Waits for the newest "Söker i underlaget…" placeholder in a thread (after `already` earlier posts) and its update. */
  answerIn(channel: string, threadTs: string | undefined, already?: number): Promise<AnswerPosts>;
}

/** Starts the Slack test app before the file's tests and stops it after them. */
export function useSlackApp(): SlackTestApp {
  return useStarted(async (onStop) => {
    const { knowledge, core, groups, feedback } = await startChatBackend(
      "samsyn-slack-",
      (copy) => {
        mapGroupChannels(copy, "halsam-vasternorrland", "slack", [HALSAM_CHANNEL], { welcome: true });
        // A second mapped group that keeps the default: no welcome.
        mapGroupChannels(copy, "laholm-samverkansberedning", "slack", [LAHOLM_CHANNEL]);
      },
      onStop,
    );
    const slack = await FakeSlackApi.start({
      members: { [HALSAM_CHANNEL]: [MEMBER, "U0SAMSYN"] },
      closedChannels: [CLOSED_CHANNEL],
    });
    onStop(() => slack.close());
    const config: SlackConfig = {
      botToken: slack.botToken,
      transport: { kind: "http", signingSecret: SIGNING_SECRET },
      apiUrl: slack.apiUrl,
    };
    const wiring = { config, groups, feedback, logger: silentLogger };
    const first = await serveSurface((http) => startSlackSurface({ ...wiring, core, http }), onStop);

    const controllable = controllableCore(core);
    const commands: SlackCommandHooks = {
      ...slackCommands(chatCommandModules(core, groups, knowledge)),
      meetings: meetingsStandIn,
      intro: async (context) => ({
        text: `Introduktion till ${context.argument} (grupper: ${context.groupIds.join(", ")})`,
        blocks: [{ type: "section", text: { type: "mrkdwn", text: `*Introduktion:* ${context.argument}` } }],
      }),
    };
    const second = await serveSurface(
      (http) => startSlackSurface({ ...wiring, core: controllable, http, commands }),
      onStop,
    );
    const url = `${first.baseUrl}/slack/events`;
    const secondUrl = `${second.baseUrl}/slack/events`;

    const mentionEvent: SlackTestApp["appMention"] = (channel, text, options = {}) =>
      appMention({
        channel,
        user: options.user ?? MEMBER,
        text,
        botUserId: slack.botUserId,
        ...(options.threadTs ? { threadTs: options.threadTs } : {}),
      });
    const sendEvent: SlackTestApp["sendEvent"] = (event, { to = url, ...signing } = {}) =>
      sendToSlackApp(to, signedEvent(event, { ...SIGNED, ...signing }));
    const click: SlackTestApp["click"] = ({ to = url, user = MEMBER, ...fields }) =>
      sendToSlackApp(to, signedBlockAction({ ...fields, user, responseUrl: slack.responseUrl() }, SIGNED));
    const command: SlackTestApp["command"] = async (text, { to = url, channel = HALSAM_CHANNEL } = {}) => {
      const id = `cmd-${messageTs()}`;
      const request = signedSlashCommand(
        { text, user: MEMBER, channel, responseUrl: slack.responseUrl(id) },
        SIGNED,
      );
      const response = await sendToSlackApp(to, request);
      expect(response.status).toBe(200);
      const body = await response.text();
      return { id, ack: body ? (JSON.parse(body) as { text?: string; response_type?: string }) : {} };
    };
    const answerIn: SlackTestApp["answerIn"] = async (channel, threadTs, already = 0) => {
      const inThread = (args: Record<string, unknown>) =>
        args.channel === channel && args.thread_ts === threadTs;
      await poll(() => slack.callsTo("chat.postMessage", inThread).length > already);
      const placeholder = slack.callsTo("chat.postMessage", inThread).at(-1) as RecordedCall;
      const update = await slack.waitFor(
        "chat.update",
        (args) => args.channel === channel && args.ts === placeholder.result.ts,
      );
      return { placeholder, update };
    };
    const mention: SlackTestApp["mention"] = async (channel, text, { to, ...options } = {}) => {
      const event = mentionEvent(channel, text, options);
      expect((await sendEvent(event, to ? { to } : {})).status).toBe(200);
      return { event, ...(await answerIn(channel, options.threadTs ?? event.ts)) };
    };

    return {
      core,
      slack,
      url,
      secondUrl,
      feedback,
      controllable,
      appMention: mentionEvent,
      sendEvent,
      click,
      command,
      mention,
      answerIn,
    };
  });
}
