import { describe, expect, it } from "vitest";
import { memberJoinedChannel, messageTs } from "../builders/slack-payloads.ts";
import { LAHOLM_QUESTION } from "./helpers/shipped-knowledge.ts";
import { HALSAM_CHANNEL, LAHOLM_CHANNEL, MEMBER, OPEN_CHANNEL, useSlackApp } from "./helpers/slack-app.ts";
import { blockText, buttons } from "./helpers/slack-messages.ts";

// Onboarding in Slack: the introduction's buttons and the welcome on joining a channel.
const app = useSlackApp();

describe("Slack onboarding", () => {
  /** A member's click on one of the introduction's buttons, as it sits on a message in `channel`. */
  function introClick(fields: { actionId: string; value: string; channel: string; messageTs: string }) {
    return app.click({ ...fields, to: app.secondUrl });
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
    const { placeholder, update } = await app.answerIn(OPEN_CHANNEL, introTs);
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
    const reply = await app.slack.waitFor(
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
    await app.sendEvent(join, { eventId: "Ev0JOIN1" });
    const welcome = await app.slack.waitFor("chat.postEphemeral", isWelcome);
    expect(welcome.args.channel).toBe(HALSAM_CHANNEL);
    expect(welcome.args.text).toContain(`<@${newcomer}>`);
    expect(welcome.args.text).toContain("HälSam Västernorrland");
    expect(buttons(welcome)).toEqual([
      expect.objectContaining({ action_id: "samsyn_intro_start", value: "halsam-vasternorrland" }),
    ]);
    // Slack re-sending the same event does not welcome twice.
    await app.sendEvent(join, { eventId: "Ev0JOIN1", retryNum: 1 });

    // Neither a group without welcomes, an unmapped channel nor the bot itself gets one.
    const before = app.slack.callsTo("chat.postEphemeral").length;
    await app.sendEvent(memberJoinedChannel({ channel: LAHOLM_CHANNEL, user: newcomer }));
    await app.sendEvent(memberJoinedChannel({ channel: OPEN_CHANNEL, user: newcomer }));
    await app.sendEvent(memberJoinedChannel({ channel: HALSAM_CHANNEL, user: app.slack.botUserId }));
    // A later event that does reach the app proves the ones before it were handled, not pending.
    const marker = memberJoinedChannel({ channel: HALSAM_CHANNEL, user: "U0LATER" });
    await app.sendEvent(marker);
    await app.slack.waitFor("chat.postEphemeral", (args) => args.user === "U0LATER");
    expect(app.slack.callsTo("chat.postEphemeral", isWelcome)).toHaveLength(1);
    expect(
      app.slack
        .callsTo("chat.postEphemeral")
        .slice(before)
        .map((call) => call.args.user),
    ).toEqual(["U0LATER"]);
    expect(app.slack.callsTo("chat.postEphemeral", (args) => args.user === app.slack.botUserId)).toHaveLength(
      0,
    );
  });
});
