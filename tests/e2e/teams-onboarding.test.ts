import { describe, expect, it } from "vitest";
import { buildIntroduction } from "../../src/onboarding/index.ts";
import {
  groupChatMention,
  imBackClick,
  installedInTeam,
  TENANT_ID,
  teamsPerson,
} from "../builders/teams-activities.ts";
import { HALSAM_TITLE } from "./helpers/shipped-knowledge.ts";
import {
  HALSAM_CHANNEL,
  LAHOLM_CHAT,
  MEMBER,
  OPEN_CHANNEL,
  OUTSIDER,
  TEAM_ID,
  useTeamsApp,
} from "./helpers/teams-app.ts";
import {
  cardOf,
  cardText,
  citedTitles,
  imBackValues,
  messageEntity,
  text,
} from "./helpers/teams-messages.ts";

// Onboarding in Teams: the introduction card, its suggested questions and the welcome of new members.
const app = useTeamsApp();

describe("Teams app: introduction", () => {
  it("shows a channel's introduction as a card whose suggested questions are buttons, and answers a click in the thread with sources", async () => {
    const mention = app.mentionIn(HALSAM_CHANNEL, "intro");
    const threadId = String(mention.id);
    const thread = `${HALSAM_CHANNEL};messageid=${threadId}`;
    const card = cardOf(await app.ask(mention, thread, app.secondUrl));
    expect(card.version).toBe("1.5");
    const shown = cardText(card);
    expect(shown).toContain("Introduktion: HälSam Västernorrland");
    expect(shown).toMatch(/\[1\]/);
    expect(shown).toContain("Källor");
    expect(shown).toContain(HALSAM_TITLE);

    // The buttons are exactly the questions the introduction checked against the answer pipeline.
    const verified = await buildIntroduction(app.core, app.groupNamed("halsam-vasternorrland"), {
      groups: app.groups,
    });
    const questions = imBackValues(card);
    expect(questions.length).toBeGreaterThan(0);
    expect(questions).toEqual(verified.questions.map((question) => question.question));

    const click = imBackClick({
      serviceUrl: app.connector.serviceUrl,
      from: OUTSIDER,
      value: questions[0] ?? "",
      place: { kind: "channel", channelId: HALSAM_CHANNEL, teamId: TEAM_ID, threadId },
    });
    const answer = await app.ask(click, thread, app.secondUrl);
    expect(text(answer)).toMatch(/\[1\]/);
    expect(messageEntity(answer).citation?.length ?? 0).toBeGreaterThan(0);
    expect(messageEntity(answer).additionalType).toContain("AIGeneratedContent");
  });

  it("answers a suggested question clicked in a group chat in that chat", async () => {
    const card = cardOf(
      await app.ask(
        groupChatMention({
          serviceUrl: app.connector.serviceUrl,
          from: MEMBER,
          text: "intro",
          conversationId: LAHOLM_CHAT,
        }),
        LAHOLM_CHAT,
        app.secondUrl,
      ),
    );
    expect(cardText(card)).toContain("Introduktion: Samverkansberedningen i Laholm");
    const [question] = imBackValues(card);
    expect(question).toBeDefined();
    const answer = await app.ask(
      imBackClick({
        serviceUrl: app.connector.serviceUrl,
        from: MEMBER,
        value: question ?? "",
        place: { kind: "groupChat", conversationId: LAHOLM_CHAT },
      }),
      LAHOLM_CHAT,
      app.secondUrl,
    );
    expect(citedTitles(answer)).toContain("Revidering av samverkansöverenskommelse");
  });
});

describe("Teams app: welcome", () => {
  /** People (not Samsyn) added to a channel, as Teams reports it. */
  function membersAdded(channelId: string, people: { id: string; name: string }[]) {
    return {
      ...installedInTeam({ serviceUrl: app.connector.serviceUrl, from: MEMBER, teamId: TEAM_ID }),
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
    const elsewhere = app.connector.messagesIn(OPEN_CHANNEL).length;
    await app.post(membersAdded(OPEN_CHANNEL, [newcomer]));
    const welcome = await app.ask(membersAdded(HALSAM_CHANNEL, [newcomer]), HALSAM_CHANNEL);
    const card = cardOf(welcome);
    expect(cardText(card)).toContain("Hej Nils Nyvald! Välkommen till HälSam Västernorrland!");
    expect(cardText(card)).toContain("**intro**");
    expect(app.connector.messagesIn(OPEN_CHANNEL)).toHaveLength(elsewhere);
  });

  it("shows the group's introduction when the welcome's button is clicked", async () => {
    const welcome = await app.ask(
      membersAdded(HALSAM_CHANNEL, [teamsPerson("Eva Ersättare")]),
      HALSAM_CHANNEL,
      app.secondUrl,
    );
    const [start] = imBackValues(cardOf(welcome));
    expect(start).toBe("intro halsam-vasternorrland");
    const click = imBackClick({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      value: start ?? "",
      place: { kind: "channel", channelId: HALSAM_CHANNEL, teamId: TEAM_ID, threadId: welcome.sentId },
    });
    const intro = await app.ask(click, `${HALSAM_CHANNEL};messageid=${welcome.sentId}`, app.secondUrl);
    expect(cardText(cardOf(intro))).toContain("Introduktion: HälSam Västernorrland");
  });
});
