import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackNotifier } from "../../src/surfaces/slack/slack-notifier.ts";
import { FakeSlackApi } from "../fakes/fake-slack-api.ts";

let slack: FakeSlackApi;
let notifier: SlackNotifier;

beforeAll(async () => {
  slack = await FakeSlackApi.start();
  notifier = new SlackNotifier(
    new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
  );
});

afterAll(async () => {
  await slack?.close();
});

describe("SlackNotifier", () => {
  it("posts to a channel with the delivery key in the message metadata", async () => {
    const sent = await notifier.send({
      target: { kind: "channel", id: "C0REMIND" },
      text: "Påminnelse: samverkansberedningen ses om 3 dagar <dagordning>.",
      deliveryKey: "laholm-2025-03-12#3d#C0REMIND",
      actions: [{ id: "done", label: "Klar", value: "outbox-17" }],
    });
    const post = await slack.waitFor("chat.postMessage", (args) => args.channel === "C0REMIND");
    expect(sent.messageId).toBe(`C0REMIND:${post.result.ts}`);
    expect(post.args.metadata).toEqual({
      event_type: "samsyn_delivery",
      event_payload: { key: "laholm-2025-03-12#3d#C0REMIND" },
    });
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain("&lt;dagordning&gt;");
    expect(blocks).toContain('"action_id":"samsyn_notification:done"');
  });

  it("messages a user directly by opening a conversation with them", async () => {
    const sent = await notifier.send({
      target: { kind: "user", id: "U0SECRETARY" },
      text: "Hej!",
      deliveryKey: "k-user",
    });
    const open = await slack.waitFor("conversations.open");
    expect(open.args.users).toBe("U0SECRETARY");
    const channel = (open.result.channel as { id: string }).id;
    expect(sent.messageId.startsWith(`${channel}:`)).toBe(true);
  });

  it("finds an earlier delivery by its key, and nothing for an unknown key", async () => {
    const since = new Date(1_600_000_000_000);
    const sent = await notifier.send({
      target: { kind: "channel", id: "C0FIND" },
      text: "Ett",
      deliveryKey: "key-one",
    });
    await notifier.send({ target: { kind: "channel", id: "C0FIND" }, text: "Två", deliveryKey: "key-two" });
    expect(await notifier.findDelivered({ kind: "channel", id: "C0FIND" }, "key-one", since)).toEqual(sent);
    expect(await notifier.findDelivered({ kind: "channel", id: "C0FIND" }, "key-three", since)).toBeNull();
    const history = slack.callsTo("conversations.history")[0];
    expect(history?.args.include_all_metadata).toBe("true");
  });

  it("refuses a button value Slack would reject instead of cutting it", async () => {
    await expect(
      notifier.send({
        target: { kind: "channel", id: "C0REMIND" },
        text: "x",
        deliveryKey: "k",
        actions: [{ id: "big", label: "Stor", value: "x".repeat(2001) }],
      }),
    ).rejects.toThrow(/2000/);
  });
});
