import { formatIngestSummary } from "../surfaces/cli/format-ingest-summary.ts";
import { EXIT_OK, runCommand } from "../surfaces/cli/run-command.ts";
import { runTerminalChat } from "../surfaces/cli/terminal-chat.ts";
import { bootstrap } from "./bootstrap.ts";

/**
 * `npm start`: brings the index up to date, then starts the surfaces that are configured. With no
 * chat tokens it opens the terminal chat, so the product does its main job on a fresh machine.
 */
async function main(): Promise<number> {
  const { core, logger, summary } = await bootstrap({ progress: true });
  process.stderr.write(`${formatIngestSummary(summary)}\n`);
  try {
    await runTerminalChat(core, logger);
  } finally {
    core.close();
  }
  return EXIT_OK;
}

runCommand(main);
