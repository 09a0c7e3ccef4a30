import path from "node:path";
import { type Config, loadConfig } from "../config/config.ts";
import type { IngestSummary } from "../index/ingest-knowledge.ts";
import type { LeaseHolder } from "../index/ingest-lease.ts";
import { createLogger, type Logger, logSink } from "../logger.ts";
import { createProgressBar } from "../surfaces/cli/progress-bar.ts";
import { type Core, composeCore } from "./compose.ts";

/** Options for starting the core from a command. */
export interface BootstrapOptions {
  /** Overrides of the environment (e.g. a temporary data folder for eval). */
  overrides?: Partial<Pick<Config, "knowledgeDir" | "dataDir">>;
  /** Show a progress bar while indexing. */
  progress?: boolean;
  /**
   * Ask one question of every kind before returning, so a long-running process answers its first
   * users as fast as later ones (offline embedder only: a model server would be called for each).
   */
  warmUp?: boolean;
}

/** Reads the environment and builds the core on the index as it is (not yet refreshed). */
export async function openCore(
  options: Pick<BootstrapOptions, "overrides"> = {},
): Promise<{ core: Core; logger: Logger }> {
  const config = { ...loadConfig(process.env), ...options.overrides };
  const logger = createLogger(
    config.logLevel,
    {},
    logSink(config.logFormat, path.join(config.dataDir, "logs", "samsyn.log")),
  );
  return { core: await composeCore(config, logger), logger };
}

/** Brings the index in line with the knowledge folder, then warms the answer path up when asked to. */
export async function refreshKnowledge(
  core: Core,
  logger: Logger,
  options: Pick<BootstrapOptions, "progress" | "warmUp"> = {},
): Promise<IngestSummary> {
  const summary = await core.knowledge.refresh({
    logger,
    ...(options.progress
      ? {
          onProgress: createProgressBar(),
          onWait: (holder: LeaseHolder) =>
            process.stderr.write(
              `Väntar på att en annan indexering av samma datamapp blir klar (process ${holder.pid}) …\n`,
            ),
        }
      : {}),
  });
  if (options.warmUp && core.config.embedding === null) await core.answers.warmUp();
  return summary;
}

/** Reads the environment, builds the core and brings the index up to date with the knowledge folder. */
export async function bootstrap(
  options: BootstrapOptions = {},
): Promise<{ core: Core; logger: Logger; summary: IngestSummary }> {
  const { core, logger } = await openCore(options);
  return { core, logger, summary: await refreshKnowledge(core, logger, options) };
}
