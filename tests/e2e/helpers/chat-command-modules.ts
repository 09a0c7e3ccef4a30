import type { ChatCommandModules } from "../../../src/app/chat-commands.ts";
import type { Core } from "../../../src/app/compose.ts";
import { OnboardingBridge } from "../../../src/app/onboarding-bridge.ts";
import { ReminderBridge } from "../../../src/app/reminder-bridge.ts";
import type { Group } from "../../../src/knowledge/groups.ts";
import { ManualClock } from "../../../src/reminders/clock.ts";
import { ReminderService } from "../../../src/reminders/reminder-service.ts";

/** The reminder and onboarding modules wired as `npm start` does, with the calendar's clock at `now`. */
export function chatCommandModules(
  core: Core,
  groups: Group[],
  knowledgeDir: string,
  now: string,
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
