import { afterEach, describe, expect, it } from "vitest";
import { FakeNotifier } from "../fakes/fake-notifier.ts";
import { type ReminderHarness, reminderHarness, runUntil } from "./helpers/reminder-harness.ts";

const CALENDAR = `group: g
events:
  - id: sammantrade
    title: Samverkansberedningens sammanträde
    start: 2027-02-09 13:00
    end: 2027-02-09 15:30
    location: Stadshuset, Laholm
    prepare: Läs kallelsen.
    documents: [overenskommelse.md]
  - id: rapport
    title: Uppföljningsrapport 1
    kind: report
    due: 2027-02-19
`;

let harness: ReminderHarness | undefined;
afterEach(() => harness?.cleanup());

describe("reminder service", () => {
  it("sends each reminder once, at its Stockholm time, in Swedish, to channel or secretary", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-01-30T08:00:00+01:00");
    const slack = new FakeNotifier();
    const service = harness.service([slack], {
      documents: {
        document: (id) =>
          id === "overenskommelse.md" ? documentNamed("Samverkansöverenskommelse") : undefined,
      },
    });
    const sent = await runUntil(service, harness.clock, "2027-02-20T00:00:00+01:00", slack);
    expect(sent.map((delivery) => `${delivery.at} ${delivery.key}`)).toEqual([
      "2027-02-01T08:00:00.000Z rapport@2027-02-19|14wd|slack:user:U-g",
      "2027-02-02T08:00:00.000Z sammantrade@2027-02-09T13:00|7d|slack:channel:C-g",
      "2027-02-08T08:00:00.000Z sammantrade@2027-02-09T13:00|1d|slack:channel:C-g",
      "2027-02-16T08:00:00.000Z rapport@2027-02-19|3wd|slack:user:U-g",
      "2027-02-18T08:00:00.000Z rapport@2027-02-19|1wd|slack:user:U-g",
      "2027-02-19T08:00:00.000Z rapport@2027-02-19|0d|slack:user:U-g",
    ]);
    expect(sent[1]?.text).toBe(
      [
        "Påminnelse: Samverkansberedningens sammanträde (Gruppen g)",
        "När: tisdag 9 februari 2027 kl. 13.00–15.30 – om 7 dagar",
        "Var: Stadshuset, Laholm",
        "Förbered: Läs kallelsen.",
        "Underlag: Samverkansöverenskommelse (overenskommelse.md) https://example.org/avtal.pdf",
      ].join("\n"),
    );
    expect(sent[0]?.text).toContain("Sista dag: fredag 19 februari 2027 – om 18 dagar (14 arbetsdagar)");
    const actions = (index: number) =>
      slack.delivered[index]?.notification.actions?.map((action) => action.label);
    expect(actions(0)).toEqual(["Klar", "Påminn mig i morgon"]);
    expect(actions(1)).toEqual(["Påminn mig i morgon"]);
    expect(service.outbox.counts()).toEqual({ sent: 6 });
  });

  it("never sends a delivery twice when two services tick the same database at once", async () => {
    // Forty meetings at the same time make bursts of due deliveries that both services compete for.
    const meetings = Array.from(
      { length: 40 },
      (_, index) =>
        `  - id: mote-${index}\n    title: Möte ${index}\n    start: 2027-02-10 10:00\n    reminders: [7 dagar, 1 dag, på dagen kl 08:00]\n`,
    );
    harness = reminderHarness(
      { "g.yaml": `group: g\nevents:\n${meetings.join("")}` },
      "2027-02-01T08:00:00+01:00",
    );
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
    const first = new FakeNotifier({ delay: pause });
    const second = new FakeNotifier({ delay: pause });
    const one = harness.service([first], { dispatcher: { batchSize: 7, concurrency: 3 } });
    const two = harness.service([second], { dispatcher: { batchSize: 5, concurrency: 2 } });
    for (let hour = 0; hour < 24 * 10; hour += 6) {
      await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
      harness.clock.advance(6 * 3_600_000);
    }
    const keys = [...first.keys(), ...second.keys()];
    expect(first.delivered.length).toBeGreaterThan(0);
    expect(second.delivered.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(120);
    expect(one.outbox.counts()).toEqual({ sent: 120 });
  });

  it("sends reminders that came due during downtime late with a note, and records the useless ones as missed", async () => {
    const calendar = `group: g
events:
  - id: tidigt
    title: Tidigt möte
    start: 2027-02-04 13:00
  - id: senare
    title: Senare möte
    start: 2027-02-10 13:00
`;
    harness = reminderHarness({ "g.yaml": calendar }, "2027-02-01T08:00:00+01:00");
    const slack = new FakeNotifier();
    await harness.service([slack]).tick();
    expect(slack.delivered).toHaveLength(0);
    // Down from 1 February 08:00 until 9 February 10:00.
    harness.clock.set("2027-02-09T10:00:00+01:00");
    const restarted = harness.service([slack]);
    const report = await restarted.tick();
    expect(slack.keys()).toEqual(["senare@2027-02-10T13:00|1d|slack:channel:C-g"]);
    expect(slack.delivered[0]?.notification.text).toMatch(
      /^⚠️ Försenad påminnelse – Samsyn var inte igång när den skulle skickas \(tisdag 9 februari 2027 kl\. 09\.00\)\.\nPåminnelse: Senare möte/,
    );
    const states = Object.fromEntries(
      ["tidigt@2027-02-04T13:00|1d", "senare@2027-02-10T13:00|7d"].map((prefix) => {
        const row = restarted.outbox.get(`${prefix}|slack:channel:C-g`);
        return [prefix, `${row?.state}: ${row?.note}`];
      }),
    );
    expect(states).toEqual({
      "tidigt@2027-02-04T13:00|1d":
        "missed: Samsyn var inte igång när påminnelsen skulle skickas, och tillfället har redan börjat",
      "senare@2027-02-10T13:00|7d":
        "missed: ersatt av en senare påminnelse om samma tillfälle (efter driftstopp)",
    });
    expect(report).toMatchObject({ sent: 1, late: 1, missed: 2 });
  });

  it("records every reminder of a long downtime as missed, also those never planned before", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-01-20T08:00:00+01:00");
    const slack = new FakeNotifier();
    await harness.service([slack]).tick();
    harness.clock.set("2027-04-01T08:00:00+02:00");
    const restarted = harness.service([slack]);
    await restarted.tick();
    expect(slack.delivered).toHaveLength(0);
    // Six deliveries came due while down: two for the meeting, four for the report.
    expect(restarted.outbox.counts()).toEqual({ missed: 6 });
  });

  it("sends on time without a note after a short restart", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-02T08:50:00+01:00");
    const slack = new FakeNotifier();
    await harness.service([slack]).tick();
    harness.clock.set("2027-02-02T09:05:00+01:00");
    await harness.service([slack]).tick();
    expect(slack.keys()).toEqual(["sammantrade@2027-02-09T13:00|7d|slack:channel:C-g"]);
    expect(slack.delivered[0]?.notification.text).not.toMatch(/Försenad/);
  });

  it('keeps "Klar" across a restart: no more reminders for that deadline', async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-01T09:00:00+01:00");
    const slack = new FakeNotifier();
    const service = harness.service([slack]);
    await service.tick();
    const done = slack.delivered[0]?.notification.actions?.find((action) => action.label === "Klar");
    expect(done).toBeDefined();
    const result = service.markDone(done?.value ?? "", "U-g");
    expect(result).toEqual({
      ok: true,
      message:
        "Markerad som klar: Uppföljningsrapport 1 (fredag 19 februari 2027). Inga fler påminnelser skickas om detta.",
    });

    const restarted = harness.service([slack]);
    const later = await runUntil(restarted, harness.clock, "2027-02-20T00:00:00+01:00", slack);
    expect(later.map((delivery) => delivery.key).filter((key) => key.startsWith("rapport"))).toEqual([]);
    expect(later.map((delivery) => delivery.key)).toEqual([
      "sammantrade@2027-02-09T13:00|7d|slack:channel:C-g",
      "sammantrade@2027-02-09T13:00|1d|slack:channel:C-g",
    ]);
    const upcoming = await restarted.upcoming("g", 30, new Date("2027-02-10T00:00:00+01:00"));
    expect(upcoming.map((item) => [item.occurrence.key, item.done?.by ?? null])).toEqual([
      ["rapport@2027-02-19", "U-g"],
    ]);
    expect(restarted.markDone(done?.value ?? "", "U-x").message).toMatch(/redan markerad som klar av U-g/);
  });

  it('keeps "Påminn mig i morgon" across a restart and sends the copy once', async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-02T09:00:00+01:00");
    const slack = new FakeNotifier();
    const service = harness.service([slack]);
    await service.tick();
    const key = slack.keys()[0] ?? "";
    harness.clock.set("2027-02-02T11:00:00+01:00");
    expect(service.snooze(`reminder:snooze:${key}`, "U-g")).toEqual({
      ok: true,
      message: "Okej, jag påminner igen onsdag 3 februari 2027 kl. 09.00.",
    });

    const restarted = harness.service([slack]);
    const later = await runUntil(restarted, harness.clock, "2027-02-04T00:00:00+01:00", slack);
    expect(later.map((delivery) => [delivery.key, delivery.at])).toEqual([
      [`${key}|snooze-1`, "2027-02-03T08:00:00.000Z"],
    ]);
    expect(later[0]?.text).toMatch(/^Påminnelse igen: Samverkansberedningens sammanträde/);
    expect(restarted.outbox.get(key)?.state).toBe("snoozed");
  });

  it("never snoozes past the start of the meeting", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-08T09:00:00+01:00");
    const slack = new FakeNotifier();
    const service = harness.service([slack]);
    await service.tick();
    const result = service.snooze(slack.keys()[0] ?? "", "U-g", new Date("2027-02-10T09:00:00+01:00"));
    expect(result.message).toBe("Okej, jag påminner igen tisdag 9 februari 2027 kl. 12.00.");
  });

  it("retries a failed send later and records a delivery that keeps failing", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-02T09:00:00+01:00");
    const slack = new FakeNotifier();
    slack.failNext(1);
    const service = harness.service([slack], { dispatcher: { maxAttempts: 3 } });
    expect(await service.tick()).toMatchObject({ sent: 0, retried: 1 });
    harness.clock.advance(30_000);
    expect(await service.tick()).toMatchObject({ sent: 0 });
    harness.clock.advance(60_000);
    expect(await service.tick()).toMatchObject({ sent: 1 });
    expect(slack.keys()).toEqual(["sammantrade@2027-02-09T13:00|7d|slack:channel:C-g"]);

    slack.failFor(() => true);
    harness.clock.set("2027-02-08T09:00:00+01:00");
    for (let attempt = 0; attempt < 6; attempt++) {
      await service.tick();
      harness.clock.advance(10 * 60_000);
    }
    expect(service.outbox.get("sammantrade@2027-02-09T13:00|1d|slack:channel:C-g")).toMatchObject({
      state: "failed",
      attempts: 3,
      note: "utskicket misslyckades: plattformen vägrar",
    });
  });

  it("follows calendar edits: a moved meeting is reminded at its new time, a removed one not at all", async () => {
    harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-01T08:00:00+01:00");
    const slack = new FakeNotifier();
    const service = harness.service([slack]);
    await service.tick();
    harness.write(
      "g.yaml",
      CALENDAR.replace("2027-02-09 13:00", "2027-02-11 13:00")
        .replace("2027-02-09 15:30", "2027-02-11 15:30")
        .replace(/ {2}- id: rapport[\s\S]*$/, ""),
    );
    const sent = await runUntil(service, harness.clock, "2027-02-12T00:00:00+01:00", slack);
    expect(sent.map((delivery) => `${delivery.at} ${delivery.key}`)).toEqual([
      "2027-02-04T08:00:00.000Z sammantrade@2027-02-11T13:00|7d|slack:channel:C-g",
      "2027-02-10T08:00:00.000Z sammantrade@2027-02-11T13:00|1d|slack:channel:C-g",
    ]);
    expect(service.outbox.get("sammantrade@2027-02-09T13:00|7d|slack:channel:C-g")?.state).toBe("cancelled");
    expect(service.outbox.get("rapport@2027-02-19|3wd|slack:user:U-g")).toBeUndefined();
    expect(service.outbox.get("rapport@2027-02-19|14wd|slack:user:U-g")?.state).toBe("cancelled");
  });
});

function documentNamed(title: string) {
  return {
    id: "overenskommelse.md",
    title,
    type: "agreement" as const,
    organisations: [],
    groups: [],
    date: null,
    source: "https://example.org/avtal.pdf",
    contentHash: "",
    chunkCount: 1,
    indexedAt: "",
  };
}
