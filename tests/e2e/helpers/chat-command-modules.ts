import type { ChatCommandModules } from "../../../src/app/chat-commands.ts";
import type { Core } from "../../../src/app/compose.ts";
import { OnboardingBridge } from "../../../src/app/onboarding-bridge.ts";
import { ReminderBridge } from "../../../src/app/reminder-bridge.ts";
import type { Group } from "../../../src/knowledge/groups.ts";
import { ManualClock } from "../../../src/reminders/clock.ts";
import { ReminderService } from "../../../src/reminders/reminder-service.ts";

/** The calendar's "now" in the chat tests. */
export const CALENDAR_NOW = "2027-01-10T08:00:00+01:00";

/** The reminder and onboarding modules wired as `npm start` does, with the calendar's clock at `now`. */
export function chatCommandModules(
  core: Core,
  groups: Group[],
  knowledgeDir: string,
  now: string = CALENDAR_NOW,
): ChatCommandModules {
  const reminderService = new ReminderService({
    database: core.index.database,
    knowledgeDir,
    groups,
    notifiers: [],
    clock: new ManualClock(now),
  });
  const reminders = new ReminderBridge(reminderService, groups, knowledgeDir, { now: () => new Date(now) });
  const onboarding = new OnboardingBridge(core, groups, (groupId) => reminders.meetings(groupId));
  return { reminders, onboarding };
}

/** A stand-in `möten` module that says which groups it was asked about. */
export async function meetingsStandIn(context: { groupIds: string[] }): Promise<{ text: string }> {
  return { text: `Nästa möte för ${context.groupIds.join(", ") || "inga grupper"}` };
}
