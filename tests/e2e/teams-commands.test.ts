import { describe, expect, it } from "vitest";
import { channelMention, personalConversationId, personalMessage } from "../builders/teams-activities.ts";
import {
  cardNodes,
  cardOf,
  cardText,
  HALSAM_CHANNEL,
  HALSAM_TITLE,
  MEMBER,
  OPEN_CHANNEL,
  TEAM_ID,
  text,
  useTeamsApp,
} from "./helpers/teams-app.ts";

// Teams commands: möten and the other modules, ordlista and årshjul.
const app = useTeamsApp();

describe("Teams app: commands", () => {
  it("says that meetings, reminders, the introduction, the glossary and the årshjul are not set up when no module provides them", async () => {
    for (const command of ["möten", "påminnelser", "intro", "ordlista", "årshjul"]) {
      const reply = await app.ask(
        personalMessage({ serviceUrl: app.connector.serviceUrl, from: MEMBER, text: command }),
        personalConversationId(MEMBER),
      );
      expect(text(reply)).toMatch(/inte inställt/);
    }
  });

  it("hands `möten` to the module that provides it, with the channel's group", async () => {
    const mention = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "möten",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const reply = await app.ask(mention, (mention.conversation as { id: string }).id, app.secondUrl);
    expect(text(reply)).toBe("Nästa möte för halsam-vasternorrland");
  });

  it("treats a longer message that starts with a command word as a question", async () => {
    const message = personalMessage({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "Möten i Laholm – vem kallar till samverkansberedningens möten?",
    });
    const reply = await app.ask(message, personalConversationId(MEMBER));
    expect(text(reply)).toContain("kommunstyrelsens ordförande");
  });
});

describe("Teams app: glossary", () => {
  it("explains an acronym from the group's documents in its channel, with the defining passage", async () => {
    const mention = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "ordlista HSN",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const reply = text(await app.ask(mention, (mention.conversation as { id: string }).id, app.secondUrl));
    expect(reply).toContain("HSN står för Hälso- och sjukvårdsnämnden [1]");
    expect(reply).toContain("**Källor:**");
    expect(reply).toContain(HALSAM_TITLE);
  });

  it("keeps an internal group's acronyms out of other channels", async () => {
    const inOpen = (words: string) =>
      channelMention({
        serviceUrl: app.connector.serviceUrl,
        from: MEMBER,
        text: words,
        channelId: OPEN_CHANNEL,
        teamId: TEAM_ID,
      });
    const explain = inOpen("ordlista HSN");
    expect(text(await app.ask(explain, (explain.conversation as { id: string }).id, app.secondUrl))).toBe(
      "Förkortningen HSN finns inte i underlaget.",
    );
    const list = inOpen("ordlista");
    const glossary = text(await app.ask(list, (list.conversation as { id: string }).id, app.secondUrl));
    expect(glossary).toContain("**VGR**");
    expect(glossary).not.toContain("HSN");
  });
});

describe("Teams app: årshjul", () => {
  it("shows the channel group's årshjul for a year as a card with the picture inline and the year's items", async () => {
    const mention = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "årshjul 2027",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    const card = cardOf(await app.ask(mention, (mention.conversation as { id: string }).id, app.secondUrl));
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
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "årshjul",
      channelId: OPEN_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(text(await app.ask(inOpen, (inOpen.conversation as { id: string }).id, app.secondUrl))).toContain(
      "Ange grupp",
    );
    const empty = channelMention({
      serviceUrl: app.connector.serviceUrl,
      from: MEMBER,
      text: "årshjul 1999",
      channelId: HALSAM_CHANNEL,
      teamId: TEAM_ID,
    });
    expect(text(await app.ask(empty, (empty.conversation as { id: string }).id, app.secondUrl))).toBe(
      "Kalendern har inga möten eller sista dagar för HälSam Västernorrland under 1999.",
    );
  });
});
