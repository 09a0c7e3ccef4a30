import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { openDatabase, type SqliteDatabase } from "../../src/index/sqlite-database.ts";
import type { Group } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { ConversationReferenceStore } from "../../src/surfaces/teams/conversation-references.ts";
import { startTeamsSurface, type TeamsSurface } from "../../src/surfaces/teams/start-teams-surface.ts";
import { temporaryFolder } from "../builders/core.ts";
import {
  APP_ID,
  cardSubmit,
  installedInTeam,
  installedPersonally,
  personalConversationId,
  personalMessage,
  sendToTeamsApp,
  TENANT_ID,
  teamsPerson,
} from "../builders/teams-activities.ts";
import { FakeBotConnector, type RecordedActivity } from "../fakes/fake-bot-connector.ts";

const TEAM_ID = "19:team-samverkan@thread.tacv2";
const HALSAM_CHANNEL = "19:halsam-kanal@thread.tacv2";
const MEMBER = { ...teamsPerson("Anna Medlem"), userPrincipalName: "anna.medlem@sundsvall.se" };
const HALSAM: Group = {
  id: "halsam-vasternorrland",
  name: "HälSam Västernorrland",
  organisations: [],
  documents: [],
  visibility: "internal",
  channels: { teams: [HALSAM_CHANNEL] },
  secretaries: [],
};

let folder: { dir: string; cleanup: () => void };
let database: SqliteDatabase;
let connector: FakeBotConnector;
let http: HttpServer;
let surface: TeamsSurface;
let url: string;
const buttonClicks: { id: string; value: string; userId: string; conversationId: string }[] = [];

// Installation, reminders and authentication need no answers, so the core only has a database.
beforeAll(async () => {
  folder = temporaryFolder("samsyn-teams-proactive-");
  database = openDatabase(":memory:");
  connector = await FakeBotConnector.start({ people: [MEMBER] });
  const { thumbprint, privateKeyPem } = connector.createCertificate();
  const keyFile = path.join(folder.dir, "samsyn-teams.pem");
  fs.writeFileSync(keyFile, privateKeyPem);
  http = new HttpServer(silentLogger);
  surface = await startTeamsSurface({
    core: {
      answers: {
        ask: async () => {
          throw new Error("no questions in this suite");
        },
      },
      index: { database, catalog: { documents: () => [] } },
    },
    config: {
      appId: APP_ID,
      appType: "SingleTenant",
      tenantId: TENANT_ID,
      credentials: { kind: "certificate", thumbprint, privateKeyFile: keyFile },
      serviceUrl: connector.serviceUrl,
      cloud: connector.cloud(),
    },
    http,
    groups: [HALSAM],
    feedback: new SqliteFeedbackStore(database, "salt"),
    logger: silentLogger,
    commands: {
      notificationAction: async (action) => {
        buttonClicks.push(action);
        return { text: `Markerad som klar: ${action.value}` };
      },
    },
  });
  url = `${(await http.listen(0, "127.0.0.1")).url}/api/messages`;
});

afterAll(async () => {
  await surface?.stop();
  await http?.close();
  await connector?.close();
  database?.close();
  folder?.cleanup();
});

/** Posts an activity with a valid Bot Framework token and waits for Samsyn's next message in `conversationId`. */
async function ask(activity: Record<string, unknown>, conversationId: string): Promise<RecordedActivity> {
  const before = connector.messagesIn(conversationId).length;
  const response = await sendToTeamsApp(url, activity, connector.issueToken({ audience: APP_ID }));
  expect(response.status).toBe(200);
  await connector.waitFor(() => connector.messagesIn(conversationId).length > before);
  return connector.messagesIn(conversationId)[before] as RecordedActivity;
}

function text(recorded: RecordedActivity): string {
  return String(recorded.activity.text ?? "");
}

async function poll(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("Teams app: installation and proactive messages", () => {
  it("welcomes the team on installation and remembers where to post", async () => {
    const welcome = await ask(
      installedInTeam({ serviceUrl: connector.serviceUrl, from: MEMBER, teamId: TEAM_ID }),
      TEAM_ID,
    );
    expect(text(welcome)).toContain("Jag är **Samsyn**");
    const references = new ConversationReferenceStore(database);
    expect(references.find(TEAM_ID)).toMatchObject({
      conversationType: "channel",
      teamId: TEAM_ID,
      serviceUrl: connector.serviceUrl,
    });
  });

  it("welcomes a person who adds Samsyn personally, with the commands as buttons", async () => {
    const person = teamsPerson("Per Personlig");
    const welcome = await ask(
      installedPersonally({ serviceUrl: connector.serviceUrl, from: person }),
      personalConversationId(person),
    );
    expect(text(welcome)).toContain("Skriv **hjälp**");
    const buttons = (welcome.activity.suggestedActions as { actions: { value: string }[] }).actions;
    expect(buttons.map((button) => button.value)).toEqual(["möten", "påminnelser", "intro", "hjälp"]);
    expect(new ConversationReferenceStore(database).findPersonal(person.aadObjectId)?.userId).toBe(person.id);
  });

  it("posts reminders into a group's channel and to a person, opening a personal chat when needed", async () => {
    const { notifier } = surface;
    expect(notifier.surface).toBe("teams");
    expect(notifier.canFindDelivered).toBe(false);
    const channelSent = await notifier.send({
      target: { kind: "channel", id: encodeURIComponent(HALSAM_CHANNEL) },
      text: "Påminnelse: HälSam träffas på torsdag.",
      deliveryKey: "halsam:1",
      actions: [{ id: "done", label: "Klar", value: "halsam:1" }],
    });
    const inChannel = connector.messagesIn(HALSAM_CHANNEL).at(-1);
    expect(text(inChannel as RecordedActivity)).toBe("Påminnelse: HälSam träffas på torsdag.");
    expect(channelSent.messageId).toBe(`${HALSAM_CHANNEL}:${inChannel?.sentId}`);
    expect(JSON.stringify(inChannel?.activity.attachments)).toContain("Action.Submit");

    // The person wrote to Samsyn once; their UPN was looked up then.
    await ask(
      personalMessage({ serviceUrl: connector.serviceUrl, from: MEMBER, text: "hjälp" }),
      personalConversationId(MEMBER),
    );
    const references = new ConversationReferenceStore(database);
    await poll(
      () => references.find(personalConversationId(MEMBER))?.userPrincipal === MEMBER.userPrincipalName,
    );
    await notifier.send({
      target: { kind: "user", id: MEMBER.userPrincipalName },
      text: "Din påminnelse",
      deliveryKey: "u:1",
    });
    expect(text(connector.messagesIn(personalConversationId(MEMBER)).at(-1) as RecordedActivity)).toBe(
      "Din påminnelse",
    );

    const stranger = teamsPerson("Sara Sekreterare");
    const sent = await notifier.send({
      target: { kind: "user", id: stranger.aadObjectId },
      text: "Välkommen som sekreterare",
      deliveryKey: "u:2",
    });
    const opened = connector.conversations.at(-1);
    expect(opened?.parameters).toMatchObject({
      members: [{ id: stranger.aadObjectId }],
      tenantId: TENANT_ID,
      bot: { id: `28:${APP_ID}` },
    });
    expect(text(connector.messagesIn(opened?.id ?? "").at(-1) as RecordedActivity)).toBe(
      "Välkommen som sekreterare",
    );
    expect(sent.messageId.startsWith(`${opened?.id}:`)).toBe(true);
    await expect(
      notifier.send({ target: { kind: "user", id: "okand@laholm.se" }, text: "x", deliveryKey: "u:3" }),
    ).rejects.toThrow(/no personal Teams chat/);
  });

  it("hands a click on a notification button to the module that sent it, and posts its reply", async () => {
    const conversationId = personalConversationId(MEMBER);
    const reply = await ask(
      cardSubmit({
        serviceUrl: connector.serviceUrl,
        from: MEMBER,
        conversationId,
        data: { samsynNotificationAction: "done", value: "halsam:1" },
      }),
      conversationId,
    );
    expect(text(reply)).toBe("Markerad som klar: halsam:1");
    expect(buttonClicks.at(-1)).toEqual({ id: "done", value: "halsam:1", userId: MEMBER.id, conversationId });
  });
});

describe("Teams app: authentication", () => {
  it("rejects requests without a valid Bot Framework token with 401 and sends nothing", async () => {
    const before = connector.activities.length;
    const message = () =>
      personalMessage({ serviceUrl: connector.serviceUrl, from: MEMBER, text: "Vem kallar till mötet?" });
    expect((await sendToTeamsApp(url, message())).status).toBe(401);
    expect(
      (await sendToTeamsApp(url, message(), connector.issueToken({ audience: APP_ID, foreignKey: true })))
        .status,
    ).toBe(401);
    expect(
      (await sendToTeamsApp(url, message(), connector.issueToken({ audience: "someone-else" }))).status,
    ).toBe(401);
    expect(
      (await sendToTeamsApp(url, message(), connector.issueToken({ audience: APP_ID, expiresInS: -600 })))
        .status,
    ).toBe(401);
    // A token for another connector must not send the answer (and Samsyn's token) elsewhere.
    const elsewhere = connector.issueToken({ audience: APP_ID, serviceUrl: "https://attacker.example/" });
    expect((await sendToTeamsApp(url, message(), elsewhere)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(connector.activities.slice(before)).toEqual([]);
  });
});
