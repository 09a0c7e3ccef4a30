import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { parseDocument } from "yaml";
import { slackCommands } from "../../../src/app/chat-commands.ts";
import type { Core } from "../../../src/app/compose.ts";
import { SqliteFeedbackStore } from "../../../src/feedback/feedback-store.ts";
import { loadGroups } from "../../../src/knowledge/groups.ts";
import { silentLogger } from "../../../src/logger.ts";
import { HttpServer } from "../../../src/surfaces/http/http-server.ts";
import type { SlackConfig } from "../../../src/surfaces/slack/slack-config.ts";
import type { SlackCommandHooks, SlackCore } from "../../../src/surfaces/slack/slack-surface-context.ts";
import { startSlackSurface } from "../../../src/surfaces/slack/start-slack-surface.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../../builders/core.ts";
import { appMention, type SignOptions, sendToSlackApp, signedEvent } from "../../builders/slack-payloads.ts";
import { FakeSlackApi, type RecordedCall } from "../../fakes/fake-slack-api.ts";
import { chatCommandModules } from "./chat-command-modules.ts";
import { poll } from "./poll.ts";

const SIGNING_SECRET = "test-signing-secret";
export const SIGNED: SignOptions = { signingSecret: SIGNING_SECRET };
export const HALSAM_CHANNEL = "C0HALSAM";
export const OPEN_CHANNEL = "C0OPEN";
export const LAHOLM_CHANNEL = "C0LAHOLM";
/** A channel Samsyn has not been invited to. */
export const CLOSED_CHANNEL = "C0CLOSED";
/** The calendar's "now" in these tests. */
const NOW = "2027-01-10T08:00:00+01:00";
export const MEMBER = "U0MEMBER";
export const OUTSIDER = "U0OUTSIDE";
export const HALSAM_TITLE = "Samverkansstruktur HälSam";
export const LAHOLM_QUESTION = "Vem kallar till samverkansberedningens möten i Laholm?";

/** A core whose answer path can be made to fail or to wait, to test acknowledgement and errors. */
export interface ControllableCore extends SlackCore {
  mode: "pass" | "throw" | "wait";
  /** Whether a question is held in the answer path. */
  waiting: () => boolean;
  release: () => void;
}

/** A placeholder post and the update that carries the answer. */
export interface AnswerPosts {
  placeholder: RecordedCall;
  update: RecordedCall;
}

/**
 * The Slack app over HTTP against a fake Slack API, twice: `url` is wired with the real core and no
 * command modules; `secondUrl` shares the database, like the same app after a restart, and is wired
 * like `npm start` with a controllable core and stand-ins for `möten` and `intro`.
 */
export interface SlackTestApp {
  core: Core;
  slack: FakeSlackApi;
  url: string;
  secondUrl: string;
  feedback: SqliteFeedbackStore;
  controllable: ControllableCore;
  /** Sends a mention and returns the event, the placeholder post and the update that carries the answer. */
  mention(
    channel: string,
    text: string,
    options?: { threadTs?: string; user?: string; to?: string },
  ): Promise<AnswerPosts & { event: ReturnType<typeof appMention> }>;
  /** Waits for the newest "Söker i underlaget…" placeholder in a thread (after `already` earlier posts) and its update. */
  answerIn(channel: string, threadTs: string | undefined, already?: number): Promise<AnswerPosts>;
}

/** Starts the Slack test app before the file's tests and stops it after them. */
export function useSlackApp(): SlackTestApp {
  const app = {} as SlackTestApp;
  let stop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const started = await startSlackApp();
    Object.assign(app, started.app);
    stop = started.stop;
  });
  afterAll(() => stop());
  return app;
}

function controllableCore(inner: Core): ControllableCore {
  let open: (() => void) | null = null;
  const wrapper: ControllableCore = {
    mode: "pass",
    waiting: () => open !== null,
    release: () => {
      open?.();
      open = null;
    },
    index: inner.index,
    answers: {
      ask: async (question, options) => {
        if (wrapper.mode === "throw") throw new Error("index file vanished");
        if (wrapper.mode === "wait") {
          await new Promise<void>((resolve) => {
            open = resolve;
          });
        }
        return inner.answers.ask(question, options);
      },
    },
  };
  return wrapper;
}

async function startSlackApp(): Promise<{ app: SlackTestApp; stop: () => Promise<void> }> {
  const folder = temporaryFolder("samsyn-slack-");
  const knowledge = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  const groupFile = path.join(knowledge, "groups", "halsam-vasternorrland.yaml");
  const groupYaml = parseDocument(fs.readFileSync(groupFile, "utf8"));
  groupYaml.setIn(["channels", "slack"], [HALSAM_CHANNEL]);
  groupYaml.set("welcome", { enabled: true });
  fs.writeFileSync(groupFile, groupYaml.toString());
  // A second mapped group that keeps the default: no welcome.
  const laholmFile = path.join(knowledge, "groups", "laholm-samverkansberedning.yaml");
  const laholmYaml = parseDocument(fs.readFileSync(laholmFile, "utf8"));
  laholmYaml.setIn(["channels", "slack"], [LAHOLM_CHANNEL]);
  fs.writeFileSync(laholmFile, laholmYaml.toString());
  const { core } = await ingestedCore(knowledge, path.join(folder.dir, "data"));
  const { groups } = await loadGroups(path.join(knowledge, "groups"));
  const slack = await FakeSlackApi.start({
    members: { [HALSAM_CHANNEL]: [MEMBER, "U0SAMSYN"] },
    closedChannels: [CLOSED_CHANNEL],
  });
  const feedback = new SqliteFeedbackStore(core.index.database, "test-salt");
  const config: SlackConfig = {
    botToken: slack.botToken,
    transport: { kind: "http", signingSecret: SIGNING_SECRET },
    apiUrl: slack.apiUrl,
  };

  const http = new HttpServer(silentLogger);
  const surface = await startSlackSurface({ core, config, http, groups, feedback, logger: silentLogger });
  const url = `${(await http.listen(0, "127.0.0.1")).url}/slack/events`;

  const controllable = controllableCore(core);
  const commands: SlackCommandHooks = {
    ...slackCommands(chatCommandModules(core, groups, knowledge, NOW)),
    meetings: async (context) => ({
      text: `Nästa möte för ${context.groupIds.join(", ") || "inga grupper"}`,
    }),
    intro: async (context) => ({
      text: `Introduktion till ${context.argument} (grupper: ${context.groupIds.join(", ")})`,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `*Introduktion:* ${context.argument}` } }],
    }),
  };
  const secondHttp = new HttpServer(silentLogger);
  const secondSurface = await startSlackSurface({
    core: controllable,
    config,
    http: secondHttp,
    groups,
    feedback,
    logger: silentLogger,
    commands,
  });
  const secondUrl = `${(await secondHttp.listen(0, "127.0.0.1")).url}/slack/events`;

  const answerIn = async (channel: string, threadTs: string | undefined, already = 0) => {
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
  const mention: SlackTestApp["mention"] = async (channel, text, options = {}) => {
    const event = appMention({
      channel,
      user: options.user ?? MEMBER,
      text,
      botUserId: slack.botUserId,
      ...(options.threadTs ? { threadTs: options.threadTs } : {}),
    });
    const response = await sendToSlackApp(options.to ?? url, signedEvent(event, SIGNED));
    expect(response.status).toBe(200);
    const thread = options.threadTs ?? event.ts;
    return { event, ...(await answerIn(channel, thread)) };
  };

  const stop = async () => {
    await surface.stop();
    await secondSurface.stop();
    await http.close();
    await secondHttp.close();
    await slack.close();
    core.close();
    folder.cleanup();
  };
  return { app: { core, slack, url, secondUrl, feedback, controllable, mention, answerIn }, stop };
}

/** All visible text of a message's blocks, for assertions. */
export function blockText(call: RecordedCall): string {
  return JSON.stringify(call.args.blocks ?? []);
}

/** The buttons of a message's action blocks. */
export function buttons(call: RecordedCall): { action_id: string; value: string; text: { text: string } }[] {
  const blocks = (call.args.blocks ?? []) as { type: string; elements?: unknown[] }[];
  return blocks
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements as { action_id: string; value: string; text: { text: string } }[]);
}
