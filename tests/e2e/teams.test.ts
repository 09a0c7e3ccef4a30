import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { teamsCommands } from "../../src/app/chat-commands.ts";
import type { Core } from "../../src/app/compose.ts";
import { OnboardingBridge } from "../../src/app/onboarding-bridge.ts";
import { ReminderBridge } from "../../src/app/reminder-bridge.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { buildIntroduction } from "../../src/onboarding/index.ts";
import { ManualClock } from "../../src/reminders/clock.ts";
import { ReminderService } from "../../src/reminders/reminder-service.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { ConversationReferenceStore } from "../../src/surfaces/teams/conversation-references.ts";
import { startTeamsSurface, type TeamsSurface } from "../../src/surfaces/teams/start-teams-surface.ts";
import type { TeamsConfig } from "../../src/surfaces/teams/teams-config.ts";
import type { TeamsCommandHooks, TeamsCore } from "../../src/surfaces/teams/teams-surface-context.ts";
import { TEAMS_TEXTS } from "../../src/surfaces/teams/teams-texts.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import {
  APP_ID,
  cardSubmit,
  channelMention,
  channelMessage,
  feedbackInvoke,
  groupChatMention,
  imBackClick,
  installedInTeam,
  personalConversationId,
  personalMessage,
  sendToTeamsApp,
  TENANT_ID,
  teamsPerson,
} from "../builders/teams-activities.ts";
import { FakeBotConnector, type RecordedActivity } from "../fakes/fake-bot-connector.ts";

const TEAM_ID = "19:team-samverkan@thread.tacv2";
const HALSAM_CHANNEL = "19:halsam-kanal@thread.tacv2";
const OPEN_CHANNEL = "19:oppen-kanal@thread.tacv2";
const LAHOLM_CHAT = "19:laholm-gruppchatt@thread.v2";
/** The calendar's "now" in these tests. */
const NOW = "2027-01-10T08:00:00+01:00";
const MEMBER = { ...teamsPerson("Anna Medlem"), userPrincipalName: "anna.medlem@sundsvall.se" };
const OUTSIDER = teamsPerson("Olle Utanför");
const HALSAM_TITLE = "Samverkansstruktur HälSam";
const HALSAM_QUESTION = "Vilka ingår i politisk samverkan inom HälSam?";
const LAHOLM_QUESTION = "Vem kallar till samverkansberedningens möten i Laholm?";
const LAHOLM_DOCUMENT = "laholm-samverkansoverenskommelse.md";
const LAHOLM_SOURCE = "https://www.laholm.se/samverkansoverenskommelse.pdf";

interface ControllableCore extends TeamsCore {
  failing: boolean;
}

let folder: { dir: string; cleanup: () => void };
let core: Core;
let groups: Group[];
let connector: FakeBotConnector;
let http: HttpServer;
let surface: TeamsSurface;
let url: string;
let feedback: SqliteFeedbackStore;
let secondHttp: HttpServer;
let secondSurface: TeamsSurface;
let secondUrl: string;
let controllable: ControllableCore;

beforeAll(async () => {
  folder = temporaryFolder("samsyn-teams-");
  const knowledge = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  const groupFile = path.join(knowledge, "groups", "halsam-vasternorrland.yaml");
  const groupYaml = parseDocument(fs.readFileSync(groupFile, "utf8"));
  // Written as Teams' "Get link to channel" gives it: percent-encoded.
  groupYaml.setIn(["channels", "teams"], [encodeURIComponent(HALSAM_CHANNEL)]);
  groupYaml.set("welcome", { enabled: true });
  fs.writeFileSync(groupFile, groupYaml.toString());
  const laholmGroupFile = path.join(knowledge, "groups", "laholm-samverkansberedning.yaml");
  const laholmYaml = parseDocument(fs.readFileSync(laholmGroupFile, "utf8"));
  laholmYaml.setIn(["channels", "teams"], [LAHOLM_CHAT]);
  fs.writeFileSync(laholmGroupFile, laholmYaml.toString());
  const laholmFile = path.join(knowledge, LAHOLM_DOCUMENT);
  fs.writeFileSync(
    laholmFile,
    fs.readFileSync(laholmFile, "utf8").replace("source: null", `source: ${LAHOLM_SOURCE}`),
  );
  ({ core } = await ingestedCore(knowledge, path.join(folder.dir, "data")));
  ({ groups } = await loadGroups(path.join(knowledge, "groups")));

  connector = await FakeBotConnector.start({
    members: { [HALSAM_CHANNEL]: [MEMBER] },
    people: [MEMBER, OUTSIDER],
  });
  const { thumbprint, privateKeyPem } = connector.createCertificate();
  const keyFile = path.join(folder.dir, "samsyn-teams.pem");
  fs.writeFileSync(keyFile, privateKeyPem);
  const config: TeamsConfig = {
    appId: APP_ID,
    appType: "SingleTenant",
    tenantId: TENANT_ID,
    credentials: { kind: "certificate", thumbprint, privateKeyFile: keyFile },
    serviceUrl: connector.serviceUrl,
    cloud: connector.cloud(),
  };
  feedback = new SqliteFeedbackStore(core.index.database, "test-salt");

  http = new HttpServer(silentLogger);
  surface = await startTeamsSurface({ core, config, http, groups, feedback, logger: silentLogger });
  url = `${(await http.listen(0, "127.0.0.1")).url}/api/messages`;

  controllable = {
    failing: false,
    index: core.index,
    answers: {
      ask: async (question, options) => {
        if (controllable.failing) throw new Error("index file vanished");
        return core.answers.ask(question, options);
      },
    },
  };
  // The second surface is wired like `npm start`, except for a stand-in `möten`.
  const reminderService = new ReminderService({
    database: core.index.database,
    knowledgeDir: knowledge,
    groups,
    notifiers: [],
    clock: new ManualClock(NOW),
  });
  const reminders = new ReminderBridge(reminderService, groups, knowledge, { now: () => new Date(NOW) });
  const onboarding = new OnboardingBridge(core, groups, (groupId) => reminders.meetings(groupId));
  const commands: TeamsCommandHooks = {
    ...teamsCommands({ reminders, onboarding }),
    meetings: async (context) => ({
      text: `Nästa möte för ${context.groupIds.join(", ") || "inga grupper"}`,
    }),
  };
  secondHttp = new HttpServer(silentLogger);
  secondSurface = await startTeamsSurface({
    core: controllable,
    config,
    http: secondHttp,
    groups,
    feedback,
    logger: silentLogger,
    commands,
  });
  secondUrl = `${(await secondHttp.listen(0, "127.0.0.1")).url}/api/messages`;
}, 30_000);

afterAll(async () => {
  await surface?.stop();
  await secondSurface?.stop();
  await http?.close();
  await secondHttp?.close();
  await connector?.close();
  core?.close();
  folder?.cleanup();
});

/** Posts an activity with a valid Bot Framework token, as Teams would. */
async function post(activity: Record<string, unknown>, to = url): Promise<Response> {
  const response = await sendToTeamsApp(to, activity, connector.issueToken({ audience: APP_ID }));
  expect(response.status).toBe(200);
  return response;
}

/** Posts a message and waits for the next message Samsyn sends into `conversationId`. */
async function ask(
  activity: Record<string, unknown>,
  conversationId: string,
  to = url,
): Promise<RecordedActivity> {
  const before = connector.messagesIn(conversationId).length;
  await post(activity, to);
  await connector.waitFor(() => connector.messagesIn(conversationId).length > before);
  return connector.messagesIn(conversationId)[before] as RecordedActivity;
}

function text(recorded: RecordedActivity): string {
  return String(recorded.activity.text ?? "");
}

interface Claim {
  position: number;
  appearance: { name: string; abstract: string; url?: string; text?: string };
}

function messageEntity(recorded: RecordedActivity): { additionalType?: string[]; citation?: Claim[] } {
  const entities = (recorded.activity.entities ?? []) as { type: string }[];
  return (entities.find((entity) => entity.type === "https://schema.org/Message") ?? {}) as {
    additionalType?: string[];
    citation?: Claim[];
  };
}

function citedTitles(recorded: RecordedActivity): string {
  return (messageEntity(recorded).citation ?? []).map((claim) => claim.appearance.name).join(" | ");
}

describe("Teams app: questions", () => {
  it("answers a personal message with a citation per [n], the AI label and the feedback buttons", async () => {
    const conversationId = personalConversationId(MEMBER);
    const answer = await ask(
      personalMessage({ serviceUrl: connector.serviceUrl, from: MEMBER, text: LAHOLM_QUESTION }),
      conversationId,
    );
    expect(text(answer)).toContain("kommunstyrelsens ordförande");
    const markers = [...text(answer).matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(markers.length).toBeGreaterThan(0);
    const entity = messageEntity(answer);
    expect(entity.additionalType).toContain("AIGeneratedContent");
    for (const n of markers) {
      const claim = entity.citation?.find((candidate) => candidate.position === n);
      expect(claim, `citation for [${n}]`).toBeDefined();
      expect(claim?.appearance.name.length).toBeGreaterThan(0);
      expect(claim?.appearance.name.length).toBeLessThanOrEqual(80);
      expect(claim?.appearance.abstract.length).toBeGreaterThan(0);
      expect(claim?.appearance.abstract.length).toBeLessThanOrEqual(160);
    }
    const laholm = entity.citation?.find((claim) =>
      claim.appearance.name.startsWith("Revidering av samverkansöverenskommelse"),
    );
    expect(laholm?.appearance.url).toBe(LAHOLM_SOURCE);
    expect(JSON.parse(laholm?.appearance.text ?? "{}").body[0].text).toContain("§ Samverkansberedning");
    expect(answer.activity.channelData).toMatchObject({ feedbackLoop: { type: "default" } });
    const suggestions = (answer.activity.suggestedActions as { actions: { value: string }[] }).actions;
    expect(suggestions.map((action) => action.value)).toEqual(expect.arrayContaining(["hjälp", "möten"]));
    const typing = connector.activities.find(
      (recorded) => recorded.conversationId === conversationId && recorded.activity.type === "typing",
    );
    expect(typing).toBeDefined();
  });

  it("sends with a token got with the certificate, and remembers the personal chat with the person's UPN", async () => {
    const conversationId = personalConversationId(MEMBER);
    const answer =
      connector.messagesIn(conversationId)[0] ??
      (await ask(
        personalMessage({ serviceUrl: connector.serviceUrl, from: MEMBER, text: LAHOLM_QUESTION }),
        conversationId,
      ));
    expect(connector.accessTokens.has((answer.authorization ?? "").replace("Bearer ", ""))).toBe(true);
    expect(connector.tokenRequests[0]).toMatchObject({
      tenant: TENANT_ID,
      clientId: APP_ID,
      scope: "https://api.botframework.com/.default",
      assertionValid: true,
    });
    const references = new ConversationReferenceStore(core.index.database);
    await poll(() => references.find(conversationId)?.userPrincipal === MEMBER.userPrincipalName);
    expect(references.find(conversationId)).toMatchObject({
      conversationType: "personal",
      serviceUrl: connector.serviceUrl,
      tenantId: TENANT_ID,
      userId: MEMBER.id,
      userAadId: MEMBER.aadObjectId,
    });
  });

  it("answers a channel @mention in the thread of the post, reading the text without the mention", async () => {
    const empty = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "",
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    const thread = (activity: Record<string, unknown>) => (activity.conversation as { id: string }).id;
    expect(text(await ask(empty, thread(empty)))).toBe(TEAMS_TEXTS.emptyQuestion);
    const help = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "hjälp",
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(text(await ask(help, thread(help)))).toContain("**Samsyn** svarar på frågor");
    const question = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: LAHOLM_QUESTION,
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    const answer = await ask(question, thread(question));
    expect(thread(question)).toBe(`${OPEN_CHANNEL};messageid=${question.id}`);
    expect(text(answer)).toContain("kommunstyrelsens ordförande");
    expect(answer.activity.suggestedActions).toBeUndefined();
  });

  it("searches a group's documents only in the group's channel and for its members", async () => {
    const inGroup = channelMention({
      serviceUrl: connector.serviceUrl,
      from: OUTSIDER,
      text: HALSAM_QUESTION,
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(citedTitles(await ask(inGroup, (inGroup.conversation as { id: string }).id))).toContain(
      HALSAM_TITLE,
    );
    const elsewhere = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: HALSAM_QUESTION,
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(citedTitles(await ask(elsewhere, (elsewhere.conversation as { id: string }).id))).not.toContain(
      HALSAM_TITLE,
    );
    const asMember = await ask(
      personalMessage({ serviceUrl: connector.serviceUrl, from: MEMBER, text: HALSAM_QUESTION }),
      personalConversationId(MEMBER),
    );
    expect(citedTitles(asMember)).toContain(HALSAM_TITLE);
    const asOutsider = await ask(
      personalMessage({ serviceUrl: connector.serviceUrl, from: OUTSIDER, text: HALSAM_QUESTION }),
      personalConversationId(OUTSIDER),
    );
    expect(citedTitles(asOutsider)).not.toContain(HALSAM_TITLE);
  });

  it("answers a follow-up in the same thread using the thread's earlier question", async () => {
    const first = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: LAHOLM_QUESTION,
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const threadId = String(first.id);
    const conversationId = `${HALSAM_CHANNEL};messageid=${threadId}`;
    await ask(first, conversationId);
    const followUp = channelMention({
      serviceUrl: connector.serviceUrl,
      from: OUTSIDER,
      text: "Hur många möten har de per år?",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
      threadId,
    });
    const answer = await ask(followUp, conversationId);
    expect(text(answer)).toContain("fyra möten per år");
    // Without the earlier question the HälSam document about theme meetings comes first.
    expect(citedTitles(answer)).not.toContain(HALSAM_TITLE);
  });

  it("leaves channel messages that do not mention it alone, and answers a redelivered activity once", async () => {
    const conversationId = personalConversationId(OUTSIDER);
    const message = personalMessage({
      serviceUrl: connector.serviceUrl,
      from: OUTSIDER,
      text: LAHOLM_QUESTION,
    });
    const before = connector.messagesIn(conversationId).length;
    await post(message);
    await post(message, secondUrl); // the same app after a restart shares the database
    const chatter = channelMessage({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "Vem tar fikat?",
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    await post(chatter);
    const answered = (recorded: RecordedActivity) =>
      recorded.conversationId === conversationId && text(recorded).includes("kommunstyrelsens ordförande");
    await connector.waitFor(answered);
    // Later traffic, answered after anything the duplicates could have started.
    await ask(
      personalMessage({ serviceUrl: connector.serviceUrl, from: OUTSIDER, text: "hjälp" }),
      conversationId,
      secondUrl,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connector.messagesIn(conversationId).slice(before).filter(answered)).toHaveLength(1);
    expect(connector.messagesIn(conversationId).length - before).toBe(2);
    expect(
      connector.activities.filter((recorded) => recorded.conversationId.endsWith(String(chatter.id))),
    ).toEqual([]);
  });

  it("ends in a short Swedish message when the answer path fails", async () => {
    controllable.failing = true;
    try {
      const message = personalMessage({
        serviceUrl: connector.serviceUrl,
        from: OUTSIDER,
        text: LAHOLM_QUESTION,
      });
      const reply = await ask(message, personalConversationId(OUTSIDER), secondUrl);
      expect(text(reply)).toBe(TEAMS_TEXTS.answerFailed);
    } finally {
      controllable.failing = false;
    }
  });
});

describe("Teams app: commands", () => {
  it("says that meetings, reminders, the introduction, the glossary and the årshjul are not set up when no module provides them", async () => {
    for (const command of ["möten", "påminnelser", "intro", "ordlista", "årshjul"]) {
      const reply = await ask(
        personalMessage({ serviceUrl: connector.serviceUrl, from: MEMBER, text: command }),
        personalConversationId(MEMBER),
      );
      expect(text(reply)).toMatch(/inte inställt/);
    }
  });

  it("hands `möten` to the module that provides it, with the channel's group", async () => {
    const mention = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "möten",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const reply = await ask(mention, (mention.conversation as { id: string }).id, secondUrl);
    expect(text(reply)).toBe("Nästa möte för halsam-vasternorrland");
  });

  it("treats a longer message that starts with a command word as a question", async () => {
    const message = personalMessage({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "Möten i Laholm – vem kallar till samverkansberedningens möten?",
    });
    const reply = await ask(message, personalConversationId(MEMBER));
    expect(text(reply)).toContain("kommunstyrelsens ordförande");
  });
});

describe("Teams app: notification buttons", () => {
  it("answers a click on a notification button even when no module handles it", async () => {
    const reply = await ask(
      cardSubmit({
        serviceUrl: connector.serviceUrl,
        from: MEMBER,
        conversationId: personalConversationId(MEMBER),
        data: { samsynNotificationAction: "done", value: "halsam:1" },
      }),
      personalConversationId(MEMBER),
    );
    expect(text(reply)).toBe(TEAMS_TEXTS.notificationActionNotSetUp);
  });
});

describe("Teams app: feedback", () => {
  it("stores 👍 with a comment, and a later 👎 from the same person replaces the vote", async () => {
    const conversationId = personalConversationId(MEMBER);
    const answer = await ask(
      personalMessage({ serviceUrl: connector.serviceUrl, from: MEMBER, text: LAHOLM_QUESTION }),
      conversationId,
    );
    const vote = (reaction: "like" | "dislike", comment?: string) =>
      post(
        feedbackInvoke({
          serviceUrl: connector.serviceUrl,
          from: MEMBER,
          conversationId,
          replyToId: answer.sentId,
          reaction,
          ...(comment ? { comment } : {}),
        }),
      );
    await vote("like", "Precis vad jag sökte");
    await vote("dislike");
    const rows = feedback.list().filter((row) => row.messageKey === `${conversationId}:${answer.sentId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      surface: "teams",
      vote: "down",
      comment: "Precis vad jag sökte",
      question: LAHOLM_QUESTION,
    });
    expect(rows[0]?.answer).toContain("kommunstyrelsens ordförande");
    expect(rows[0]?.citations.map((citation) => citation.documentId)).toContain(LAHOLM_DOCUMENT);
    expect(rows[0]?.userHash).not.toContain(MEMBER.id);
  });
});

async function poll(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An element or action of an Adaptive Card, as far as the tests read it. */
interface CardNode {
  type: string;
  text?: string;
  url?: string;
  altText?: string;
  title?: string;
  actions?: CardNode[];
  items?: CardNode[];
  data?: { msteams?: { type?: string; value?: string } };
}

/** The Adaptive Card a message carries. */
function cardOf(recorded: RecordedActivity): { version: string; body: CardNode[]; actions?: CardNode[] } {
  const attachments = (recorded.activity.attachments ?? []) as { contentType: string; content: unknown }[];
  const card = attachments.find(
    (attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive",
  );
  expect(card, "an Adaptive Card").toBeDefined();
  return card?.content as { version: string; body: CardNode[]; actions?: CardNode[] };
}

/** Every element and action of a card, nested ones included. */
function cardNodes(card: { body: CardNode[]; actions?: CardNode[] }): CardNode[] {
  const all: CardNode[] = [];
  const visit = (node: CardNode) => {
    all.push(node);
    for (const child of [...(node.items ?? []), ...(node.actions ?? [])]) visit(child);
  };
  for (const node of [...card.body, ...(card.actions ?? [])]) visit(node);
  return all;
}

function cardText(card: { body: CardNode[]; actions?: CardNode[] }): string {
  return cardNodes(card)
    .flatMap((node) => (node.text ? [node.text] : []))
    .join("\n");
}

/** The messages the card's imBack buttons send when clicked. */
function imBackValues(card: { body: CardNode[]; actions?: CardNode[] }): string[] {
  return cardNodes(card)
    .filter((node) => node.type === "Action.Submit" && node.data?.msteams?.type === "imBack")
    .map((node) => node.data?.msteams?.value ?? "");
}

function groupNamed(id: string): Group {
  const group = groups.find((candidate) => candidate.id === id);
  if (!group) throw new Error(`no group ${id}`);
  return group;
}

describe("Teams app: introduction", () => {
  it("shows a channel's introduction as a card whose suggested questions are buttons, and answers a click in the thread with sources", async () => {
    const mention = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "intro",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const threadId = String(mention.id);
    const thread = `${HALSAM_CHANNEL};messageid=${threadId}`;
    const card = cardOf(await ask(mention, thread, secondUrl));
    expect(card.version).toBe("1.5");
    const shown = cardText(card);
    expect(shown).toContain("Introduktion: HälSam Västernorrland");
    expect(shown).toMatch(/\[1\]/);
    expect(shown).toContain("Källor");
    expect(shown).toContain(HALSAM_TITLE);

    // The buttons are exactly the questions the introduction checked against the answer pipeline.
    const verified = await buildIntroduction(core, groupNamed("halsam-vasternorrland"), { groups });
    const questions = imBackValues(card);
    expect(questions.length).toBeGreaterThan(0);
    expect(questions).toEqual(verified.questions.map((question) => question.question));

    const click = imBackClick({
      serviceUrl: connector.serviceUrl,
      from: OUTSIDER,
      value: questions[0] ?? "",
      place: { kind: "channel", channelId: HALSAM_CHANNEL, teamId: TEAM_ID, threadId },
    });
    const answer = await ask(click, thread, secondUrl);
    expect(text(answer)).toMatch(/\[1\]/);
    expect(messageEntity(answer).citation?.length ?? 0).toBeGreaterThan(0);
    expect(messageEntity(answer).additionalType).toContain("AIGeneratedContent");
  });

  it("answers a suggested question clicked in a group chat in that chat", async () => {
    const card = cardOf(
      await ask(
        groupChatMention({
          serviceUrl: connector.serviceUrl,
          from: MEMBER,
          text: "intro",
          conversationId: LAHOLM_CHAT,
        }),
        LAHOLM_CHAT,
        secondUrl,
      ),
    );
    expect(cardText(card)).toContain("Introduktion: Samverkansberedningen i Laholm");
    const [question] = imBackValues(card);
    expect(question).toBeDefined();
    const answer = await ask(
      imBackClick({
        serviceUrl: connector.serviceUrl,
        from: MEMBER,
        value: question ?? "",
        place: { kind: "groupChat", conversationId: LAHOLM_CHAT },
      }),
      LAHOLM_CHAT,
      secondUrl,
    );
    expect(citedTitles(answer)).toContain("Revidering av samverkansöverenskommelse");
  });
});

describe("Teams app: glossary", () => {
  it("explains an acronym from the group's documents in its channel, with the defining passage", async () => {
    const mention = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "ordlista HSN",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const reply = text(await ask(mention, (mention.conversation as { id: string }).id, secondUrl));
    expect(reply).toContain("HSN står för Hälso- och sjukvårdsnämnden [1]");
    expect(reply).toContain("**Källor:**");
    expect(reply).toContain(HALSAM_TITLE);
  });

  it("keeps an internal group's acronyms out of other channels", async () => {
    const inOpen = (words: string) =>
      channelMention({
        serviceUrl: connector.serviceUrl,
        from: MEMBER,
        text: words,
        channelId: OPEN_CHANNEL,
        teamId: TEAM_ID,
      });
    const explain = inOpen("ordlista HSN");
    expect(text(await ask(explain, (explain.conversation as { id: string }).id, secondUrl))).toBe(
      "Förkortningen HSN finns inte i underlaget.",
    );
    const list = inOpen("ordlista");
    const glossary = text(await ask(list, (list.conversation as { id: string }).id, secondUrl));
    expect(glossary).toContain("**VGR**");
    expect(glossary).not.toContain("HSN");
  });
});

describe("Teams app: årshjul", () => {
  it("shows the channel group's årshjul for a year as a card with the picture inline and the year's items", async () => {
    const mention = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "årshjul 2027",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const card = cardOf(await ask(mention, (mention.conversation as { id: string }).id, secondUrl));
    const image = cardNodes(card).find((node) => node.type === "Image");
    expect(image?.url).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from((image?.url ?? "").slice("data:image/png;base64,".length), "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Teams shows pictures up to 1024×1024 pixels.
    expect(png.readUInt32BE(16)).toBeLessThanOrEqual(1024);
    expect(png.readUInt32BE(20)).toBeLessThanOrEqual(1024);
    expect(image?.altText).toContain("Årshjul 2027 för HälSam Västernorrland");
    const shown = cardText(card);
    expect(shown).toContain("Årshjul 2027 – HälSam Västernorrland");
    expect(shown).toContain("Temamöte Barn och unga");
  });

  it("asks for the group where the conversation has none, and says when the calendar is empty that year", async () => {
    const inOpen = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "årshjul",
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(text(await ask(inOpen, (inOpen.conversation as { id: string }).id, secondUrl))).toContain(
      "Ange grupp",
    );
    const empty = channelMention({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      text: "årshjul 1999",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(text(await ask(empty, (empty.conversation as { id: string }).id, secondUrl))).toBe(
      "Kalendern har inga möten eller sista dagar för HälSam Västernorrland under 1999.",
    );
  });
});

describe("Teams app: welcome", () => {
  /** People (not Samsyn) added to a channel, as Teams reports it. */
  function membersAdded(channelId: string, people: { id: string; name: string }[]) {
    return {
      ...installedInTeam({ serviceUrl: connector.serviceUrl, from: MEMBER, teamId: TEAM_ID }),
      conversation: { id: channelId, conversationType: "channel", isGroup: true, tenantId: TENANT_ID },
      membersAdded: people.map((person) => ({ id: person.id, name: person.name })),
      channelData: {
        eventType: "channelMemberAdded",
        team: { id: TEAM_ID },
        channel: { id: channelId },
        tenant: { id: TENANT_ID },
      },
    };
  }

  it("welcomes new members of a channel whose group has welcomes on, and no one elsewhere", async () => {
    const newcomer = teamsPerson("Nils Nyvald");
    const elsewhere = connector.messagesIn(OPEN_CHANNEL).length;
    await post(membersAdded(OPEN_CHANNEL, [newcomer]));
    const welcome = await ask(membersAdded(HALSAM_CHANNEL, [newcomer]), HALSAM_CHANNEL);
    const card = cardOf(welcome);
    expect(cardText(card)).toContain("Hej Nils Nyvald! Välkommen till HälSam Västernorrland!");
    expect(cardText(card)).toContain("**intro**");
    expect(connector.messagesIn(OPEN_CHANNEL)).toHaveLength(elsewhere);
  });

  it("shows the group's introduction when the welcome's button is clicked", async () => {
    const welcome = await ask(
      membersAdded(HALSAM_CHANNEL, [teamsPerson("Eva Ersättare")]),
      HALSAM_CHANNEL,
      secondUrl,
    );
    const [start] = imBackValues(cardOf(welcome));
    expect(start).toBe("intro halsam-vasternorrland");
    const click = imBackClick({
      serviceUrl: connector.serviceUrl,
      from: MEMBER,
      value: start ?? "",
      place: { kind: "channel", channelId: HALSAM_CHANNEL, teamId: TEAM_ID, threadId: welcome.sentId },
    });
    const intro = await ask(click, `${HALSAM_CHANNEL};messageid=${welcome.sentId}`, secondUrl);
    expect(cardText(cardOf(intro))).toContain("Introduktion: HälSam Västernorrland");
  });
});
