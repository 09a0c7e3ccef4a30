import { describe, expect, it } from "vitest";
import { ConversationReferenceStore } from "../../src/surfaces/teams/conversation-references.ts";
import { TEAMS_TEXTS } from "../../src/surfaces/teams/teams-texts.ts";
import {
  APP_ID,
  cardSubmit,
  channelMention,
  channelMessage,
  feedbackInvoke,
  personalConversationId,
  personalMessage,
  TENANT_ID,
} from "../builders/teams-activities.ts";
import type { RecordedActivity } from "../fakes/fake-bot-connector.ts";
import { poll } from "./helpers/poll.ts";
import {
  citedTitles,
  HALSAM_CHANNEL,
  HALSAM_QUESTION,
  HALSAM_TITLE,
  LAHOLM_DOCUMENT,
  LAHOLM_QUESTION,
  LAHOLM_SOURCE,
  MEMBER,
  messageEntity,
  OPEN_CHANNEL,
  OUTSIDER,
  TEAM_ID,
  text,
  useTeamsApp,
} from "./helpers/teams-app.ts";

// Answers in Teams: personal chats, channel mentions, threads, redelivery, failures, the answer's buttons and feedback.
const app = useTeamsApp();

describe("Teams app: questions", () => {
  it("answers a personal message with a citation per [n], the AI label and the feedback buttons", async () => {
    const conversationId = personalConversationId(MEMBER);
    const answer = await app.ask(
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: MEMBER, text: LAHOLM_QUESTION }),
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
    const typing = app.connector.activities.find(
      (recorded) => recorded.conversationId === conversationId && recorded.activity.type === "typing",
    );
    expect(typing).toBeDefined();
  });

  it("sends with a token got with the certificate, and remembers the personal chat with the person's UPN", async () => {
    const conversationId = personalConversationId(MEMBER);
    const answer =
      app.connector.messagesIn(conversationId)[0] ??
      (await app.ask(
        personalMessage({ serviceUrl: app.connector.serviceUrl, from: MEMBER, text: LAHOLM_QUESTION }),
        conversationId,
      ));
    expect(app.connector.accessTokens.has((answer.authorization ?? "").replace("Bearer ", ""))).toBe(true);
    expect(app.connector.tokenRequests[0]).toMatchObject({
      tenant: TENANT_ID,
      clientId: APP_ID,
      scope: "https://api.botframework.com/.default",
      assertionValid: true,
    });
    const references = new ConversationReferenceStore(app.core.index.database);
    await poll(() => references.find(conversationId)?.userPrincipal === MEMBER.userPrincipalName);
    expect(references.find(conversationId)).toMatchObject({
      conversationType: "personal",
      serviceUrl: app.connector.serviceUrl,
      tenantId: TENANT_ID,
      userId: MEMBER.id,
      userAadId: MEMBER.aadObjectId,
    });
  });

  it("answers a channel @mention in the thread of the post, reading the text without the mention", async () => {
    const empty = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "",
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    const thread = (activity: Record<string, unknown>) => (activity.conversation as { id: string }).id;
    expect(text(await app.ask(empty, thread(empty)))).toBe(TEAMS_TEXTS.emptyQuestion);
    const help = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "hjälp",
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(text(await app.ask(help, thread(help)))).toContain("**Samsyn** svarar på frågor");
    const question = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: LAHOLM_QUESTION,
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    const answer = await app.ask(question, thread(question));
    expect(thread(question)).toBe(`${OPEN_CHANNEL};messageid=${question.id}`);
    expect(text(answer)).toContain("kommunstyrelsens ordförande");
    expect(answer.activity.suggestedActions).toBeUndefined();
  });

  it("searches a group's documents only in the group's channel and for its members", async () => {
    const inGroup = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: OUTSIDER,
      text: HALSAM_QUESTION,
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(citedTitles(await app.ask(inGroup, (inGroup.conversation as { id: string }).id))).toContain(
      HALSAM_TITLE,
    );
    const elsewhere = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: HALSAM_QUESTION,
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(
      citedTitles(await app.ask(elsewhere, (elsewhere.conversation as { id: string }).id)),
    ).not.toContain(HALSAM_TITLE);
    const asMember = await app.ask(
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: MEMBER, text: HALSAM_QUESTION }),
      personalConversationId(MEMBER),
    );
    expect(citedTitles(asMember)).toContain(HALSAM_TITLE);
    const asOutsider = await app.ask(
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: OUTSIDER, text: HALSAM_QUESTION }),
      personalConversationId(OUTSIDER),
    );
    expect(citedTitles(asOutsider)).not.toContain(HALSAM_TITLE);
  });

  it("answers a follow-up in the same thread using the thread's earlier question", async () => {
    const first = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: LAHOLM_QUESTION,
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const threadId = String(first.id);
    const conversationId = `${HALSAM_CHANNEL};messageid=${threadId}`;
    await app.ask(first, conversationId);
    const followUp = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: OUTSIDER,
      text: "Hur många möten har de per år?",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
      threadId,
    });
    const answer = await app.ask(followUp, conversationId);
    expect(text(answer)).toContain("fyra möten per år");
    // Without the earlier question the HälSam document about theme meetings comes first.
    expect(citedTitles(answer)).not.toContain(HALSAM_TITLE);
  });

  it("leaves channel messages that do not mention it alone, and answers a redelivered activity once", async () => {
    const conversationId = personalConversationId(OUTSIDER);
    const message = personalMessage({
      serviceUrl: app.connector.serviceUrl,
      from: OUTSIDER,
      text: LAHOLM_QUESTION,
    });
    const before = app.connector.messagesIn(conversationId).length;
    await app.post(message);
    await app.post(message, app.secondUrl); // the same app after a restart shares the database
    const chatter = channelMessage({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "Vem tar fikat?",
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    await app.post(chatter);
    const answered = (recorded: RecordedActivity) =>
      recorded.conversationId === conversationId && text(recorded).includes("kommunstyrelsens ordförande");
    await app.connector.waitFor(answered);
    // Later traffic, answered after anything the duplicates could have started.
    await app.ask(
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: OUTSIDER, text: "hjälp" }),
      conversationId,
      app.secondUrl,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.connector.messagesIn(conversationId).slice(before).filter(answered)).toHaveLength(1);
    expect(app.connector.messagesIn(conversationId).length - before).toBe(2);
    expect(
      app.connector.activities.filter((recorded) => recorded.conversationId.endsWith(String(chatter.id))),
    ).toEqual([]);
  });

  it("ends in a short Swedish message when the answer path fails", async () => {
    app.controllable.failing = true;
    try {
      const message = personalMessage({
        serviceUrl: app.connector.serviceUrl,
        from: OUTSIDER,
        text: LAHOLM_QUESTION,
      });
      const reply = await app.ask(message, personalConversationId(OUTSIDER), app.secondUrl);
      expect(text(reply)).toBe(TEAMS_TEXTS.answerFailed);
    } finally {
      app.controllable.failing = false;
    }
  });
});

describe("Teams app: notification buttons", () => {
  it("answers a click on a notification button even when no module handles it", async () => {
    const reply = await app.ask(
      cardSubmit({
        serviceUrl: app.connector.serviceUrl,
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
    const answer = await app.ask(
      personalMessage({ serviceUrl: app.connector.serviceUrl, from: MEMBER, text: LAHOLM_QUESTION }),
      conversationId,
    );
    const vote = (reaction: "like" | "dislike", comment?: string) =>
      app.post(
        feedbackInvoke({
          serviceUrl: app.connector.serviceUrl,
          from: MEMBER,
          conversationId,
          replyToId: answer.sentId,
          reaction,
          ...(comment ? { comment } : {}),
        }),
      );
    await vote("like", "Precis vad jag sökte");
    await vote("dislike");
    const rows = app.feedback.list().filter((row) => row.messageKey === `${conversationId}:${answer.sentId}`);
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
