import path from "node:path";
import { loadConfig } from "../config/config.ts";
import { SqliteFeedbackStore } from "../feedback/feedback-store.ts";
import { describeRefresh } from "../index/knowledge-refresh.ts";
import type { Logger } from "../logger.ts";
import { ReminderService } from "../reminders/reminder-service.ts";
import { TerminalNotifier } from "../reminders/terminal-notifier.ts";
import { describeSourceStatus } from "../sources/describe-source-status.ts";
import { formatIngestSummary } from "../surfaces/cli/format-ingest-summary.ts";
import { EXIT_OK, parseCommandArguments, runCommand } from "../surfaces/cli/run-command.ts";
import { HttpServer } from "../surfaces/http/http-server.ts";
import type { Notifier } from "../surfaces/notifier.ts";
import { startSlackSurface } from "../surfaces/slack/start-slack-surface.ts";
import { startTeamsSurface } from "../surfaces/teams/start-teams-surface.ts";
import { startWebSurface } from "../surfaces/web/start-web-surface.ts";
import { openCore, refreshKnowledge } from "./bootstrap.ts";
import { slackCommands, teamsCommands } from "./chat-commands.ts";
import type { Core } from "./compose.ts";
import { composeSources } from "./compose-sources.ts";
import { followKnowledge } from "./follow-knowledge.ts";
import { loadCheckedGroups } from "./load-checked-groups.ts";
import { OnboardingBridge } from "./onboarding-bridge.ts";
import { ReminderBridge } from "./reminder-bridge.ts";
import { scheduleSources } from "./source-schedule.ts";
import { START_USAGE } from "./start-usage.ts";
import { userHashSalt } from "./user-hash-salt.ts";
import { webExposure } from "./web-exposure.ts";

/**
 * `npm start`: serves every configured surface on one HTTP port while it brings the index up to date
 * and keeps it so (other processes' ingests, changes to the knowledge folder):
 * the local web chat (always on loopback; elsewhere only with an access code), Slack and Teams when
 * their credentials are set, and reminders through the chat platforms (or printed here when none is).
 */
async function main(): Promise<number> {
  parseCommandArguments({ options: {}, allowPositionals: false });
  // Decided before indexing, so a refused start does not first index everything.
  const exposure = webExposure(loadConfig(process.env));
  // The index as it was: the surfaces answer from it while the knowledge folder is read again,
  // so a slow or huge file delays nothing but its own indexing.
  const { core, logger } = await openCore();
  const { config } = core;
  const { groups } = await loadCheckedGroups(config.knowledgeDir, core.index.catalog);
  // Documents where they live (web, SharePoint, Slack): synced into copies that are indexed like the folder.
  const sources = await composeSources(core, logger.child({ module: "sources" }));
  const feedback = new SqliteFeedbackStore(
    core.index.database,
    userHashSalt(core.index.database, config.userHashSalt),
  );
  const http = new HttpServer(logger);
  const notifiers: Notifier[] = [];
  const stops: (() => Promise<void>)[] = [];

  const reminders = new ReminderService({
    database: core.index.database,
    knowledgeDir: config.knowledgeDir,
    groups,
    notifiers,
    documents: core.index.catalog,
    logger: logger.child({ module: "reminders" }),
    tickIntervalMs: config.reminders.tickIntervalMs,
    dispatcher: { claimTimeoutMs: config.reminders.claimTimeoutMs },
  });
  for (const problem of await reminders.problems()) logger.warn("calendar problem", { problem });
  const bridge = new ReminderBridge(reminders, groups, config.knowledgeDir);
  const onboarding = new OnboardingBridge(core, groups, (groupId) => bridge.meetings(groupId));
  const modules = { reminders: bridge, onboarding };

  if (config.slack) {
    const slack = await startSlackSurface({
      core,
      config: config.slack,
      http,
      groups,
      feedback,
      logger,
      commands: slackCommands(modules),
      ingestLimits: config.ingest,
      sourceInbox: sources.runner,
    });
    notifiers.push(slack.notifier);
    stops.push(slack.stop);
  }
  if (config.teams) {
    const teams = await startTeamsSurface({
      core,
      config: config.teams,
      http,
      groups,
      feedback,
      logger,
      commands: teamsCommands(modules),
    });
    notifiers.push(teams.notifier);
    stops.push(teams.stop);
  }
  if (notifiers.length === 0) notifiers.push(new TerminalNotifier());

  let webUrl: string | null = null;
  if (exposure.webChat) {
    const web = await startWebSurface({
      core,
      config: config.web,
      host: config.host,
      http,
      groups,
      feedback,
      logger,
      providers: { upcoming: (request) => bridge.panel(request), introduction: onboarding.panel() },
      sourceStatus: async () => (await sources.runner.status()).map(describeSourceStatus),
    });
    stops.push(web.stop);
    webUrl = "";
  } else {
    process.stdout.write(`\n${exposure.notice}\n`);
    logger.warn("web chat is off: non-loopback address without SAMSYN_WEB_TOKEN", { host: config.host });
  }

  const address = await http.listen(config.port, config.host);
  reminders.start();
  if (webUrl !== null) {
    process.stdout.write(`\nSamsyn är igång. Öppna ${address.url}/ i webbläsaren (Ctrl+C avslutar).\n`);
    process.stdout.write("Terminalchatten finns också: npm run chat\n");
  }
  if (config.slack)
    process.stdout.write(
      config.slack.transport.kind === "socket"
        ? "Slack: ansluten via Socket Mode.\n"
        : `Slack: tar emot händelser på ${address.url}/slack/events (Request URL i Slack-appen).\n`,
    );
  if (config.teams)
    process.stdout.write(
      `Teams: tar emot meddelanden på ${address.url}/api/messages (Messaging endpoint).\n`,
    );
  if (config.logFormat === "text")
    process.stdout.write(`Loggen skrivs till ${path.join(config.dataDir, "logs", "samsyn.log")}.\n`);
  process.stdout.write(
    `${describeRefresh({ ...core.knowledge.status(), running: true }, core.index.catalog.stats().documents)}\n`,
  );
  for (const problem of sources.problems) process.stdout.write(`Varning: ${problem.message}\n`);
  for (const row of await sources.runner.status())
    process.stdout.write(`Källa ${describeSourceStatus(row)}\n`);
  const indexed = indexInBackground(core, logger);
  // Sources are fetched once the folder is indexed, so the first answers do not wait for the web.
  const stopSources = indexed.then(() =>
    scheduleSources(sources.runner, logger, (line) => process.stdout.write(`${line}\n`)),
  );
  // Other processes' ingests and (when on) changes to the knowledge folder reach this server by themselves.
  const stopFollowing = followKnowledge(core, logger);
  logger.info("samsyn is running", {
    url: address.url,
    slack: Boolean(config.slack),
    teams: Boolean(config.teams),
  });

  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  logger.info("shutting down");
  await stopFollowing();
  await indexed;
  await (await stopSources)();
  // A kept reading worker would keep this process alive.
  await core.knowledge.stopReader();
  await reminders.stop();
  for (const stop of stops) await stop();
  await http.close();
  core.close();
  return EXIT_OK;
}

/**
 * Reads the knowledge folder again while the surfaces serve; prints the summary with the group
 * files' warnings (a listed document can only be checked against the refreshed index). A failed
 * ingest leaves the previous index in use and says so.
 */
async function indexInBackground(core: Core, logger: Logger): Promise<void> {
  try {
    const summary = await refreshKnowledge(core, logger, { progress: true, warmUp: true });
    const { warnings, calendarProblems } = await loadCheckedGroups(
      core.config.knowledgeDir,
      core.index.catalog,
    );
    process.stderr.write(`${formatIngestSummary(summary, warnings, calendarProblems)}\n`);
    if (warnings.length > 0) logger.warn("group files need fixing", { warnings: warnings.length });
    logger.info("index ready", { documents: summary.documents, chunks: summary.chunks });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Indexeringen misslyckades; det förra indexet används. Orsak: ${message}\n`);
    logger.error("background ingest failed", { error });
  }
}

runCommand(main, START_USAGE);
