import { describe, expect, it } from "vitest";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { openDatabase } from "../../src/index/sqlite-database.ts";
import type { Logger } from "../../src/logger.ts";
import { startTeamsSurface } from "../../src/surfaces/teams/start-teams-surface.ts";
import {
  personalConversationId,
  personalMessage,
  sendToTeamsApp,
  teamsPerson,
} from "../builders/teams-activities.ts";
import { FakeBotConnector } from "../fakes/fake-bot-connector.ts";
import { answerlessCore } from "./helpers/controllable-core.ts";
import { serveSurface } from "./helpers/serve-surface.ts";
import { useStarted } from "./helpers/use-started.ts";

/** A logger that keeps what was written, to check what an operator would see. */
function recordingLogger(entries: { level: string; message: string }[]): Logger {
  const logger: Logger = {
    debug: (message) => entries.push({ level: "debug", message }),
    info: (message) => entries.push({ level: "info", message }),
    warn: (message) => entries.push({ level: "warn", message }),
    error: (message) => entries.push({ level: "error", message }),
    child: () => logger,
  };
  return logger;
}

const entries: { level: string; message: string }[] = [];
const rawBodies: Buffer[] = [];

const app = useStarted(async (onStop) => {
  const database = openDatabase(":memory:");
  onStop(() => database.close());
  const connector = await FakeBotConnector.start({ requireToken: false });
  onStop(() => connector.close());
  const { baseUrl, surface } = await serveSurface((http) => {
    // Another surface on the same server that needs the untouched body (Slack checks signatures over it).
    http.route("/slack/events", async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      rawBodies.push(Buffer.concat(chunks));
      response.writeHead(200).end();
    });
    return startTeamsSurface({
      core: answerlessCore(database, "not used: only commands are sent"),
      config: {
        appId: null,
        appType: "MultiTenant",
        tenantId: null,
        credentials: { kind: "none" },
        serviceUrl: connector.serviceUrl,
        cloud: connector.cloud(),
      },
      http,
      groups: [],
      feedback: new SqliteFeedbackStore(database, "salt"),
      logger: recordingLogger(entries),
    });
  }, onStop);
  return { connector, surface, base: baseUrl };
});

describe("Teams app in development mode (TEAMS_ALLOW_UNAUTHENTICATED)", () => {
  it("warns loudly at start that requests are not checked", () => {
    const warning = entries.find(
      (entry) => entry.level === "warn" && entry.message.includes("UTAN kontroll"),
    );
    expect(warning?.message).toContain("TEAMS_ALLOW_UNAUTHENTICATED=true");
    expect(warning?.message).toContain("aldrig i drift");
  });

  it("accepts activities without a token and answers without sending any credentials", async () => {
    const person = teamsPerson("Utvecklare");
    const response = await sendToTeamsApp(
      `${app.base}/api/messages`,
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: person, text: "hjälp" }),
    );
    expect(response.status).toBe(200);
    const reply = await app.connector.waitFor(
      (recorded) => recorded.conversationId === personalConversationId(person),
    );
    expect(String(reply.activity.text)).toContain("**Samsyn** svarar på frågor");
    expect(app.connector.accessTokens.size).toBe(0);
    expect(app.connector.tokenRequests).toEqual([]);
  });

  it("shares the HTTP server: other routes keep their raw bodies, and only POST /api/messages reaches Teams", async () => {
    const body = '{"token":"x",  "challenge":"åäö"}';
    expect((await fetch(`${app.base}/slack/events`, { method: "POST", body })).status).toBe(200);
    expect(rawBodies.at(-1)?.toString("utf8")).toBe(body);
    expect((await fetch(`${app.base}/api/messages`)).status).toBe(405);
    expect((await fetch(`${app.base}/api/messagesx`, { method: "POST", body: "{}" })).status).toBe(404);
    const notAnActivity = await fetch(`${app.base}/api/messages`, {
      method: "POST",
      body: '{"hello":"world"}',
    });
    expect(notAnActivity.status).toBe(400);
    expect((await fetch(`${app.base}/api/messages`, { method: "POST", body: "not json" })).status).toBe(400);
  });

  it("refuses activities once stopped, while the shared server keeps serving other routes", async () => {
    await app.surface.stop();
    const person = teamsPerson("Sen");
    const late = await sendToTeamsApp(
      `${app.base}/api/messages`,
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: person, text: "hjälp" }),
    );
    expect(late.status).toBe(503);
    expect((await fetch(`${app.base}/slack/events`, { method: "POST", body: "x" })).status).toBe(200);
  });
});
