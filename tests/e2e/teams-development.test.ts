import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { openDatabase, type SqliteDatabase } from "../../src/index/sqlite-database.ts";
import type { Logger } from "../../src/logger.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { startTeamsSurface, type TeamsSurface } from "../../src/surfaces/teams/start-teams-surface.ts";
import {
  personalConversationId,
  personalMessage,
  sendToTeamsApp,
  teamsPerson,
} from "../builders/teams-activities.ts";
import { FakeBotConnector } from "../fakes/fake-bot-connector.ts";

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
let database: SqliteDatabase;
let connector: FakeBotConnector;
let http: HttpServer;
let surface: TeamsSurface;
let base: string;

beforeAll(async () => {
  database = openDatabase(":memory:");
  connector = await FakeBotConnector.start({ requireToken: false });
  http = new HttpServer(recordingLogger([]));
  // Another surface on the same server that needs the untouched body (Slack checks signatures over it).
  http.route("/slack/events", async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    rawBodies.push(Buffer.concat(chunks));
    response.writeHead(200).end();
  });
  surface = await startTeamsSurface({
    core: {
      answers: {
        ask: async () => {
          throw new Error("not used: only commands are sent");
        },
      },
      index: { database, catalog: { documents: () => [] } },
    },
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
  base = (await http.listen(0, "127.0.0.1")).url;
});

afterAll(async () => {
  await surface?.stop();
  await http?.close();
  await connector?.close();
  database?.close();
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
      `${base}/api/messages`,
      personalMessage({ serviceUrl: connector.serviceUrl, from: person, text: "hjälp" }),
    );
    expect(response.status).toBe(200);
    const reply = await connector.waitFor(
      (recorded) => recorded.conversationId === personalConversationId(person),
    );
    expect(String(reply.activity.text)).toContain("**Samsyn** svarar på frågor");
    expect(connector.accessTokens.size).toBe(0);
    expect(connector.tokenRequests).toEqual([]);
  });

  it("shares the HTTP server: other routes keep their raw bodies, and only POST /api/messages reaches Teams", async () => {
    const body = '{"token":"x",  "challenge":"åäö"}';
    expect((await fetch(`${base}/slack/events`, { method: "POST", body })).status).toBe(200);
    expect(rawBodies.at(-1)?.toString("utf8")).toBe(body);
    expect((await fetch(`${base}/api/messages`)).status).toBe(405);
    expect((await fetch(`${base}/api/messagesx`, { method: "POST", body: "{}" })).status).toBe(404);
    const notAnActivity = await fetch(`${base}/api/messages`, { method: "POST", body: '{"hello":"world"}' });
    expect(notAnActivity.status).toBe(400);
    expect((await fetch(`${base}/api/messages`, { method: "POST", body: "not json" })).status).toBe(400);
  });

  it("refuses activities once stopped, while the shared server keeps serving other routes", async () => {
    await surface.stop();
    const person = teamsPerson("Sen");
    const late = await sendToTeamsApp(
      `${base}/api/messages`,
      personalMessage({ serviceUrl: connector.serviceUrl, from: person, text: "hjälp" }),
    );
    expect(late.status).toBe(503);
    expect((await fetch(`${base}/slack/events`, { method: "POST", body: "x" })).status).toBe(200);
  });
});
