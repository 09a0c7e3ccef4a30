import { describe, expect, it } from "vitest";
import { messageEvent, messageTs, sendToSlackApp, signedEvent } from "../builders/slack-payloads.ts";
import { poll } from "./helpers/poll.ts";
import { HALSAM_QUESTION, HALSAM_TITLE, LAHOLM_QUESTION } from "./helpers/shipped-knowledge.ts";
import { HALSAM_CHANNEL, MEMBER, OPEN_CHANNEL, OUTSIDER, useSlackApp } from "./helpers/slack-app.ts";
import { blockText, buttons } from "./helpers/slack-messages.ts";

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
    const askDirectly = async (channel: string, user: string) => {
      await app.sendEvent(messageEvent({ channel, user, text: HALSAM_QUESTION, channelType: "im" }));
      return app.answerIn(channel, undefined);
    };
    const member = await askDirectly("D0MEMBER", MEMBER);
    expect(member.placeholder.args.thread_ts).toBeUndefined();
    expect(blockText(member.update)).toContain(HALSAM_TITLE);
    const outsider = await askDirectly("D0OUTSIDE", OUTSIDER);
    expect(blockText(outsider.update)).not.toContain(HALSAM_TITLE);
  });

  it("searches a group's documents only in the group's channel; other channels see public documents", async () => {
    const inGroupChannel = await app.mention(HALSAM_CHANNEL, HALSAM_QUESTION);
    expect(blockText(inGroupChannel.update)).toContain(HALSAM_TITLE);
    const elsewhere = await app.mention(OPEN_CHANNEL, HALSAM_QUESTION);
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
    await app.sendEvent(followUp);
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
    expect((await app.sendEvent(stray)).status).toBe(200);
    await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION); // processed after the stray message
    expect(app.slack.callsTo("chat.postMessage", (args) => args.thread_ts === root)).toHaveLength(0);
  });

  it("answers an event once even when Slack retries it, also after a restart", async () => {
    const event = app.appMention(OPEN_CHANNEL, LAHOLM_QUESTION);
    const inThread = (args: Record<string, unknown>) => args.thread_ts === event.ts;
    await app.sendEvent(event, { eventId: "Ev0RETRY" });
    await app.answerIn(OPEN_CHANNEL, event.ts);
    const retry = await app.sendEvent(event, { eventId: "Ev0RETRY", retryNum: 1 });
    expect(retry.status).toBe(200);
    // The second surface shares the database, like the same app after a restart.
    await app.sendEvent(event, { to: app.secondUrl, eventId: "Ev0RETRY", retryNum: 2 });
    // The same message also arrives as a plain message event; it must not be answered either.
    await app.sendEvent({ ...event, type: "message", channel_type: "channel" });
    await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION); // later traffic, processed after the retries
    expect(app.slack.callsTo("chat.postMessage", inThread)).toHaveLength(1);
  });

  it("rejects a bad signature or a stale timestamp with 401 and posts nothing", async () => {
    const before = app.slack.calls.length;
    const event = app.appMention(OPEN_CHANNEL, LAHOLM_QUESTION);
    const forged = await sendToSlackApp(app.url, signedEvent(event, { signingSecret: "wrong-secret" }));
    expect(forged.status).toBe(401);
    const stale = await app.sendEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(app.slack.calls.slice(before)).toEqual([]);
  });

  it("asks for a question when mentioned without one", async () => {
    const event = app.appMention(OPEN_CHANNEL, "");
    await app.sendEvent(event);
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
      app.click({ actionId, value, user, channel: OPEN_CHANNEL, messageTs, threadTs: event.ts });
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
    await app.click({
      actionId: source?.action_id ?? "",
      value: source?.value ?? "",
      channel: OPEN_CHANNEL,
      messageTs: update.args.ts as string,
    });
    const opened = await app.slack.waitFor("views.open", (args) =>
      JSON.stringify(args.view).includes("kommunstyrelsens ordförande"),
    );
    expect(JSON.stringify(opened.args.view)).toContain("Revidering av samverkansöverenskommelse");
    expect(String(opened.args.trigger_id)).toMatch(/^trigger-/);
  });
  it("answers a click on a notification button that no module handles yet, instead of staying silent", async () => {
    await app.click({
      actionId: "samsyn_notification:snooze",
      value: "outbox-1",
      user: OUTSIDER,
      channel: "C0REMIND",
      messageTs: messageTs(),
    });
    const reply = await app.slack.waitFor("chat.postEphemeral", (args) => args.channel === "C0REMIND");
    expect(reply.args.text).toBe("Den här knappen är inte inställd ännu.");
  });
});

describe("Slack failures", () => {
  it("acknowledges at once and shows that work is under way while the answer is being made", () =>
    app.controllable.during("wait", async () => {
      const event = app.appMention(OPEN_CHANNEL, LAHOLM_QUESTION);
      const started = performance.now();
      const response = await app.sendEvent(event, { to: app.secondUrl });
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      const placeholder = await app.slack.waitFor("chat.postMessage", (args) => args.thread_ts === event.ts);
      expect(placeholder.args.text).toBe("Söker i underlaget…");
      await poll(() => app.controllable.waiting());
      expect(app.slack.callsTo("chat.update", (args) => args.ts === placeholder.result.ts)).toEqual([]);
      app.controllable.release();
      const update = await app.slack.waitFor("chat.update", (args) => args.ts === placeholder.result.ts);
      expect(update.args.text).toContain("kommunstyrelsens ordförande");
    }));

  it("ends a failed answer with a Swedish message in the thread", () =>
    app.controllable.during("throw", async () => {
      const { update } = await app.mention(OPEN_CHANNEL, LAHOLM_QUESTION, { to: app.secondUrl });
      expect(update.args.text).toMatch(/^Något gick fel när jag skulle svara/);
      expect(update.args.blocks).toEqual([]);
    }));

  it("ends a failed slash command with a Swedish message to the asker", () =>
    app.controllable.during("throw", async () => {
      const { id } = await app.command(`fråga ${LAHOLM_QUESTION}`, {
        to: app.secondUrl,
        channel: OPEN_CHANNEL,
      });
      const { body } = await app.slack.waitForResponse(id);
      expect(body.text).toMatch(/^Något gick fel när jag skulle svara/);
    }));
});
