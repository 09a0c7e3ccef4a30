import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { slackCommands } from "../../src/app/chat-commands.ts";
import type { Core } from "../../src/app/compose.ts";
import { OnboardingBridge } from "../../src/app/onboarding-bridge.ts";
import { ReminderBridge } from "../../src/app/reminder-bridge.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { ManualClock } from "../../src/reminders/clock.ts";
import { ReminderService } from "../../src/reminders/reminder-service.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import type { SlackConfig } from "../../src/surfaces/slack/slack-config.ts";
import type { SlackCommandHooks, SlackCore } from "../../src/surfaces/slack/slack-surface-context.ts";
import { type SlackSurface, startSlackSurface } from "../../src/surfaces/slack/start-slack-surface.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import {
  appMention,
  memberJoinedChannel,
  messageEvent,
  messageTs,
  type SignOptions,
  sendToSlackApp,
  signedBlockAction,
  signedEvent,
  signedSlashCommand,
} from "../builders/slack-payloads.ts";
import { FakeSlackApi, type RecordedCall } from "../fakes/fake-slack-api.ts";

const SIGNING_SECRET = "test-signing-secret";
const SIGNED: SignOptions = { signingSecret: SIGNING_SECRET };
const HALSAM_CHANNEL = "C0HALSAM";
const OPEN_CHANNEL = "C0OPEN";
const LAHOLM_CHANNEL = "C0LAHOLM";
/** A channel Samsyn has not been invited to. */
const CLOSED_CHANNEL = "C0CLOSED";
/** The calendar's "now" in these tests. */
const NOW = "2027-01-10T08:00:00+01:00";
const MEMBER = "U0MEMBER";
const OUTSIDER = "U0OUTSIDE";
const HALSAM_TITLE = "Samverkansstruktur HälSam";
const LAHOLM_QUESTION = "Vem kallar till samverkansberedningens möten i Laholm?";

/** A core whose answer path can be made to fail or to wait, to test acknowledgement and errors. */
interface ControllableCore extends SlackCore {
  mode: "pass" | "throw" | "wait";
  /** Whether a question is held in the answer path. */
  waiting: () => boolean;
  release: () => void;
}

let folder: { dir: string; cleanup: () => void };
let core: Core;
let groups: Group[];
let slack: FakeSlackApi;
let http: HttpServer;
let surface: SlackSurface;
let url: string;
let feedback: SqliteFeedbackStore;
let controllable: ControllableCore;
let secondHttp: HttpServer;
let secondSurface: SlackSurface;
let secondUrl: string;

function config(): SlackConfig {
  return {
    botToken: slack.botToken,
    transport: { kind: "http", signingSecret: SIGNING_SECRET },
    apiUrl: slack.apiUrl,
  };
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

beforeAll(async () => {
  folder = temporaryFolder("samsyn-slack-");
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
  ({ core } = await ingestedCore(knowledge, path.join(folder.dir, "data")));
  ({ groups } = await loadGroups(path.join(knowledge, "groups")));
  slack = await FakeSlackApi.start({
    members: { [HALSAM_CHANNEL]: [MEMBER, "U0SAMSYN"] },
    closedChannels: [CLOSED_CHANNEL],
  });
  feedback = new SqliteFeedbackStore(core.index.database, "test-salt");

  http = new HttpServer(silentLogger);
  surface = await startSlackSurface({ core, config: config(), http, groups, feedback, logger: silentLogger });
  url = `${(await http.listen(0, "127.0.0.1")).url}/slack/events`;

  controllable = controllableCore(core);
  // The second surface is wired like `npm start`, except for stand-ins for `möten` and `intro`.
  const reminderService = new ReminderService({
    database: core.index.database,
    knowledgeDir: knowledge,
    groups,
    notifiers: [],
    clock: new ManualClock(NOW),
  });
  const reminders = new ReminderBridge(reminderService, groups, knowledge, { now: () => new Date(NOW) });
  const onboarding = new OnboardingBridge(core, groups, (groupId) => reminders.meetings(groupId));
  const commands: SlackCommandHooks = {
    ...slackCommands({ reminders, onboarding }),
    meetings: async (context) => ({
      text: `Nästa möte för ${context.groupIds.join(", ") || "inga grupper"}`,
    }),
    intro: async (context) => ({
      text: `Introduktion till ${context.argument} (grupper: ${context.groupIds.join(", ")})`,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `*Introduktion:* ${context.argument}` } }],
    }),
  };
  secondHttp = new HttpServer(silentLogger);
  secondSurface = await startSlackSurface({
    core: controllable,
    config: config(),
    http: secondHttp,
    groups,
    feedback,
    logger: silentLogger,
    commands,
  });
  secondUrl = `${(await secondHttp.listen(0, "127.0.0.1")).url}/slack/events`;
});

afterAll(async () => {
  await surface?.stop();
  await secondSurface?.stop();
  await http?.close();
  await secondHttp?.close();
  await slack?.close();
  core?.close();
  folder?.cleanup();
});

/** All visible text of a message's blocks, for assertions. */
function blockText(call: RecordedCall): string {
  return JSON.stringify(call.args.blocks ?? []);
}

function buttons(call: RecordedCall): { action_id: string; value: string; text: { text: string } }[] {
  const blocks = (call.args.blocks ?? []) as { type: string; elements?: unknown[] }[];
  return blocks
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements as { action_id: string; value: string; text: { text: string } }[]);
}

/** Sends a mention and returns the placeholder post and the update that carries the answer. */
async function mention(
  channel: string,
  text: string,
  options: { threadTs?: string; user?: string; to?: string } = {},
) {
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
}

/** Waits for the newest "Söker i underlaget…" placeholder in a thread (after `already` earlier posts) and its update. */
async function answerIn(channel: string, threadTs: string | undefined, already = 0) {
  const inThread = (args: Record<string, unknown>) => args.channel === channel && args.thread_ts === threadTs;
  await poll(() => slack.callsTo("chat.postMessage", inThread).length > already);
  const placeholder = slack.callsTo("chat.postMessage", inThread).at(-1) as RecordedCall;
  const update = await slack.waitFor(
    "chat.update",
    (args) => args.channel === channel && args.ts === placeholder.result.ts,
  );
  return { placeholder, update };
}

async function poll(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("Slack app over HTTP", () => {
  it("answers an @mention in the thread of that message, with sources, a source button, feedback and the AI notice", async () => {
    const { event, placeholder, update } = await mention(OPEN_CHANNEL, LAHOLM_QUESTION);
    expect(placeholder.args.text).toBe("Söker i underlaget…");
    expect(placeholder.args.thread_ts).toBe(event.ts);
    expect(update.args.text).toContain("kommunstyrelsens ordförande");
    const text = blockText(update);
    expect(text).toContain("[1]");
    expect(text).toContain("Revidering av samverkansöverenskommelse");
    expect(text).toContain("§ Samverkansberedning");
    expect(text).toContain("Svaret är AI-genererat – kontrollera mot källan.");
    const labels = buttons(update).map((button) => button.text.text);
    expect(labels).toEqual(expect.arrayContaining(["Visa källtext [1]", "👍 Bra svar", "👎 Inte bra"]));
    expect(placeholder.token).toBe(slack.botToken);
  });

  it("answers a direct message in the conversation itself, with the groups of the channels the user is in", async () => {
    const question = "Vilka ingår i politisk samverkan inom HälSam?";
    const asMember = messageEvent({ channel: "D0MEMBER", user: MEMBER, text: question, channelType: "im" });
    await sendToSlackApp(url, signedEvent(asMember, SIGNED));
    const member = await answerIn("D0MEMBER", undefined);
    expect(member.placeholder.args.thread_ts).toBeUndefined();
    expect(blockText(member.update)).toContain(HALSAM_TITLE);

    const asOutsider = messageEvent({
      channel: "D0OUTSIDE",
      user: OUTSIDER,
      text: question,
      channelType: "im",
    });
    await sendToSlackApp(url, signedEvent(asOutsider, SIGNED));
    const outsider = await answerIn("D0OUTSIDE", undefined);
    expect(blockText(outsider.update)).not.toContain(HALSAM_TITLE);
  });

  it("searches a group's documents only in the group's channel; other channels see public documents", async () => {
    const question = "Vilka ingår i politisk samverkan inom HälSam?";
    const inGroupChannel = await mention(HALSAM_CHANNEL, question);
    expect(blockText(inGroupChannel.update)).toContain(HALSAM_TITLE);
    const elsewhere = await mention(OPEN_CHANNEL, question);
    expect(blockText(elsewhere.update)).not.toContain(HALSAM_TITLE);
  });

  it("answers a follow-up in its thread without a new mention, using the thread's earlier question", async () => {
    const first = await mention(HALSAM_CHANNEL, LAHOLM_QUESTION);
    const followUp = messageEvent({
      channel: HALSAM_CHANNEL,
      user: OUTSIDER,
      text: "Hur många möten har de per år?",
      threadTs: first.event.ts,
    });
    await sendToSlackApp(url, signedEvent(followUp, SIGNED));
    const { update } = await answerIn(HALSAM_CHANNEL, first.event.ts, 1);
    expect(update.args.text).toContain("fyra möten per år");
    // Without the earlier question the HälSam document about theme meetings comes first.
    expect(blockText(update)).not.toContain(HALSAM_TITLE);
  });

  it("stays out of threads it has not answered in", async () => {
    const root = messageTs();
    const stray = messageEvent({
      channel: OPEN_CHANNEL,
      user: MEMBER,
      text: "Hur många möten har de per år?",
      threadTs: root,
    });
    expect((await sendToSlackApp(url, signedEvent(stray, SIGNED))).status).toBe(200);
    await mention(OPEN_CHANNEL, LAHOLM_QUESTION); // processed after the stray message
    expect(slack.callsTo("chat.postMessage", (args) => args.thread_ts === root)).toHaveLength(0);
  });

  it("answers an event once even when Slack retries it, also after a restart", async () => {
    const event = appMention({
      channel: OPEN_CHANNEL,
      user: MEMBER,
      text: LAHOLM_QUESTION,
      botUserId: slack.botUserId,
    });
    const inThread = (args: Record<string, unknown>) => args.thread_ts === event.ts;
    await sendToSlackApp(url, signedEvent(event, { ...SIGNED, eventId: "Ev0RETRY" }));
    await answerIn(OPEN_CHANNEL, event.ts);
    const retry = await sendToSlackApp(
      url,
      signedEvent(event, { ...SIGNED, eventId: "Ev0RETRY", retryNum: 1 }),
    );
    expect(retry.status).toBe(200);
    // The second surface shares the database, like the same app after a restart.
    await sendToSlackApp(secondUrl, signedEvent(event, { ...SIGNED, eventId: "Ev0RETRY", retryNum: 2 }));
    // The same message also arrives as a plain message event; it must not be answered either.
    await sendToSlackApp(url, signedEvent({ ...event, type: "message", channel_type: "channel" }, SIGNED));
    await mention(OPEN_CHANNEL, LAHOLM_QUESTION); // later traffic, processed after the retries
    expect(slack.callsTo("chat.postMessage", inThread)).toHaveLength(1);
  });

  it("rejects a bad signature or a stale timestamp with 401 and posts nothing", async () => {
    const before = slack.calls.length;
    const event = appMention({
      channel: OPEN_CHANNEL,
      user: MEMBER,
      text: LAHOLM_QUESTION,
      botUserId: slack.botUserId,
    });
    const forged = await sendToSlackApp(url, signedEvent(event, { signingSecret: "wrong-secret" }));
    expect(forged.status).toBe(401);
    const stale = await sendToSlackApp(
      url,
      signedEvent(event, { ...SIGNED, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }),
    );
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(slack.calls.slice(before)).toEqual([]);
  });

  it("asks for a question when mentioned without one", async () => {
    const event = appMention({ channel: OPEN_CHANNEL, user: MEMBER, text: "", botUserId: slack.botUserId });
    await sendToSlackApp(url, signedEvent(event, SIGNED));
    const reply = await slack.waitFor("chat.postMessage", (args) => args.thread_ts === event.ts);
    expect(reply.args.text).toMatch(/Skriv din fråga/);
  });
});

describe("Slack slash command /samsyn", () => {
  async function command(text: string, to = url, channel = HALSAM_CHANNEL) {
    const id = `cmd-${messageTs()}`;
    const request = signedSlashCommand(
      { text, user: MEMBER, channel, responseUrl: slack.responseUrl(id) },
      SIGNED,
    );
    const response = await sendToSlackApp(to, request);
    expect(response.status).toBe(200);
    const body = await response.text();
    return { id, ack: body ? (JSON.parse(body) as { text?: string; response_type?: string }) : {} };
  }

  it("answers `fråga` through the response URL after acknowledging at once", async () => {
    const { id, ack } = await command(`fråga ${LAHOLM_QUESTION}`);
    expect(ack).toMatchObject({ text: "Söker i underlaget…", response_type: "ephemeral" });
    const { body } = await slack.waitForResponse(id);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("kommunstyrelsens ordförande");
    expect(JSON.stringify(body.blocks)).toContain("Visa källtext [1]");
  });

  it("explains itself on `hjälp`, on an unknown subcommand and with no subcommand", async () => {
    expect((await command("hjälp")).ack.text).toContain("/samsyn fråga");
    const unknown = await command("väder imorgon");
    expect(unknown.ack.text).toContain("Jag känner inte igen ”väder”");
    expect(unknown.ack.text).toContain("/samsyn fråga");
    expect((await command("")).ack.text).toContain("/samsyn fråga");
  });

  it("says that meetings, reminders, the introduction, the glossary and the årshjul are not set up when no module provides them", async () => {
    for (const subcommand of ["möten", "påminnelser", "intro", "ordlista", "årshjul"]) {
      const { id, ack } = await command(subcommand);
      expect(ack.text).toMatch(/inte inställ/);
      expect(slack.responses.find((response) => response.id === id)).toBeUndefined();
    }
  });

  it("hands `möten` to the module that provides it, with the channel's group", async () => {
    const { id } = await command("möten", secondUrl);
    const { body } = await slack.waitForResponse(id);
    expect(body.text).toBe("Nästa möte för halsam-vasternorrland");
  });

  it("explains an acronym with `ordlista` from the channel group's documents, with its source, to the asker", async () => {
    const { id } = await command("ordlista HSN", secondUrl);
    const { body } = await slack.waitForResponse(id);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe("HSN står för Hälso- och sjukvårdsnämnden [1].");
    expect(JSON.stringify(body.blocks)).toContain("Samverkansstruktur HälSam");
  });

  it("keeps an internal group's acronyms out of channels of no group", async () => {
    const explained = await command("ordlista HSN", secondUrl, OPEN_CHANNEL);
    expect((await slack.waitForResponse(explained.id)).body.text).toBe(
      "Förkortningen HSN finns inte i underlaget.",
    );
    const listed = await command("ordlista", secondUrl, OPEN_CHANNEL);
    const { body } = await slack.waitForResponse(listed.id);
    expect(body.text).toContain("VGR");
    expect(JSON.stringify(body.blocks)).not.toContain("HSN");
  });

  it("posts the channel group's årshjul for a year into the channel as a PNG, with the year's items as its comment", async () => {
    const { id, ack } = await command("årshjul 2027", secondUrl);
    expect(ack).toEqual({});
    const upload = await slack.waitForSharedFile(HALSAM_CHANNEL);
    expect(upload.bytes?.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(upload.filename).toBe("arshjul-halsam-vasternorrland-2027.png");
    expect(upload.shared?.title).toBe("Årshjul 2027 – HälSam Västernorrland");
    expect(upload.shared?.comment).toContain("*Årshjul 2027 – HälSam Västernorrland*");
    expect(upload.shared?.comment).toContain("Temamöte Barn och unga");
    const [announced] = slack.callsTo(
      "files.getUploadURLExternal",
      (args) => args.filename === upload.filename,
    );
    expect(String(announced?.args.alt_text)).toMatch(/^Årshjul 2027 för HälSam Västernorrland/);
    expect(announced?.token).toBe(slack.botToken);
    // Posted for everyone: no private reply on top.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.responses.find((response) => response.id === id)).toBeUndefined();
  });

  it("asks for the group in a channel of none, says when the year is empty, and asks to be invited where it may not post", async () => {
    const unmapped = await command("årshjul", secondUrl, OPEN_CHANNEL);
    expect((await slack.waitForResponse(unmapped.id)).body.text).toContain("Ange grupp");
    const empty = await command("årshjul 1999", secondUrl);
    expect((await slack.waitForResponse(empty.id)).body.text).toBe(
      "Kalendern har inga möten eller sista dagar för HälSam Västernorrland under 1999.",
    );
    const closed = await command("årshjul laholm 2027", secondUrl, CLOSED_CHANNEL);
    expect((await slack.waitForResponse(closed.id)).body.text).toContain("/invite @Samsyn");
  });
});

describe("Slack buttons", () => {
  it("stores 👍/👎 once per user and answer; a second click changes the vote", async () => {
    const { event, update } = await mention(OPEN_CHANNEL, LAHOLM_QUESTION);
    const messageTs = update.args.ts as string;
    const voteUp = buttons(update).find((button) => button.action_id === "samsyn_vote_up");
    const voteDown = buttons(update).find((button) => button.action_id === "samsyn_vote_down");
    expect(voteUp?.value.length).toBeLessThanOrEqual(2000);
    const click = (actionId: string, value: string, user: string) =>
      sendToSlackApp(
        url,
        signedBlockAction(
          {
            actionId,
            value,
            user,
            channel: OPEN_CHANNEL,
            messageTs,
            threadTs: event.ts,
            responseUrl: slack.responseUrl(),
          },
          SIGNED,
        ),
      );
    const key = `${OPEN_CHANNEL}:${messageTs}`;
    expect((await click("samsyn_vote_up", voteUp?.value ?? "", MEMBER)).status).toBe(200);
    await slack.waitFor(
      "chat.postEphemeral",
      (args) => args.user === MEMBER && args.text === "Tack! Bra att svaret hjälpte.",
    );
    await click("samsyn_vote_down", voteDown?.value ?? "", MEMBER);
    await slack.waitFor(
      "chat.postEphemeral",
      (args) => args.user === MEMBER && String(args.text).startsWith("Tack för att du sa till"),
    );
    const stored = feedback.list().filter((row) => row.messageKey === key);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ surface: "slack", vote: "down", question: LAHOLM_QUESTION });
    expect(stored[0]?.answer).toContain("kommunstyrelsens ordförande");
    expect(stored[0]?.citations[0]?.documentId).toBe("laholm-samverkansoverenskommelse.md");
    expect(stored[0]?.userHash).not.toContain(MEMBER);

    await click("samsyn_vote_up", voteUp?.value ?? "", OUTSIDER);
    await slack.waitFor("chat.postEphemeral", (args) => args.user === OUTSIDER);
    expect(feedback.list().filter((row) => row.messageKey === key)).toHaveLength(2);
  });

  it("opens the quoted passage on Visa källtext", async () => {
    const { update } = await mention(OPEN_CHANNEL, LAHOLM_QUESTION);
    const source = buttons(update).find((button) => button.text.text === "Visa källtext [1]");
    expect(source).toBeDefined();
    await sendToSlackApp(
      url,
      signedBlockAction(
        {
          actionId: source?.action_id ?? "",
          value: source?.value ?? "",
          user: MEMBER,
          channel: OPEN_CHANNEL,
          messageTs: update.args.ts as string,
          responseUrl: slack.responseUrl(),
        },
        SIGNED,
      ),
    );
    const opened = await slack.waitFor("views.open", (args) =>
      JSON.stringify(args.view).includes("kommunstyrelsens ordförande"),
    );
    expect(JSON.stringify(opened.args.view)).toContain("Revidering av samverkansöverenskommelse");
    expect(String(opened.args.trigger_id)).toMatch(/^trigger-/);
  });
  it("answers a click on a notification button that no module handles yet, instead of staying silent", async () => {
    await sendToSlackApp(
      url,
      signedBlockAction(
        {
          actionId: "samsyn_notification:snooze",
          value: "outbox-1",
          user: OUTSIDER,
          channel: "C0REMIND",
          messageTs: messageTs(),
          responseUrl: slack.responseUrl(),
        },
        SIGNED,
      ),
    );
    const reply = await slack.waitFor("chat.postEphemeral", (args) => args.channel === "C0REMIND");
    expect(reply.args.text).toBe("Den här knappen är inte inställd ännu.");
  });
});

describe("Slack failures", () => {
  it("acknowledges at once and shows that work is under way while the answer is being made", async () => {
    controllable.mode = "wait";
    try {
      const event = appMention({
        channel: OPEN_CHANNEL,
        user: MEMBER,
        text: LAHOLM_QUESTION,
        botUserId: slack.botUserId,
      });
      const started = performance.now();
      const response = await sendToSlackApp(secondUrl, signedEvent(event, SIGNED));
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      const placeholder = await slack.waitFor("chat.postMessage", (args) => args.thread_ts === event.ts);
      expect(placeholder.args.text).toBe("Söker i underlaget…");
      await poll(() => controllable.waiting());
      expect(slack.callsTo("chat.update", (args) => args.ts === placeholder.result.ts)).toEqual([]);
      controllable.release();
      const update = await slack.waitFor("chat.update", (args) => args.ts === placeholder.result.ts);
      expect(update.args.text).toContain("kommunstyrelsens ordförande");
    } finally {
      controllable.mode = "pass";
      controllable.release();
    }
  });

  it("ends a failed answer with a Swedish message in the thread", async () => {
    controllable.mode = "throw";
    try {
      const { update } = await mention(OPEN_CHANNEL, LAHOLM_QUESTION, { to: secondUrl });
      expect(update.args.text).toMatch(/^Något gick fel när jag skulle svara/);
      expect(update.args.blocks).toEqual([]);
    } finally {
      controllable.mode = "pass";
    }
  });

  it("ends a failed slash command with a Swedish message to the asker", async () => {
    controllable.mode = "throw";
    try {
      const id = `cmd-${messageTs()}`;
      const request = signedSlashCommand(
        {
          text: `fråga ${LAHOLM_QUESTION}`,
          user: MEMBER,
          channel: OPEN_CHANNEL,
          responseUrl: slack.responseUrl(id),
        },
        SIGNED,
      );
      await sendToSlackApp(secondUrl, request);
      const { body } = await slack.waitForResponse(id);
      expect(body.text).toMatch(/^Något gick fel när jag skulle svara/);
    } finally {
      controllable.mode = "pass";
    }
  });
});

describe("Slack onboarding", () => {
  /** A click on one of the introduction's buttons, as it sits on a message in `channel`. */
  function introClick(fields: { actionId: string; value: string; channel: string; messageTs: string }) {
    return sendToSlackApp(
      secondUrl,
      signedBlockAction({ ...fields, user: MEMBER, responseUrl: slack.responseUrl() }, SIGNED),
    );
  }

  it("answers a suggested question from the introduction in the thread of that message, with sources", async () => {
    const introTs = messageTs();
    const response = await introClick({
      actionId: "samsyn_intro_ask:2",
      value: LAHOLM_QUESTION,
      channel: OPEN_CHANNEL,
      messageTs: introTs,
    });
    expect(response.status).toBe(200);
    const { placeholder, update } = await answerIn(OPEN_CHANNEL, introTs);
    expect(placeholder.args.text).toBe("Söker i underlaget…");
    expect(update.args.text).toContain("kommunstyrelsens ordförande");
    expect(blockText(update)).toContain("Revidering av samverkansöverenskommelse");
    expect(buttons(update).map((button) => button.text.text)).toEqual(
      expect.arrayContaining(["Visa källtext [1]", "👍 Bra svar"]),
    );
  });

  it("shows the introduction of the welcome's group to the clicker only", async () => {
    await introClick({
      actionId: "samsyn_intro_start",
      value: "halsam-vasternorrland",
      channel: HALSAM_CHANNEL,
      messageTs: messageTs(),
    });
    const reply = await slack.waitFor(
      "chat.postEphemeral",
      (args) =>
        args.user === MEMBER && String(args.text).startsWith("Introduktion till halsam-vasternorrland"),
    );
    expect(reply.args.channel).toBe(HALSAM_CHANNEL);
    expect(reply.args.text).toContain("grupper: halsam-vasternorrland");
    expect(blockText(reply)).toContain("*Introduktion:* halsam-vasternorrland");
  });

  it("welcomes someone joining a channel whose group has welcomes on, once and only them", async () => {
    const newcomer = "U0NEWBIE";
    const isWelcome = (args: Record<string, unknown>) =>
      args.user === newcomer && String(args.text).includes("Välkommen till");
    const join = memberJoinedChannel({ channel: HALSAM_CHANNEL, user: newcomer });
    await sendToSlackApp(url, signedEvent(join, { ...SIGNED, eventId: "Ev0JOIN1" }));
    const welcome = await slack.waitFor("chat.postEphemeral", isWelcome);
    expect(welcome.args.channel).toBe(HALSAM_CHANNEL);
    expect(welcome.args.text).toContain(`<@${newcomer}>`);
    expect(welcome.args.text).toContain("HälSam Västernorrland");
    expect(buttons(welcome)).toEqual([
      expect.objectContaining({ action_id: "samsyn_intro_start", value: "halsam-vasternorrland" }),
    ]);
    // Slack re-sending the same event does not welcome twice.
    await sendToSlackApp(url, signedEvent(join, { ...SIGNED, eventId: "Ev0JOIN1", retryNum: 1 }));

    // Neither a group without welcomes, an unmapped channel nor the bot itself gets one.
    const before = slack.callsTo("chat.postEphemeral").length;
    await sendToSlackApp(
      url,
      signedEvent(memberJoinedChannel({ channel: LAHOLM_CHANNEL, user: newcomer }), SIGNED),
    );
    await sendToSlackApp(
      url,
      signedEvent(memberJoinedChannel({ channel: OPEN_CHANNEL, user: newcomer }), SIGNED),
    );
    await sendToSlackApp(
      url,
      signedEvent(memberJoinedChannel({ channel: HALSAM_CHANNEL, user: slack.botUserId }), SIGNED),
    );
    // A later event that does reach the app proves the ones before it were handled, not pending.
    const marker = memberJoinedChannel({ channel: HALSAM_CHANNEL, user: "U0LATER" });
    await sendToSlackApp(url, signedEvent(marker, SIGNED));
    await slack.waitFor("chat.postEphemeral", (args) => args.user === "U0LATER");
    expect(slack.callsTo("chat.postEphemeral", isWelcome)).toHaveLength(1);
    expect(
      slack
        .callsTo("chat.postEphemeral")
        .slice(before)
        .map((call) => call.args.user),
    ).toEqual(["U0LATER"]);
    expect(slack.callsTo("chat.postEphemeral", (args) => args.user === slack.botUserId)).toHaveLength(0);
  });
});
