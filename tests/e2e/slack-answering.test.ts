import { describe, expect, it } from "vitest";
import {
  appMention,
  messageEvent,
  messageTs,
  sendToSlackApp,
  signedBlockAction,
  signedEvent,
  signedSlashCommand,
} from "../builders/slack-payloads.ts";
import { poll } from "./helpers/poll.ts";
import {
  blockText,
  buttons,
  HALSAM_CHANNEL,
  HALSAM_TITLE,
  LAHOLM_QUESTION,
  MEMBER,
  OPEN_CHANNEL,
  OUTSIDER,
  SIGNED,
  useSlackApp,
} from "./helpers/slack-app.ts";

// Answers in Slack: mentions, direct messages, threads, retries, signatures, the answer's buttons and failures.
const app = useSlackApp();

describe("Slack app over HTTP", () => {
  it("answers an @mention in the thread of that message, with sources, a source button, feedback and the AI notice", async () => {
    const { event, placeholder, update } = await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION);
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
    expect(placeholder.token).toBe(app.slack.botToken);
  });

  it("answers a direct message in the conversation itself, with the groups of the channels the user is in", async () => {
    const question = "Vilka ingår i politisk samverkan inom HälSam?";
    const asMember = messageEvent({ channel: "D0MEMBER", user: MEMBER, text: question, channelType: "im" });
    await sendToSlackApp(app.url, signedEvent(asMember, SIGNED));
    const member = await app.answerIn("D0MEMBER", undefined);
    expect(member.placeholder.args.thread_ts).toBeUndefined();
    expect(blockText(member.update)).toContain(HALSAM_TITLE);

    const asOutsider = messageEvent({
      channel: "D0OUTSIDE",
      user: OUTSIDER,
      text: question,
      channelType: "im",
    });
    await sendToSlackApp(app.url, signedEvent(asOutsider, SIGNED));
    const outsider = await app.answerIn("D0OUTSIDE", undefined);
    expect(blockText(outsider.update)).not.toContain(HALSAM_TITLE);
  });

  it("searches a group's documents only in the group's channel; other channels see public documents", async () => {
    const question = "Vilka ingår i politisk samverkan inom HälSam?";
    const inGroupChannel = await app.mention(HALSAM_CHANNEL, question);
    expect(blockText(inGroupChannel.update)).toContain(HALSAM_TITLE);
    const elsewhere = await app.mention(OPEN_CHANNEL, question);
    expect(blockText(elsewhere.update)).not.toContain(HALSAM_TITLE);
  });

  it("answers a follow-up in its thread without a new mention, using the thread's earlier question", async () => {
    const first = await app.mention(HALSAM_CHANNEL, LAHOLM_QUESTION);
    const followUp = messageEvent({
      channel: HALSAM_CHANNEL,
      user: OUTSIDER,
      text: "Hur många möten har de per år?",
      threadTs: first.event.ts,
    });
    await sendToSlackApp(app.url, signedEvent(followUp, SIGNED));
    const { update } = await app.answerIn(HALSAM_CHANNEL, first.event.ts, 1);
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
    expect((await sendToSlackApp(app.url, signedEvent(stray, SIGNED))).status).toBe(200);
    await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION); // processed after the stray message
    expect(app.slack.callsTo("chat.postMessage", (args) => args.thread_ts === root)).toHaveLength(0);
  });

  it("answers an event once even when Slack retries it, also after a restart", async () => {
    const event = appMention({
      channel: OPEN_CHANNEL,
      user: MEMBER,
      text: LAHOLM_QUESTION,
      botUserId: app.slack.botUserId,
    });
    const inThread = (args: Record<string, unknown>) => args.thread_ts === event.ts;
    await sendToSlackApp(app.url, signedEvent(event, { ...SIGNED, eventId: "Ev0RETRY" }));
    await app.answerIn(OPEN_CHANNEL, event.ts);
    const retry = await sendToSlackApp(
      app.url,
      signedEvent(event, { ...SIGNED, eventId: "Ev0RETRY", retryNum: 1 }),
    );
    expect(retry.status).toBe(200);
    // The second surface shares the database, like the same app after a restart.
    await sendToSlackApp(app.secondUrl, signedEvent(event, { ...SIGNED, eventId: "Ev0RETRY", retryNum: 2 }));
    // The same message also arrives as a plain message event; it must not be answered either.
    await sendToSlackApp(
      app.url,
      signedEvent({ ...event, type: "message", channel_type: "channel" }, SIGNED),
    );
    await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION); // later traffic, processed after the retries
    expect(app.slack.callsTo("chat.postMessage", inThread)).toHaveLength(1);
  });

  it("rejects a bad signature or a stale timestamp with 401 and posts nothing", async () => {
    const before = app.slack.calls.length;
    const event = appMention({
      channel: OPEN_CHANNEL,
      user: MEMBER,
      text: LAHOLM_QUESTION,
      botUserId: app.slack.botUserId,
    });
    const forged = await sendToSlackApp(app.url, signedEvent(event, { signingSecret: "wrong-secret" }));
    expect(forged.status).toBe(401);
    const stale = await sendToSlackApp(
      app.url,
      signedEvent(event, { ...SIGNED, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }),
    );
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(app.slack.calls.slice(before)).toEqual([]);
  });

  it("asks for a question when mentioned without one", async () => {
    const event = appMention({
      channel: OPEN_CHANNEL,
      user: MEMBER,
      text: "",
      botUserId: app.slack.botUserId,
    });
    await sendToSlackApp(app.url, signedEvent(event, SIGNED));
    const reply = await app.slack.waitFor("chat.postMessage", (args) => args.thread_ts === event.ts);
    expect(reply.args.text).toMatch(/Skriv din fråga/);
  });
});

describe("Slack buttons", () => {
  it("stores 👍/👎 once per user and answer; a second click changes the vote", async () => {
    const { event, update } = await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION);
    const messageTs = update.args.ts as string;
    const voteUp = buttons(update).find((button) => button.action_id === "samsyn_vote_up");
    const voteDown = buttons(update).find((button) => button.action_id === "samsyn_vote_down");
    expect(voteUp?.value.length).toBeLessThanOrEqual(2000);
    const click = (actionId: string, value: string, user: string) =>
      sendToSlackApp(
        app.url,
        signedBlockAction(
          {
            actionId,
            value,
            user,
            channel: OPEN_CHANNEL,
            messageTs,
            threadTs: event.ts,
            responseUrl: app.slack.responseUrl(),
          },
          SIGNED,
        ),
      );
    const key = `${OPEN_CHANNEL}:${messageTs}`;
    expect((await click("samsyn_vote_up", voteUp?.value ?? "", MEMBER)).status).toBe(200);
    await app.slack.waitFor(
      "chat.postEphemeral",
      (args) => args.user === MEMBER && args.text === "Tack! Bra att svaret hjälpte.",
    );
    await click("samsyn_vote_down", voteDown?.value ?? "", MEMBER);
    await app.slack.waitFor(
      "chat.postEphemeral",
      (args) => args.user === MEMBER && String(args.text).startsWith("Tack för att du sa till"),
    );
    const stored = app.feedback.list().filter((row) => row.messageKey === key);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ surface: "slack", vote: "down", question: LAHOLM_QUESTION });
    expect(stored[0]?.answer).toContain("kommunstyrelsens ordförande");
    expect(stored[0]?.citations[0]?.documentId).toBe("laholm-samverkansoverenskommelse.md");
    expect(stored[0]?.userHash).not.toContain(MEMBER);

    await click("samsyn_vote_up", voteUp?.value ?? "", OUTSIDER);
    await app.slack.waitFor("chat.postEphemeral", (args) => args.user === OUTSIDER);
    expect(app.feedback.list().filter((row) => row.messageKey === key)).toHaveLength(2);
  });

  it("opens the quoted passage on Visa källtext", async () => {
    const { update } = await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION);
    const source = buttons(update).find((button) => button.text.text === "Visa källtext [1]");
    expect(source).toBeDefined();
    await sendToSlackApp(
      app.url,
      signedBlockAction(
        {
          actionId: source?.action_id ?? "",
          value: source?.value ?? "",
          user: MEMBER,
          channel: OPEN_CHANNEL,
          messageTs: update.args.ts as string,
          responseUrl: app.slack.responseUrl(),
        },
        SIGNED,
      ),
    );
    const opened = await app.slack.waitFor("views.open", (args) =>
      JSON.stringify(args.view).includes("kommunstyrelsens ordförande"),
    );
    expect(JSON.stringify(opened.args.view)).toContain("Revidering av samverkansöverenskommelse");
    expect(String(opened.args.trigger_id)).toMatch(/^trigger-/);
  });
  it("answers a click on a notification button that no module handles yet, instead of staying silent", async () => {
    await sendToSlackApp(
      app.url,
      signedBlockAction(
        {
          actionId: "samsyn_notification:snooze",
          value: "outbox-1",
          user: OUTSIDER,
          channel: "C0REMIND",
          messageTs: messageTs(),
          responseUrl: app.slack.responseUrl(),
        },
        SIGNED,
      ),
    );
    const reply = await app.slack.waitFor("chat.postEphemeral", (args) => args.channel === "C0REMIND");
    expect(reply.args.text).toBe("Den här knappen är inte inställd ännu.");
  });
});

describe("Slack failures", () => {
  it("acknowledges at once and shows that work is under way while the answer is being made", async () => {
    app.controllable.mode = "wait";
    try {
      const event = appMention({
        channel: OPEN_CHANNEL,
        user: MEMBER,
        text: LAHOLM_QUESTION,
        botUserId: app.slack.botUserId,
      });
      const started = performance.now();
      const response = await sendToSlackApp(app.secondUrl, signedEvent(event, SIGNED));
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      const placeholder = await app.slack.waitFor("chat.postMessage", (args) => args.thread_ts === event.ts);
      expect(placeholder.args.text).toBe("Söker i underlaget…");
      await poll(() => app.controllable.waiting());
      expect(app.slack.callsTo("chat.update", (args) => args.ts === placeholder.result.ts)).toEqual([]);
      app.controllable.release();
      const update = await app.slack.waitFor("chat.update", (args) => args.ts === placeholder.result.ts);
      expect(update.args.text).toContain("kommunstyrelsens ordförande");
    } finally {
      app.controllable.mode = "pass";
      app.controllable.release();
    }
  });

  it("ends a failed answer with a Swedish message in the thread", async () => {
    app.controllable.mode = "throw";
    try {
      const { update } = await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION, { to: app.secondUrl });
      expect(update.args.text).toMatch(/^Något gick fel när jag skulle svara/);
      expect(update.args.blocks).toEqual([]);
    } finally {
      app.controllable.mode = "pass";
    }
  });

  it("ends a failed slash command with a Swedish message to the asker", async () => {
    app.controllable.mode = "throw";
    try {
      const id = `cmd-${messageTs()}`;
      const request = signedSlashCommand(
        {
          text: `fråga ${LAHOLM_QUESTION}`,
          user: MEMBER,
          channel: OPEN_CHANNEL,
          responseUrl: app.slack.responseUrl(id),
        },
        SIGNED,
      );
      await sendToSlackApp(app.secondUrl, request);
      const { body } = await app.slack.waitForResponse(id);
      expect(body.text).toMatch(/^Något gick fel när jag skulle svara/);
    } finally {
      app.controllable.mode = "pass";
    }
  });
});
