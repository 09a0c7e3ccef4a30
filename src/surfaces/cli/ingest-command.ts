import { bootstrap } from "../../app/bootstrap.ts";
import { loadCheckedGroups } from "../../app/load-checked-groups.ts";
import { formatIngestSummary } from "./format-ingest-summary.ts";
import { EXIT_BAD_INPUT, EXIT_OK, parseCommandArguments, runCommand } from "./run-command.ts";

const USAGE = `Användning: npm run ingest -- [--knowledge MAPP] [--data MAPP]
Indexerar kunskapsmappen stegvis: nya och ändrade filer läses in, borttagna försvinner.`;

async function main(): Promise<number> {
  const { values } = parseArguments();
  const { core, summary } = await bootstrap({
    progress: true,
    overrides: {
      ...(values.knowledge ? { knowledgeDir: values.knowledge } : {}),
      ...(values.data ? { dataDir: values.data } : {}),
    },
  });
  const { warnings, calendarProblems, withheld } = await loadCheckedGroups(
    core.config.knowledgeDir,
    core.index.catalog,
  );
  core.close();
  process.stdout.write(`${formatIngestSummary(summary, warnings, calendarProblems)}\n`);
  return summary.skipped.length > 0 || withheld > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

function parseArguments() {
  return parseCommandArguments({
    options: { knowledge: { type: "string" }, data: { type: "string" } },
    strict: true,
  });
}

runCommand(main, USAGE);
