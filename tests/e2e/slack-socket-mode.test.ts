import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { SamsynError } from "../../src/errors.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import type { SlackConfig } from "../../src/surfaces/slack/slack-config.ts";
import { startSlackSurface } from "../../src/surfaces/slack/start-slack-surface.ts";
import { ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { appMention, eventCallback, slashCommandFields } from "../builders/slack-payloads.ts";
import { FakeSlackApi } from "../fakes/fake-slack-api.ts";

let folder: { dir: string; cleanup: () => void };
let core: Core;
let groups: Group[];
let slack: FakeSlackApi;

beforeAll(async () => {
  folder = temporaryFolder("samsyn-slack-socket-");
  ({ core } = await ingestedCore(SHIPPED_KNOWLEDGE, path.join(folder.dir, "data")));
  ({ groups } = await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups")));
  slack = await FakeSlackApi.start();
});

afterAll(async () => {
  await slack?.close();
  core?.close();
  folder?.cleanup();
});

function start(config: SlackConfig) {
  return startSlackSurface({
    core,
    config,
    http: new HttpServer(silentLogger),
    groups,
    feedback: new SqliteFeedbackStore(core.index.database, "salt"),
    logger: silentLogger,
  });
}

describe("Slack app in Socket Mode", () => {
  it("connects with the app token, answers a mention and a slash command over the WebSocket, and disconnects", async () => {
    const surface = await start({
      botToken: slack.botToken,
      transport: { kind: "socket", appToken: slack.appToken },
      apiUrl: slack.apiUrl,
    });
    try {
      expect(slack.socketConnected).toBe(true);
      expect(slack.callsTo("apps.connections.open")[0]?.token).toBe(slack.appToken);

      const event = appMention({
        channel: "C0SOCKET",
        user: "U0ASKER",
        text: "Vem kallar till samverkansberedningens möten i Laholm?",
        botUserId: slack.botUserId,
      });
      await slack.sendEnvelope("events_api", eventCallback(event));
      const placeholder = await slack.waitFor("chat.postMessage", (args) => args.thread_ts === event.ts);
      const update = await slack.waitFor("chat.update", (args) => args.ts === placeholder.result.ts);
      expect(update.args.text).toContain("kommunstyrelsens ordförande");

      const ack = (await slack.sendEnvelope(
        "slash_commands",
        slashCommandFields({
          text: "hjälp",
          user: "U0ASKER",
          channel: "C0SOCKET",
          responseUrl: slack.responseUrl(),
        }),
      )) as { text?: string };
      expect(ack.text).toContain("/samsyn fråga");
    } finally {
      await surface.stop();
    }
    expect(slack.socketConnected).toBe(false);
  });

  it("refuses to start with an app token Slack rejects, naming SLACK_APP_TOKEN", async () => {
    const starting = start({
      botToken: slack.botToken,
      transport: { kind: "socket", appToken: "xapp-revoked" },
      apiUrl: slack.apiUrl,
    });
    await expect(starting).rejects.toThrow(SamsynError);
    await expect(starting).rejects.toThrow(/SLACK_APP_TOKEN/);
  });

  it("refuses to start with a bot token Slack rejects, naming SLACK_BOT_TOKEN", async () => {
    const starting = start({
      botToken: "xoxb-revoked",
      transport: { kind: "http", signingSecret: "secret" },
      apiUrl: slack.apiUrl,
    });
    await expect(starting).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
  });
});
