import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { ReminderBridge } from "../../src/app/reminder-bridge.ts";
import { openDatabase } from "../../src/index/sqlite-database.ts";
import { loadGroups } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { ManualClock } from "../../src/reminders/clock.ts";
import { ReminderService } from "../../src/reminders/reminder-service.ts";
import { ADMINISTRATOR, conversationAudience, withChosenGroup } from "../../src/retrieval/scope.ts";
import { runTerminalChat } from "../../src/surfaces/cli/terminal-chat.ts";
import { SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

const NOW = "2027-01-10T08:00:00+01:00";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function bridge() {
  const { groups } = await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups"));
  const reminders = new ReminderService({
    database: openDatabase(path.join(folder.dir, "samsyn.db")),
    knowledgeDir: SHIPPED_KNOWLEDGE,
    groups,
    notifiers: [],
    clock: new ManualClock(NOW),
  });
  return new ReminderBridge(reminders, groups, SHIPPED_KNOWLEDGE, { now: () => new Date(NOW) });
}

describe("reminders in the chat surfaces and the web page", () => {
  it("lists a group's next meeting in Swedish for `möten`", async () => {
    const text = await (await bridge()).list(
      "meetings",
      conversationAudience(["laholm-samverkansberedning"]),
    );
    expect(text).toMatch(/Samverkansberedningens sammanträde/);
    expect(text).toMatch(/februari/);
  });

  it("shows the group's upcoming meetings and its årshjul in the web panel", async () => {
    const panel = await (await bridge()).panel({
      groupId: "laholm-samverkansberedning",
      admin: true,
      audience: withChosenGroup(ADMINISTRATOR, "laholm-samverkansberedning"),
    });
    expect(panel.sections[0]?.items.some((item) => /sammanträde/i.test(item.title))).toBe(true);
    expect(panel.picture?.svg).toMatch(/<svg/);
    expect(panel.picture?.svg).toContain("Årshjul 2027");
    expect(panel.picture?.alt).toMatch(/^Årshjul 2027 för Samverkansberedningen i Laholm/);
  });

  it("hands a click on Klar to the reminders and answers in Swedish", async () => {
    const message = (await bridge()).action("reminder:done:okänt-möte@2027-02-09|1d|channel|slack:C1", "U1");
    expect(message).toMatch(/Hittar inte påminnelsen/);
    expect((await bridge()).action("något annat", "U1")).toBeNull();
  });
});

describe("årshjul in chat", () => {
  it("draws the conversation's group for this year, with one short line per meeting and deadline", async () => {
    const outcome = await (await bridge()).arshjul("", conversationAudience(["laholm-samverkansberedning"]));
    if (!("wheel" in outcome)) throw new Error(outcome.problem);
    const { wheel } = outcome;
    expect(wheel.group.id).toBe("laholm-samverkansberedning");
    expect(wheel.year).toBe(2027);
    expect(wheel.lines).toContain("9 feb: Samverkansberedningens sammanträde (möte)");
    expect(wheel.lines).toHaveLength(wheel.items.length);
    expect(wheel.svg).toContain("Årshjul 2027 – Samverkansberedningen i Laholm");
    const full = wheel.png();
    expect(full.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(full.readUInt32BE(16)).toBe(1500);
    expect(wheel.png({ width: 1000 }).readUInt32BE(16)).toBe(1000);
  });

  it("takes a group and a year from the command, in either order", async () => {
    const outcome = await (await bridge()).arshjul("2028 norrbotten", ADMINISTRATOR);
    expect("wheel" in outcome && [outcome.wheel.group.id, outcome.wheel.year]).toEqual([
      "norrbotten-politisk-samverkansberedning",
      2028,
    ]);
  });

  it("says in Swedish what is missing: the group, a known group, a valid year, or anything that year", async () => {
    const ask = async (argument: string, groupIds: string[] = []) => {
      // The administrator's terminal may name every group; a conversation is about its own.
      const audience = groupIds.length > 0 ? conversationAudience(groupIds) : ADMINISTRATOR;
      const outcome = await (await bridge()).arshjul(argument, audience);
      return "problem" in outcome ? outcome.problem : "ett årshjul";
    };
    expect(await ask("")).toMatch(/^Konversationen hör inte till någon grupp\. Ange grupp: "årshjul halsam"/);
    expect(await ask("", ["halsam-vasternorrland", "laholm-samverkansberedning"])).toMatch(
      /^Konversationen hör till flera grupper\. Ange grupp: .*Grupper: halsam-vasternorrland \(HälSam Västernorrland\), laholm-samverkansberedning/,
    );
    expect(await ask("Göteborg")).toMatch(/^Hittar ingen grupp som heter "Göteborg"/);
    expect(await ask("laholm 27")).toBe('Skriv året med fyra siffror, t.ex. "årshjul 2027".');
    expect(await ask("laholm 1999")).toBe(
      "Kalendern har inga möten eller sista dagar för Samverkansberedningen i Laholm under 1999.",
    );
  });

  it("saves the wheel as PNG and SVG under the data folder from the terminal chat and says where", async () => {
    const dataDir = path.join(folder.dir, "data");
    const reminders = await bridge();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
    });
    // The terminal reads groups from the knowledge folder and writes under the data folder; `årshjul` needs no index.
    // Before each line the chat looks for another process's index; here there is none to find.
    const core = {
      config: { knowledgeDir: SHIPPED_KNOWLEDGE, dataDir },
      knowledge: { sync: async () => {} },
    } as unknown as Core;
    const chat = runTerminalChat(
      core,
      silentLogger,
      { arshjul: (argument, audience) => reminders.arshjul(argument, audience) },
      input,
      output,
    );
    input.end("årshjul laholm 2027\nårshjul\n");
    await chat;
    const base = path.join(dataDir, "arshjul", "arshjul-laholm-samverkansberedning-2027");
    expect(printed).toContain("Årshjul 2027 – Samverkansberedningen i Laholm");
    expect(printed).toContain("  9 feb: Samverkansberedningens sammanträde (möte)");
    expect(printed).toContain(`Sparat som ${base}.png och ${base}.svg`);
    expect(printed).toContain("Ange grupp");
    expect(fs.readFileSync(`${base}.png`).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(fs.readFileSync(`${base}.svg`, "utf8")).toContain("<svg");
  });
});
