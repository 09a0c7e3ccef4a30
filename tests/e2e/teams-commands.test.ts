import { describe, expect, it } from "vitest";
import { HALSAM_TITLE } from "./helpers/shipped-knowledge.ts";
import { HALSAM_CHANNEL, MEMBER, OPEN_CHANNEL, useTeamsApp } from "./helpers/teams-app.ts";
import { cardNodes, cardOf, cardText, text } from "./helpers/teams-messages.ts";

// Teams commands: möten and the other modules, ordlista and årshjul.
const app = useTeamsApp();

describe("Teams app: commands", () => {
  it("says that meetings, reminders, the introduction, the glossary and the årshjul are not set up when no module provides them", async () => {
    for (const command of ["möten", "påminnelser", "intro", "ordlista", "årshjul"]) {
      const reply = await app.askPersonally(MEMBER, command);
      expect(text(reply)).toMatch(/inte inställt/);
    }
  });

  it("hands `möten` to the module that provides it, with the channel's group", async () => {
    const reply = await app.askInChannel(HALSAM_CHANNEL, "möten", { to: app.secondUrl });
    expect(text(reply)).toBe("Nästa möte för halsam-vasternorrland");
  });

  it("treats a longer message that starts with a command word as a question", async () => {
    const reply = await app.askPersonally(
      MEMBER,
      "Möten i Laholm – vem kallar till samverkansberedningens möten?",
    );
    expect(text(reply)).toContain("kommunstyrelsens ordförande");
  });
});

describe("Teams app: glossary", () => {
  it("explains an acronym from the group's documents in its channel, with the defining passage", async () => {
    const reply = text(await app.askInChannel(HALSAM_CHANNEL, "ordlista HSN", { to: app.secondUrl }));
    expect(reply).toContain("HSN står för Hälso- och sjukvårdsnämnden [1]");
    expect(reply).toContain("**Källor:**");
    expect(reply).toContain(HALSAM_TITLE);
  });

  it("keeps an internal group's acronyms out of other channels", async () => {
    const explained = await app.askInChannel(OPEN_CHANNEL, "ordlista HSN", { to: app.secondUrl });
    expect(text(explained)).toBe("Förkortningen HSN finns inte i underlaget.");
    const glossary = text(await app.askInChannel(OPEN_CHANNEL, "ordlista", { to: app.secondUrl }));
    expect(glossary).toContain("**VGR**");
    expect(glossary).not.toContain("HSN");
  });
});

describe("Teams app: årshjul", () => {
  it("shows the channel group's årshjul for a year as a card with the picture inline and the year's items", async () => {
    const card = cardOf(await app.askInChannel(HALSAM_CHANNEL, "årshjul 2027", { to: app.secondUrl }));
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
    const unmapped = await app.askInChannel(OPEN_CHANNEL, "årshjul", { to: app.secondUrl });
    expect(text(unmapped)).toContain("Ange grupp");
    const empty = await app.askInChannel(HALSAM_CHANNEL, "årshjul 1999", { to: app.secondUrl });
    expect(text(empty)).toBe(
      "Kalendern har inga möten eller sista dagar för HälSam Västernorrland under 1999.",
    );
  });
});
