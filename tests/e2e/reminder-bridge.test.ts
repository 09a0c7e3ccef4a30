import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ReminderBridge } from "../../src/app/reminder-bridge.ts";
import { openDatabase } from "../../src/index/sqlite-database.ts";
import { loadGroups } from "../../src/knowledge/groups.ts";
import { ManualClock } from "../../src/reminders/clock.ts";
import { ReminderService } from "../../src/reminders/reminder-service.ts";
import { SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

async function bridge() {
  const { groups } = await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups"));
  const reminders = new ReminderService({
    database: openDatabase(path.join(folder.dir, "samsyn.db")),
    knowledgeDir: SHIPPED_KNOWLEDGE,
    groups,
    notifiers: [],
    clock: new ManualClock("2027-01-10T08:00:00+01:00"),
  });
  return new ReminderBridge(reminders, groups, SHIPPED_KNOWLEDGE);
}

describe("reminders in the chat surfaces and the web page", () => {
  it("lists a group's next meeting in Swedish for `möten`", async () => {
    const text = await (await bridge()).list("meetings", ["laholm-samverkansberedning"]);
    expect(text).toMatch(/Samverkansberedningens sammanträde/);
    expect(text).toMatch(/februari/);
  });

  it("shows the group's upcoming meetings and its årshjul in the web panel", async () => {
    const panel = await (await bridge()).panel({ groupId: "laholm-samverkansberedning", admin: true });
    expect(panel.sections[0]?.items.some((item) => /sammanträde/i.test(item.title))).toBe(true);
    expect(panel.picture?.svg).toMatch(/<svg/);
    expect(panel.picture?.alt).toMatch(/Årshjul/);
  });

  it("hands a click on Klar to the reminders and answers in Swedish", async () => {
    const message = (await bridge()).action("reminder:done:okänt-möte@2027-02-09|1d|channel|slack:C1", "U1");
    expect(message).toMatch(/Hittar inte påminnelsen/);
    expect((await bridge()).action("något annat", "U1")).toBeNull();
  });
});
