import path from "node:path";
import { bootstrap } from "../../app/bootstrap.ts";
import { OnboardingBridge } from "../../app/onboarding-bridge.ts";
import { ReminderBridge } from "../../app/reminder-bridge.ts";
import { loadGroups } from "../../knowledge/groups.ts";
import { ReminderService } from "../../reminders/reminder-service.ts";
import { formatIngestSummary } from "./format-ingest-summary.ts";
import { EXIT_OK, runCommand } from "./run-command.ts";
import { runTerminalChat } from "./terminal-chat.ts";

/** `npm run chat`: the Swedish chat in the terminal, over the same index as the other surfaces. */
async function main(): Promise<number> {
  const { core, logger, summary } = await bootstrap({ progress: true, warmUp: true });
  process.stderr.write(`${formatIngestSummary(summary)}\n`);
  const { groups } = await loadGroups(path.join(core.config.knowledgeDir, "groups"));
  const reminders = new ReminderService({
    database: core.index.database,
    knowledgeDir: core.config.knowledgeDir,
    groups,
    notifiers: [],
    documents: core.index.catalog,
    logger,
  });
  const bridge = new ReminderBridge(reminders, groups, core.config.knowledgeDir);
  const onboarding = new OnboardingBridge(core, groups, (groupId) => bridge.meetings(groupId));
  try {
    await runTerminalChat(core, logger, {
      list: (mode, groupIds) => bridge.list(mode, groupIds),
      // The terminal belongs to whoever owns the knowledge folder: every group may be introduced.
      intro: (argument, groupIds) => onboarding.introText(argument || (groupIds[0] ?? ""), null),
      glossary: (argument, groupIds) =>
        onboarding.glossaryText(argument, groupIds.length > 0 ? groupIds : null),
      arshjul: (argument, groupIds) => bridge.arshjul(argument, groupIds),
    });
  } finally {
    core.close();
  }
  return EXIT_OK;
}

runCommand(main);
