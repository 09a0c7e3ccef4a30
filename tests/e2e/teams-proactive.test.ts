import { describe, expect, it } from "vitest";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { openDatabase } from "../../src/index/sqlite-database.ts";
import type { Group } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { ConversationReferenceStore } from "../../src/surfaces/teams/conversation-references.ts";
import { startTeamsSurface } from "../../src/surfaces/teams/start-teams-surface.ts";
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
import { answerlessCore } from "./helpers/controllable-core.ts";
import { poll } from "./helpers/poll.ts";
import { serveSurface } from "./helpers/serve-surface.ts";
import { certificateConfig, HALSAM_CHANNEL, MEMBER, TEAM_ID, teamsSender } from "./helpers/teams-app.ts";
import { text } from "./helpers/teams-messages.ts";
import { useStarted } from "./helpers/use-started.ts";

const HALSAM: Group = {
  id: "halsam-vasternorrland",
  name: "HälSam Västernorrland",
  organisations: [],
  documents: [],
  visibility: "internal",
  channels: { teams: [HALSAM_CHANNEL] },
  secretaries: [],
};

const buttonClicks: { id: string; value: string; userId: string; conversationId: string }[] = [];

// Installation, reminders and authentication need no answers, so the core only has a database.
const app = useStarted(async (onStop) => {
  const folder = temporaryFolder("samsyn-teams-proactive-");
  onStop(folder.cleanup);
  const database = openDatabase(":memory:");
  onStop(() => database.close());
  const connector = await FakeBotConnector.start({ people: [MEMBER] });
  onStop(() => connector.close());
  const { baseUrl, surface } = await serveSurface(
    (http) =>
      startTeamsSurface({
        core: answerlessCore(database, "no questions in this suite"),
        config: certificateConfig(connector, folder.dir),
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
      }),
    onStop,
  );
  const url = `${baseUrl}/api/messages`;
  return { database, connector, notifier: surface.notifier, url, ask: teamsSender(connector, url).ask };
});

describe("Teams app: installation and proactive messages", () => {
  it("welcomes the team on installation and remembers where to post", async () => {
    const welcome = await app.ask(
      installedInTeam({ serviceUrl: app.connector.serviceUrl, from: MEMBER, teamId: TEAM_ID }),
      TEAM_ID,
    );
    expect(text(welcome)).toContain("Jag är **Samsyn**");
    const references = new ConversationReferenceStore(app.database);
    expect(references.find(TEAM_ID)).toMatchObject({
      conversationType: "channel",
      teamId: TEAM_ID,
      serviceUrl: app.connector.serviceUrl,
    });
  });

  it("welcomes a person who adds Samsyn personally, with the commands as buttons", async () => {
    const person = teamsPerson("Per Personlig");
    const welcome = await app.ask(
      installedPersonally({ serviceUrl: app.connector.serviceUrl, from: person }),
      personalConversationId(person),
    );
    expect(text(welcome)).toContain("Skriv **hjälp**");
    const buttons = (welcome.activity.suggestedActions as { actions: { value: string }[] }).actions;
    expect(buttons.map((button) => button.value)).toEqual(["möten", "påminnelser", "intro", "hjälp"]);
    expect(new ConversationReferenceStore(app.database).findPersonal(person.aadObjectId)?.userId).toBe(
      person.id,
    );
  });

  it("posts reminders into a group's channel and to a person, opening a personal chat when needed", async () => {
    const { notifier } = app;
    expect(notifier.surface).toBe("teams");
    expect(notifier.canFindDelivered).toBe(false);
    const channelSent = await notifier.send({
      target: { kind: "channel", id: encodeURIComponent(HALSAM_CHANNEL) },
      text: "Påminnelse: HälSam träffas på torsdag.",
      deliveryKey: "halsam:1",
      actions: [{ id: "done", label: "Klar", value: "halsam:1" }],
    });
    const inChannel = app.connector.messagesIn(HALSAM_CHANNEL).at(-1);
    expect(text(inChannel as RecordedActivity)).toBe("Påminnelse: HälSam träffas på torsdag.");
    expect(channelSent.messageId).toBe(`${HALSAM_CHANNEL}:${inChannel?.sentId}`);
    expect(JSON.stringify(inChannel?.activity.attachments)).toContain("Action.Submit");

    // The person wrote to Samsyn once; their UPN was looked up then.
    await app.ask(
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: MEMBER, text: "hjälp" }),
      personalConversationId(MEMBER),
    );
    const references = new ConversationReferenceStore(app.database);
    await poll(
      () => references.find(personalConversationId(MEMBER))?.userPrincipal === MEMBER.userPrincipalName,
    );
    await notifier.send({
      target: { kind: "user", id: MEMBER.userPrincipalName },
      text: "Din påminnelse",
      deliveryKey: "u:1",
    });
    expect(text(app.connector.messagesIn(personalConversationId(MEMBER)).at(-1) as RecordedActivity)).toBe(
      "Din påminnelse",
    );

    const stranger = teamsPerson("Sara Sekreterare");
    const sent = await notifier.send({
      target: { kind: "user", id: stranger.aadObjectId },
      text: "Välkommen som sekreterare",
      deliveryKey: "u:2",
    });
    const opened = app.connector.conversations.at(-1);
    expect(opened?.parameters).toMatchObject({
      members: [{ id: stranger.aadObjectId }],
      tenantId: TENANT_ID,
      bot: { id: `28:${APP_ID}` },
    });
    expect(text(app.connector.messagesIn(opened?.id ?? "").at(-1) as RecordedActivity)).toBe(
      "Välkommen som sekreterare",
    );
    expect(sent.messageId.startsWith(`${opened?.id}:`)).toBe(true);
    await expect(
      notifier.send({ target: { kind: "user", id: "okand@laholm.se" }, text: "x", deliveryKey: "u:3" }),
    ).rejects.toThrow(/no personal Teams chat/);
  });

  it("hands a click on a notification button to the module that sent it, and posts its reply", async () => {
    const conversationId = personalConversationId(MEMBER);
    const reply = await app.ask(
      cardSubmit({
        serviceUrl: app.connector.serviceUrl,
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
    const before = app.connector.activities.length;
    const message = () =>
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: MEMBER, text: "Vem kallar till mötet?" });
    expect((await sendToTeamsApp(app.url, message())).status).toBe(401);
    expect(
      (
        await sendToTeamsApp(
          app.url,
          message(),
          app.connector.issueToken({ audience: APP_ID, foreignKey: true }),
        )
      ).status,
    ).toBe(401);
    expect(
      (await sendToTeamsApp(app.url, message(), app.connector.issueToken({ audience: "someone-else" })))
        .status,
    ).toBe(401);
    expect(
      (
        await sendToTeamsApp(
          app.url,
          message(),
          app.connector.issueToken({ audience: APP_ID, expiresInS: -600 }),
        )
      ).status,
    ).toBe(401);
    // A token for another connector must not send the answer (and Samsyn's token) elsewhere.
    const elsewhere = app.connector.issueToken({ audience: APP_ID, serviceUrl: "https://attacker.example/" });
    expect((await sendToTeamsApp(app.url, message(), elsewhere)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(app.connector.activities.slice(before)).toEqual([]);
  });
});
