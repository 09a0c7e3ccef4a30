import type { Config } from "../config/config.ts";
import type { Logger } from "../logger.ts";
import { type ConfiguredSource, createSources, type SourceFactories } from "../sources/create-sources.ts";
import { loadSourceDefinitions, type SourceProblem } from "../sources/load-source-definitions.ts";
import { sharePointSource } from "../sources/sharepoint/sharepoint-source.ts";
import { SourceRunner } from "../sources/source-runner.ts";
import { webSource } from "../sources/web/web-source.ts";
import type { Core } from "./compose.ts";

/**
 * The adapters available for sources, per kind. The web and SharePoint adapters plug in here; a
 * kind left out syncs with a Swedish "not available" message instead of crashing.
 */
export function sourceFactories(config: Config, _logger: Logger): SourceFactories {
  const { graph } = config;
  return {
    web: (definition) => webSource(definition, config.webSources),
    sharepoint:
      "unavailable" in graph
        ? { unavailable: graph.unavailable }
        : (definition) => sharePointSource(definition, graph, { maxFileBytes: config.ingest.maxFileBytes }),
  };
}

/**
 * The configured sources with their adapters, and the configuration problems (Swedish, naming file
 * and line) for the caller to show; cheap, so status can be read without opening the index.
 */
export async function loadConfiguredSources(
  config: Config,
  logger: Logger,
  factories: SourceFactories = sourceFactories(config, logger),
): Promise<{ sources: ConfiguredSource[]; problems: SourceProblem[] }> {
  const { definitions, problems } = await loadSourceDefinitions(config.knowledgeDir);
  return { sources: createSources(definitions, factories), problems };
}

/** Builds the runner that syncs the configured sources into `core`'s index. */
export async function composeSources(
  core: Pick<Core, "config" | "index" | "knowledge">,
  logger: Logger,
  factories?: SourceFactories,
): Promise<{ runner: SourceRunner; problems: SourceProblem[] }> {
  const { sources, problems } = await loadConfiguredSources(core.config, logger, factories);
  return { runner: sourceRunner(core, sources, logger), problems };
}

/** The runner for sources already loaded (`loadConfiguredSources`), syncing into `core`'s index. */
export function sourceRunner(
  core: Pick<Core, "index" | "knowledge">,
  sources: readonly ConfiguredSource[],
  logger: Logger,
): SourceRunner {
  return new SourceRunner({
    dataDir: core.index.dataDir,
    sources,
    ingest: () => core.knowledge.refresh({ logger }),
    catalog: core.index.catalog,
    logger,
  });
}
