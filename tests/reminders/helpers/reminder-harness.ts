import path from "node:path";
import { openDatabase, type SqliteDatabase } from "../../../src/index/sqlite-database.ts";
import type { Group } from "../../../src/knowledge/groups.ts";
import { ManualClock } from "../../../src/reminders/clock.ts";
import { ReminderService, type ReminderServiceOptions } from "../../../src/reminders/reminder-service.ts";
import type { Notifier } from "../../../src/surfaces/notifier.ts";
import { FakeNotifier } from "../../fakes/fake-notifier.ts";
import { group, knowledgeWithCalendar } from "./reminder-fixtures.ts";

/** A knowledge folder with a calendar, a database file, and services built over them. */
export interface ReminderHarness {
  knowledgeDir: string;
  databaseFile: string;
  clock: ManualClock;
  groups: Group[];
  /** Writes (or replaces) a calendar file. */
  write(name: string, content: string): void;
  /** A new service on its own database connection, as a restarted or second process would have. */
  service(notifiers: Notifier[], options?: Partial<ReminderServiceOptions>): ReminderService;
  cleanup(): void;
}

/** Sets up a harness; the clock starts at `start` (ISO with offset). */
export function reminderHarness(
  files: Record<string, string>,
  start: string,
  groups: Group[] = [group("g")],
): ReminderHarness {
  const knowledge = knowledgeWithCalendar(files);
  const clock = new ManualClock(start);
  const databases: SqliteDatabase[] = [];
  const databaseFile = path.join(knowledge.dir, "data", "samsyn.db");
  return {
    knowledgeDir: knowledge.dir,
    databaseFile,
    clock,
    groups,
    write: knowledge.write,
    service(notifiers, options = {}) {
      const database = openDatabase(databaseFile);
      databases.push(database);
      return new ReminderService({
        database,
        knowledgeDir: knowledge.dir,
        groups,
        notifiers,
        clock,
        ...options,
      });
    },
    cleanup() {
      for (const database of databases) database.close();
      knowledge.cleanup();
    },
  };
}

/** Ticks `service` every `stepMinutes` from the clock's time up to `until`; returns the notifier's new deliveries with the time sent. */
export async function runUntil(
  service: ReminderService,
  clock: ManualClock,
  until: string,
  notifier: FakeNotifier,
  stepMinutes = 60,
): Promise<{ key: string; at: string; text: string }[]> {
  const seen = notifier.delivered.length;
  const times: string[] = [];
  const end = new Date(until).getTime();
  for (; clock.now().getTime() <= end; clock.advance(stepMinutes * 60_000)) {
    const before = notifier.delivered.length;
    await service.tick();
    for (let index = before; index < notifier.delivered.length; index++)
      times.push(clock.now().toISOString());
  }
  return notifier.delivered.slice(seen).map((delivery, index) => ({
    key: delivery.notification.deliveryKey,
    at: times[index] ?? "",
    text: delivery.notification.text,
  }));
}

export { FakeNotifier };
