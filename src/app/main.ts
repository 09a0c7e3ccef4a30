import path from "node:path";
import { SqliteFeedbackStore } from "../feedback/feedback-store.ts";
import { loadGroups } from "../knowledge/groups.ts";
import { HttpServer } from "../surfaces/http/http-server.ts";
import { formatIngestSummary } from "../surfaces/cli/format-ingest-summary.ts";
import { EXIT_OK, runCommand } from "../surfaces/cli/run-command.ts";
import { runTerminalChat } from "../surfaces/cli/terminal-chat.ts";
import { startSlackSurface } from "../surfaces/slack/start-slack-surface.ts";
import { bootstrap } from "./bootstrap.ts";
import { userHashSalt } from "./user-hash-salt.ts";

/**
 * `npm start`: brings the index up to date, then starts the surfaces that are configured. With no
 * chat tokens it opens the terminal chat, so the product does its main job on a fresh machine.
 */
async function main(): Promise<number> {
  const { core, logger, summary } = await bootstrap({ progress: true });
  process.stderr.write(`${formatIngestSummary(summary)}\n`);
  const { config } = core;
  if (!config.slack) {
    try {
      await runTerminalChat(core, logger);
    } finally {
      core.close();
    }
    return EXIT_OK;
  }

  const { groups, problems } = await loadGroups(path.join(config.knowledgeDir, "groups"));
  for (const problem of problems) logger.warn("group file skipped", { file: problem.file, reason: problem.message });
  const feedback = new SqliteFeedbackStore(core.index.database, userHashSalt(core.index.database, config.userHashSalt));
  const http = new HttpServer(logger);
  const slack = await startSlackSurface({ core, config: config.slack, http, groups, feedback, logger });
  const address = await http.listen(config.port, config.host);
  logger.info("samsyn is running", { url: address.url });

  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });
  logger.info("shutting down");
  await slack.stop();
  await http.close();
  core.close();
  return EXIT_OK;
}

runCommand(main);
