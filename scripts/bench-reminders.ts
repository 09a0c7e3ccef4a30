/**
 * Reminder dispatch benchmark: 10 000 scheduled reminders sent through a fake notifier by two
 * dispatchers sharing one SQLite outbox; reports lateness (p50/p95/max), throughput and duplicates
 * (must be 0), plus the planner's time to expand a calendar into 10 000 deliveries.
 * Usage: npx tsx scripts/bench-reminders.ts [--count 10000] [--tick-ms 1000] [--spread-s 60] [--latency-ms 2]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { openDatabase } from "../src/index/sqlite-database.ts";
import type { Group } from "../src/knowledge/groups.ts";
import { silentLogger } from "../src/logger.ts";
import { systemClock } from "../src/reminders/clock.ts";
import { ReminderDispatcher } from "../src/reminders/dispatch-reminders.ts";
import { planDeliveries } from "../src/reminders/plan-reminders.ts";
import type { PlannedDelivery } from "../src/reminders/reminder-outbox.ts";
import type { ReminderPayload } from "../src/reminders/reminder-payload.ts";
import { SqliteReminderOutbox } from "../src/reminders/sqlite-reminder-outbox.ts";
import { parseYamlCalendar } from "../src/reminders/yaml-calendar-source.ts";
import type { Notification } from "../src/surfaces/notifier.ts";
import { FakeNotifier } from "../tests/fakes/fake-notifier.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    "tick-ms": { type: "string", default: "1000" },
    "spread-s": { type: "string", default: "60" },
    "latency-ms": { type: "string", default: "2" },
  },
});
const count = Number(values.count);
const tickMs = Number(values["tick-ms"]);
const spreadMs = Number(values["spread-s"]) * 1000;
const latencyMs = Number(values["latency-ms"]);

const PAYLOAD: ReminderPayload = {
  kind: "meeting",
  title: "Samverkansberedningens sammanträde",
  groupName: "Samverkansberedningen i Laholm",
  start: "2027-02-09T13:00:00+01:00",
  end: null,
  allDay: false,
  location: "Stadshuset",
  prepare: null,
  notes: null,
  documents: [],
  ruleLabel: "1 dag före",
};

interface Result {
  scenario: string;
  sent: number;
  duplicates: number;
  lateness: number[];
  seconds: number;
}

/** Schedules `count` reminders due from `start` over `spread` ms and lets two dispatchers send them. */
async function dispatchScenario(scenario: string, spread: number): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-bench-reminders-"));
  const file = path.join(dir, "samsyn.db");
  const start = Date.now() + 500;
  const deliveries: PlannedDelivery[] = Array.from({ length: count }, (_, index) => ({
    key: `bench-${index}|1d|slack:channel:C${index % 50}`,
    occurrenceKey: `bench-${index}`,
    eventId: `bench-${index}`,
    groupId: "g",
    ruleId: "1d",
    surface: "slack",
    target: { kind: "channel", id: `C${index % 50}` },
    dueAt: start + Math.floor((index / count) * spread),
    usefulUntil: start + spread + 86_400_000,
    payload: PAYLOAD,
  }));
  const writer = new SqliteReminderOutbox(openDatabase(file));
  writer.writePlan(
    deliveries,
    { insertFrom: start - 1, from: start - 1, to: start + spread + 1 },
    Date.now(),
  );

  const sentAt = new Map<string, number>();
  const sendTimes: { key: string; at: number }[] = [];
  const delay = () => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * latencyMs));
  const makeNotifier = () => {
    const notifier = new FakeNotifier({ delay });
    const send = notifier.send.bind(notifier);
    notifier.send = async (notification: Notification) => {
      const result = await send(notification);
      sendTimes.push({ key: notification.deliveryKey, at: Date.now() });
      if (!sentAt.has(notification.deliveryKey)) sentAt.set(notification.deliveryKey, Date.now());
      return result;
    };
    return notifier;
  };
  const dispatchers = [0, 1].map(
    () =>
      new ReminderDispatcher({
        outbox: new SqliteReminderOutbox(openDatabase(file)),
        notifiers: [makeNotifier()],
        clock: systemClock,
        logger: silentLogger,
        concurrency: 8,
        batchSize: 200,
      }),
  );
  const began = Date.now();
  const deadline = began + spread + 120_000;
  await Promise.all(
    dispatchers.map(async (dispatcher, index) => {
      // The second dispatcher starts half a tick later, as two replicas would.
      await sleep(index * (tickMs / 2));
      while (sentAt.size < count && Date.now() < deadline) {
        await dispatcher.dispatch(new Date());
        await sleep(tickMs);
      }
    }),
  );
  const seconds = (Date.now() - began) / 1000;
  const dueOf = new Map(deliveries.map((delivery) => [delivery.key, delivery.dueAt]));
  const lateness = [...sentAt]
    .map(([key, at]) => at - (dueOf.get(key) ?? at))
    .sort((left, right) => left - right);
  fs.rmSync(dir, { recursive: true, force: true });
  return { scenario, sent: sentAt.size, duplicates: sendTimes.length - sentAt.size, lateness, seconds };
}

/** Plans `count` deliveries from a generated calendar (events × rules × recipients) and writes them. */
function planScenario(): {
  events: number;
  deliveries: number;
  planMs: number;
  writeMs: number;
  rewriteMs: number;
} {
  const groups: Group[] = Array.from({ length: 25 }, (_, index) => ({
    id: `grupp-${index}`,
    name: `Grupp ${index}`,
    organisations: [],
    documents: [],
    visibility: "internal",
    channels: { slack: [`C${index}`] },
    secretaries: [{ name: "Sekreterare", slack: `U${index}` }],
  }));
  // Each event: weekly for a year, two rules, one channel → about 100 deliveries per event.
  const perEvent = 104;
  const eventCount = Math.ceil(count / perEvent);
  const yaml = `events:\n${Array.from(
    { length: eventCount },
    (_, index) =>
      `  - id: e${index}\n    group: grupp-${index % 25}\n    title: Möte ${index}\n    start: 2027-01-0${(index % 7) + 1} ${String(8 + (index % 9)).padStart(2, "0")}:00\n    recurrence: FREQ=WEEKLY;COUNT=52\n    reminders: [7 dagar, 1 arbetsdag]\n`,
  ).join("")}`;
  const { events } = parseYamlCalendar("bench.yaml", yaml);
  const settings = new Map(groups.map((group) => [group.id, { enabled: true }]));
  let began = performance.now();
  const deliveries = planDeliveries({
    events,
    groups: new Map(groups.map((group) => [group.id, group])),
    settings,
    surfaces: ["slack"],
    from: DateTime.fromISO("2026-12-01T00:00:00", { zone: "Europe/Stockholm" }),
    to: DateTime.fromISO("2028-01-31T00:00:00", { zone: "Europe/Stockholm" }),
  });
  const planMs = performance.now() - began;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-bench-plan-"));
  const outbox = new SqliteReminderOutbox(openDatabase(path.join(dir, "samsyn.db")));
  const window = { insertFrom: 0, from: 0, to: Date.parse("2028-02-01") };
  began = performance.now();
  outbox.writePlan(deliveries, window, Date.parse("2026-11-30"));
  const writeMs = performance.now() - began;
  began = performance.now();
  outbox.writePlan(deliveries, window, Date.parse("2026-11-30"));
  const rewriteMs = performance.now() - began;
  fs.rmSync(dir, { recursive: true, force: true });
  return { events: events.length, deliveries: deliveries.length, planMs, writeMs, rewriteMs };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

const results = [
  await dispatchScenario("burst (alla samtidigt)", 0),
  await dispatchScenario(`utspridda över ${spreadMs / 1000} s`, spreadMs),
];
const rows = [
  ["scenario", "påminnelser", "skickade", "dubbletter", "försening p50", "p95", "max", "påminnelser/s"],
  ...results.map((result) => [
    result.scenario,
    String(count),
    String(result.sent),
    String(result.duplicates),
    `${percentile(result.lateness, 0.5)} ms`,
    `${percentile(result.lateness, 0.95)} ms`,
    `${result.lateness.at(-1)} ms`,
    (result.sent / result.seconds).toFixed(0),
  ]),
];
const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
process.stdout.write(
  `Utskick: 2 dispatchers på samma SQLite-utkorg, tick ${tickMs} ms, notifier-latens 0–${latencyMs} ms\n`,
);
for (const row of rows)
  process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")}\n`);
const plan = planScenario();
process.stdout.write(
  `\nPlanering: ${plan.events} veckomöten × 52 × 2 regler → ${plan.deliveries} utskick: expandera+planera ${plan.planMs.toFixed(0)} ms, skriva till utkorgen ${plan.writeMs.toFixed(0)} ms, skriva om oförändrat ${plan.rewriteMs.toFixed(0)} ms\n`,
);
if (results.some((result) => result.duplicates > 0 || result.sent < count)) {
  process.stderr.write("FEL: dubbletter eller oskickade påminnelser\n");
  process.exitCode = 1;
}
