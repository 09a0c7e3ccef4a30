import { describe, expect, it } from "vitest";
import { ConversationReferenceStore } from "../../src/surfaces/teams/conversation-references.ts";
import { TEAMS_TEXTS } from "../../src/surfaces/teams/teams-texts.ts";
import {
  APP_ID,
  cardSubmit,
  channelMessage,
  feedbackInvoke,
  personalConversationId,
  personalMessage,
  TENANT_ID,
} from "../builders/teams-activities.ts";
import type { RecordedActivity } from "../fakes/fake-bot-connector.ts";
import { poll } from "./helpers/poll.ts";
import {
  HALSAM_QUESTION,
  HALSAM_TITLE,
  LAHOLM_DOCUMENT,
  LAHOLM_QUESTION,
} from "./helpers/shipped-knowledge.ts";
import {
  HALSAM_CHANNEL,
  LAHOLM_SOURCE,
  MEMBER,
  OPEN_CHANNEL,
  OUTSIDER,
  TEAM_ID,
  useTeamsApp,
} from "./helpers/teams-app.ts";
import { citedTitles, messageEntity, text } from "./helpers/teams-messages.ts";

// Answers in Teams: personal chats, channel mentions, threads, redelivery, failures, the answer's buttons and feedback.
const app = useTeamsApp();

describe("Teams app: questions", () => {
  it("answers a personal message with a citation per [n], the AI label and the feedback buttons", async () => {
    const conversationId = personalConversationId(MEMBER);
    const answer = await app.askPersonally(MEMBER, LAHOLM_QUESTION);
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
      app.connector.messagesIn(conversationId)[0] ?? (await app.askPersonally(MEMBER, LAHOLM_QUESTION));
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
    expect(text(await app.askInChannel(OPEN_CHANNEL, ""))).toBe(TEAMS_TEXTS.emptyQuestion);
    expect(text(await app.askInChannel(OPEN_CHANNEL, "hjälp"))).toContain("**Samsyn** svarar på frågor");
    const question = app.mentionIn(OPEN_CHANNEL, LAHOLM_QUESTION);
    const thread = (question.conversation as { id: string }).id;
    expect(thread).toBe(`${OPEN_CHANNEL};messageid=${question.id}`);
    const answer = await app.ask(question, thread);
    expect(text(answer)).toContain("kommunstyrelsens ordförande");
    expect(answer.activity.suggestedActions).toBeUndefined();
  });

  it("searches a group's documents only in the group's channel and for its members", async () => {
    const inGroup = await app.askInChannel(HALSAM_CHANNEL, HALSAM_QUESTION, { from: OUTSIDER });
    expect(citedTitles(inGroup)).toContain(HALSAM_TITLE);
    const elsewhere = await app.askInChannel(OPEN_CHANNEL, HALSAM_QUESTION);
    expect(citedTitles(elsewhere)).not.toContain(HALSAM_TITLE);
    const asMember = await app.askPersonally(MEMBER, HALSAM_QUESTION);
    expect(citedTitles(asMember)).toContain(HALSAM_TITLE);
    const asOutsider = await app.askPersonally(OUTSIDER, HALSAM_QUESTION);
    expect(citedTitles(asOutsider)).not.toContain(HALSAM_TITLE);
  });

  it("answers a follow-up in the same thread using the thread's earlier question", async () => {
    const first = app.mentionIn(HALSAM_CHANNEL, LAHOLM_QUESTION);
    const threadId = String(first.id);
    const conversationId = `${HALSAM_CHANNEL};messageid=${threadId}`;
    await app.ask(first, conversationId);
    const followUp = app.mentionIn(HALSAM_CHANNEL, "Hur många möten har de per år?", {
      from: OUTSIDER,
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
    await app.askPersonally(OUTSIDER, "hjälp", app.secondUrl);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.connector.messagesIn(conversationId).slice(before).filter(answered)).toHaveLength(1);
    expect(app.connector.messagesIn(conversationId).length - before).toBe(2);
    expect(
      app.connector.activities.filter((recorded) => recorded.conversationId.endsWith(String(chatter.id))),
    ).toEqual([]);
  });

  it("ends in a short Swedish message when the answer path fails", () =>
    app.controllable.during("throw", async () => {
      const reply = await app.askPersonally(OUTSIDER, LAHOLM_QUESTION, app.secondUrl);
      expect(text(reply)).toBe(TEAMS_TEXTS.answerFailed);
    }));
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
    const answer = await app.askPersonally(MEMBER, LAHOLM_QUESTION);
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
