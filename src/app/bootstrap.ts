import { type Config, loadConfig } from "../config/config.ts";
import { type IngestSummary, ingestKnowledge } from "../index/ingest-knowledge.ts";
import { createLogger, type Logger } from "../logger.ts";
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

/** Reads the environment, builds the core and brings the index up to date with the knowledge folder. */
export async function bootstrap(
  options: BootstrapOptions = {},
): Promise<{ core: Core; logger: Logger; summary: IngestSummary }> {
  const config = { ...loadConfig(process.env), ...options.overrides };
  const logger = createLogger(config.logLevel);
  const core = await composeCore(config, logger);
  const summary = await ingestKnowledge(core.index, config.knowledgeDir, {
    logger,
    ...(options.progress ? { onProgress: createProgressBar() } : {}),
  });
  core.retriever.invalidate();
  if (options.warmUp && config.embedding === null) await core.answers.warmUp();
  return { core, logger, summary };
}
