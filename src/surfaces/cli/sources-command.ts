import { openCore } from "../../app/bootstrap.ts";
import { loadConfiguredSources, sourceRunner } from "../../app/compose-sources.ts";
import { loadConfig } from "../../config/config.ts";
import { silentLogger } from "../../logger.ts";
import { describeSourceStatus, describeSyncResult } from "../../sources/describe-source-status.ts";
import type { SourceProblem } from "../../sources/load-source-definitions.ts";
import { listSourceStatus } from "../../sources/source-status.ts";
import { formatIngestSummary } from "./format-ingest-summary.ts";
import {
  EXIT_BAD_INPUT,
  EXIT_FAILURE,
  EXIT_OK,
  parseCommandArguments,
  runCommand,
  UsageError,
} from "./run-command.ts";

const USAGE = `Användning:
  npm run sources -- status [--json]
      visar varje källa: slag, grupp, senaste synkning, antal dokument, nya/ändrade/borttagna och senaste fel
  npm run sources -- sync [--group GRUPP-ID] [--source KÄLL-ID]
      hämtar källorna (alla, en grupps eller en) och indexerar det som ändrats
Källorna anges under sources: i gruppfilerna och i knowledge/sources.yaml (se README, Källor).
Slutkod: 0 allt gick bra, 1 en källa misslyckades, 2 fel i anrop eller konfiguration.`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandArguments({
    options: { group: { type: "string" }, source: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true,
  });
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Okänt argument: ${extra.join(" ")}`);
  if (command !== "status" && command !== "sync")
    throw new UsageError(command ? `Okänt kommando "${command}".` : "Ange ett kommando: status eller sync.");
  if (command === "status" && (values.group !== undefined || values.source !== undefined))
    throw new UsageError("--group och --source hör till sync; status visar alla källor.");
  if (command === "sync" && values.json) throw new UsageError("--json hör till status.");
  if (command === "status") return status(Boolean(values.json));
  return sync(values.group, values.source);
}

async function status(json: boolean): Promise<number> {
  const config = loadConfig(process.env);
  const { sources, problems } = await loadConfiguredSources(config, silentLogger);
  for (const problem of problems) process.stderr.write(`Varning: ${problem.message}\n`);
  const rows = await listSourceStatus(config.dataDir, sources);
  if (json) process.stdout.write(`${JSON.stringify({ sources: rows, problems }, null, 2)}\n`);
  else if (rows.length === 0) process.stdout.write(`${noSources(problems)}\n`);
  else process.stdout.write(`${rows.map(describeSourceStatus).join("\n\n")}\n`);
  return exitCode(
    rows.some((row) => row.lastRun?.ok === false),
    problems,
  );
}

async function sync(groupId: string | undefined, sourceId: string | undefined): Promise<number> {
  // The sources are checked before the index is opened, so a wrong argument is answered at once.
  const { sources, problems } = await loadConfiguredSources(loadConfig(process.env), silentLogger);
  for (const problem of problems) process.stderr.write(`Varning: ${problem.message}\n`);
  const ids = sources.map(({ definition }) => definition.id);
  if (sourceId !== undefined && !ids.includes(sourceId))
    throw new UsageError(
      `Okänd källa "${sourceId}". ${ids.length > 0 ? `Finns: ${ids.join(", ")}` : noSources(problems)}`,
    );
  const fetched = sources.filter(
    ({ definition }) => definition.group === groupId && definition.kind !== "slack",
  );
  if (groupId !== undefined && fetched.length === 0)
    throw new UsageError(
      `Gruppen "${groupId}" har inga källor att hämta (web: eller sharepoint: under sources: i groups/${groupId}.yaml).`,
    );
  const { core, logger } = await openCore();
  try {
    const report = await sourceRunner(core, sources, logger).sync({
      ...(sourceId !== undefined ? { sourceId } : {}),
      ...(groupId !== undefined ? { groupId } : {}),
    });
    if (report.results.length === 0) process.stdout.write(`${noSources(problems)}\n`);
    for (const result of report.results) process.stdout.write(`${describeSyncResult(result)}\n`);
    if (report.ingest) process.stdout.write(`${formatIngestSummary(report.ingest)}\n`);
    else if (report.ingestError) process.stderr.write(`Indexeringen misslyckades: ${report.ingestError}\n`);
    else if (report.results.length > 0) process.stdout.write("Inget ändrades; indexet är oförändrat.\n");
    return exitCode(
      report.ingestError !== null || report.results.some((result) => result.outcome === "failed"),
      problems,
    );
  } finally {
    await core.knowledge.stopReader();
    core.close();
  }
}

function noSources(problems: readonly SourceProblem[]): string {
  return problems.length > 0
    ? "Inga källor kunde läsas; rätta felen ovan."
    : "Inga källor är konfigurerade. Lägg till sources: i en gruppfil eller i knowledge/sources.yaml (se README, Källor).";
}

function exitCode(failed: boolean, problems: readonly SourceProblem[]): number {
  if (failed) return EXIT_FAILURE;
  return problems.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

runCommand(main, USAGE);
