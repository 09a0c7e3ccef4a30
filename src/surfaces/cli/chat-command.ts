import { bootstrap } from "../../app/bootstrap.ts";
import { INDEX_CHECK_INTERVAL_MS } from "../../app/follow-knowledge.ts";
import { loadCheckedGroups } from "../../app/load-checked-groups.ts";
import { OnboardingBridge } from "../../app/onboarding-bridge.ts";
import { ReminderBridge } from "../../app/reminder-bridge.ts";
import { ReminderService } from "../../reminders/reminder-service.ts";
import { formatIngestSummary } from "./format-ingest-summary.ts";
import { EXIT_OK, parseCommandArguments, runCommand } from "./run-command.ts";
import { runTerminalChat } from "./terminal-chat.ts";

const USAGE = `Användning: npm run chat
  Chatta med Samsyn i terminalen, över samma index som webbchatten, Slack och Teams. Skriv en fråga och
  tryck Enter; skriv "hjälp" i chatten för kommandona (grupp, intro, ordlista, möten, årshjul, status,
  avsluta).`;

/** `npm run chat`: the Swedish chat in the terminal, over the same index as the other surfaces. */
async function main(): Promise<number> {
  parseCommandArguments({ options: {}, allowPositionals: false });
  const { core, logger, summary } = await bootstrap({ progress: true, warmUp: true });
  const { groups, warnings, calendarProblems } = await loadCheckedGroups(
    core.config.knowledgeDir,
    core.index.catalog,
  );
  process.stderr.write(`${formatIngestSummary(summary, warnings, calendarProblems)}\n`);
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
  // `npm run ingest` in another terminal, or a running `npm start`, may change the index while the
  // chat runs: load their commits as `npm start` does (generation + data_version, checked often).
  const unfollow = core.knowledge.followOtherProcesses(INDEX_CHECK_INTERVAL_MS, logger);
  try {
    // The terminal belongs to whoever owns the knowledge folder: the administrator's audience.
    await runTerminalChat(core, logger, {
      list: (mode, audience) => bridge.list(mode, audience),
      intro: (argument, audience) => onboarding.introText(argument, audience),
      glossary: (argument, audience) => onboarding.glossaryText(argument, audience),
      arshjul: (argument, audience) => bridge.arshjul(argument, audience),
    });
  } finally {
    unfollow();
    core.close();
  }
  return EXIT_OK;
}

runCommand(main, USAGE);
