import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { TerminalNotifier } from "../../src/reminders/terminal-notifier.ts";
import { formatUpcoming } from "../../src/reminders/upcoming.ts";
import { group } from "./helpers/reminder-fixtures.ts";
import { type ReminderHarness, reminderHarness } from "./helpers/reminder-harness.ts";

const CALENDAR = `group: g
events:
  - id: sammantrade
    title: Sammanträde
    start: 2027-02-09 13:00
    end: 2027-02-09 15:30
    location: Stadshuset
  - id: rapport
    title: Uppföljningsrapport 1
    kind: report
    due: 2027-02-19
  - id: internat
    title: Gemensamt internat
    start: 2027-02-24
    end: 2027-02-25
    group: h
`;

let harness: ReminderHarness | undefined;
afterEach(() => harness?.cleanup());

describe("upcoming meetings and reminders in chat", () => {
  it("lists a group's meetings and deadlines in Swedish", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-05T10:00:00+01:00", [
      group("g"),
      group("h", { name: "HälSam" }),
    ]);
    const service = harness.service([]);
    const items = await service.upcoming("g", 30);
    expect(formatUpcoming(items, { group: harness.groups[0] ?? null, days: 30 })).toBe(
      [
        "Kommande möten och sista dagar för Gruppen g (närmaste 30 dagarna):",
        "• tisdag 9 februari 2027 kl. 13.00–15.30: Sammanträde (Stadshuset)",
        "• Sista dag fredag 19 februari 2027: Uppföljningsrapport 1",
      ].join("\n"),
    );
    const everything = await service.upcoming(null, 30);
    expect(formatUpcoming(everything, { days: 30 }).split("\n").at(-1)).toBe(
      "• onsdag 24 februari–torsdag 25 februari 2027: Gemensamt internat – HälSam",
    );
    expect(formatUpcoming([], { group: harness.groups[0] ?? null, days: 7 })).toBe(
      "Inga möten eller sista dagar för Gruppen g de närmaste 7 dagarna.",
    );
  });

  it("lists when the reminders will be sent", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-05T10:00:00+01:00");
    const items = await harness.service([]).upcoming("g", 30);
    expect(formatUpcoming(items, { mode: "reminders", group: harness.groups[0] ?? null, days: 30 })).toBe(
      [
        "Planerade påminnelser för Gruppen g (närmaste 30 dagarna):",
        "• måndag 8 februari kl. 09.00 (1 dag före): Sammanträde, tisdag 9 februari",
        "• tisdag 16 februari kl. 09.00 (3 arbetsdagar före): Uppföljningsrapport 1, fredag 19 februari",
        "• torsdag 18 februari kl. 09.00 (1 arbetsdag före): Uppföljningsrapport 1, fredag 19 februari",
        "• fredag 19 februari kl. 09.00 (på dagen): Uppföljningsrapport 1, fredag 19 februari",
      ].join("\n"),
    );
  });

  it("prints reminders in the terminal, to the group, when no chat platform is configured", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-08T09:00:00+01:00", [
      group("g", { channels: {}, secretaries: [] }),
    ]);
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const service = harness.service([new TerminalNotifier(output)]);
    await service.tick();
    expect(printed).toBe(
      "\n🔔 [g]\n  Påminnelse: Sammanträde (Gruppen g)\n  När: tisdag 9 februari 2027 kl. 13.00–15.30 – i morgon\n  Var: Stadshuset\n  (Påminn mig i morgon)\n",
    );
    expect(service.outbox.counts()).toEqual({ sent: 1, planned: 3 });
  });
});
