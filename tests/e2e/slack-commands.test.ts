import { describe, expect, it } from "vitest";
import { LAHOLM_QUESTION } from "./helpers/shipped-knowledge.ts";
import { CLOSED_CHANNEL, HALSAM_CHANNEL, OPEN_CHANNEL, useSlackApp } from "./helpers/slack-app.ts";

// The Slack slash command `/samsyn` and its subcommands.
const app = useSlackApp();

describe("Slack slash command /samsyn", () => {
  it("answers `fråga` through the response URL after acknowledging at once", async () => {
    const { id, ack } = await app.command(`fråga ${LAHOLM_QUESTION}`);
    expect(ack).toMatchObject({ text: "Söker i underlaget…", response_type: "ephemeral" });
    const { body } = await app.slack.waitForResponse(id);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("kommunstyrelsens ordförande");
    expect(JSON.stringify(body.blocks)).toContain("Visa källtext [1]");
  });

  it("explains itself on `hjälp`, on an unknown subcommand and with no subcommand", async () => {
    const help = (await app.command("hjälp")).ack.text;
    expect(help).toContain("/samsyn fråga");
    expect(help).toContain("Lägg till i Samsyn");
    const unknown = await app.command("väder imorgon");
    expect(unknown.ack.text).toContain("Jag känner inte igen ”väder”");
    expect(unknown.ack.text).toContain("/samsyn fråga");
    expect((await app.command("")).ack.text).toContain("/samsyn fråga");
  });

  it("says that meetings, reminders, the introduction, the glossary and the årshjul are not set up when no module provides them", async () => {
    for (const subcommand of ["möten", "påminnelser", "intro", "ordlista", "årshjul"]) {
      const { id, ack } = await app.command(subcommand);
      expect(ack.text).toMatch(/inte inställ/);
      expect(app.slack.responses.find((response) => response.id === id)).toBeUndefined();
    }
  });

  it("hands `möten` to the module that provides it, with the channel's group", async () => {
    const { id } = await app.command("möten", { to: app.secondUrl });
    const { body } = await app.slack.waitForResponse(id);
    expect(body.text).toBe("Nästa möte för halsam-vasternorrland");
  });

  it("explains an acronym with `ordlista` from the channel group's documents, with its source, to the asker", async () => {
    const { id } = await app.command("ordlista HSN", { to: app.secondUrl });
    const { body } = await app.slack.waitForResponse(id);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe("HSN står för Hälso- och sjukvårdsnämnden [1].");
    expect(JSON.stringify(body.blocks)).toContain("Samverkansstruktur HälSam");
  });

  it("keeps an internal group's acronyms out of channels of no group", async () => {
    const explained = await app.command("ordlista HSN", { to: app.secondUrl, channel: OPEN_CHANNEL });
    expect((await app.slack.waitForResponse(explained.id)).body.text).toBe(
      "Förkortningen HSN finns inte i underlaget.",
    );
    const listed = await app.command("ordlista", { to: app.secondUrl, channel: OPEN_CHANNEL });
    const { body } = await app.slack.waitForResponse(listed.id);
    expect(body.text).toContain("VGR");
    expect(JSON.stringify(body.blocks)).not.toContain("HSN");
  });

  it("posts the channel group's årshjul for a year into the channel as a PNG, with the year's items as its comment", async () => {
    const { id, ack } = await app.command("årshjul 2027", { to: app.secondUrl });
    expect(ack).toEqual({});
    const upload = await app.slack.waitForSharedFile(HALSAM_CHANNEL);
    expect(upload.bytes?.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(upload.filename).toBe("arshjul-halsam-vasternorrland-2027.png");
    expect(upload.shared?.title).toBe("Årshjul 2027 – HälSam Västernorrland");
    expect(upload.shared?.comment).toContain("*Årshjul 2027 – HälSam Västernorrland*");
    expect(upload.shared?.comment).toContain("Temamöte Barn och unga");
    const [announced] = app.slack.callsTo(
      "files.getUploadURLExternal",
      (args) => args.filename === upload.filename,
    );
    expect(String(announced?.args.alt_text)).toMatch(/^Årshjul 2027 för HälSam Västernorrland/);
    expect(announced?.token).toBe(app.slack.botToken);
    // Posted for everyone: no private reply on top.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.slack.responses.find((response) => response.id === id)).toBeUndefined();
  });

  it("asks for the group in a channel of none, says when the year is empty, and asks to be invited where it may not post", async () => {
    const unmapped = await app.command("årshjul", { to: app.secondUrl, channel: OPEN_CHANNEL });
    expect((await app.slack.waitForResponse(unmapped.id)).body.text).toContain("Ange grupp");
    const empty = await app.command("årshjul 1999", { to: app.secondUrl });
    expect((await app.slack.waitForResponse(empty.id)).body.text).toBe(
      "Kalendern har inga möten eller sista dagar för HälSam Västernorrland under 1999.",
    );
    // A public group's wheel may be posted anywhere, so the channel's missing invitation shows.
    const closed = await app.command("årshjul region-halland-lokala-namnder 2027", {
      to: app.secondUrl,
      channel: CLOSED_CHANNEL,
    });
    expect((await app.slack.waitForResponse(closed.id)).body.text).toContain("/invite @Samsyn");
  });
});
