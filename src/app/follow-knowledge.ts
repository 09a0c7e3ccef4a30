import { KnowledgeFolderWatcher } from "../index/knowledge-folder-watcher.ts";
import type { Logger } from "../logger.ts";
import { formatIngestSummary } from "../surfaces/cli/format-ingest-summary.ts";
import type { Core } from "./compose.ts";

/** How often a server looks for an index another process committed; well inside the 2 s promised. */
export const INDEX_CHECK_INTERVAL_MS = 250;

/**
 * Keeps a long-running process on the newest index: loads what another process (`npm run ingest`,
 * a second server) committed, and, when `SAMSYN_WATCH_KNOWLEDGE` is on, indexes the knowledge
 * folder shortly after a file in it is added, changed or removed. Keeps the file-reading worker
 * between ingests: call `core.knowledge.stopReader()` once no ingest runs any more. Returns a stop
 * function that waits for an ingest the watcher started.
 */
export function followKnowledge(core: Core, logger: Logger): () => Promise<void> {
  const unfollow = core.knowledge.followOtherProcesses(INDEX_CHECK_INTERVAL_MS, logger);
  core.knowledge.keepReader();
  if (!core.config.watchKnowledge) {
    return async () => unfollow();
  }
  const watcher = new KnowledgeFolderWatcher(core.config.knowledgeDir, {
    logger,
    onChange: async () => {
      const summary = await core.knowledge.refresh({ logger });
      if (summary.added + summary.updated + summary.removed === 0) return;
      process.stderr.write(`${formatIngestSummary(summary)}\n`);
      logger.info("indexed a knowledge folder change", {
        added: summary.added,
        updated: summary.updated,
        removed: summary.removed,
      });
    },
  });
  const mode = watcher.start();
  logger.info("watching the knowledge folder", { mode });
  return async () => {
    unfollow();
    await watcher.stop();
  };
}
