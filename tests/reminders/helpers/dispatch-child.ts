/**
 * Runs one reminder tick in its own process, for the kill test:
 * dispatch-child.ts KNOWLEDGE_DIR DATABASE_FILE SENDS_FILE NOW_ISO after-send|before-send
 */
import { openDatabase } from "../../../src/index/sqlite-database.ts";
import { ManualClock } from "../../../src/reminders/clock.ts";
import { ReminderService } from "../../../src/reminders/reminder-service.ts";
import { FileNotifier } from "./file-notifier.ts";
import { group } from "./reminder-fixtures.ts";

const [knowledgeDir = "", databaseFile = "", sendsFile = "", now = "", hang = "after-send"] =
  process.argv.slice(2);
const service = new ReminderService({
  database: openDatabase(databaseFile),
  knowledgeDir,
  groups: [group("g")],
  notifiers: [new FileNotifier(sendsFile, true, hang as "after-send" | "before-send")],
  clock: new ManualClock(now),
  dispatcher: { batchSize: 1, concurrency: 1 },
});
await service.tick();
process.stdout.write("TICK DONE\n");
