import type { Logger } from "../logger.ts";
import { describeSyncResult } from "../sources/describe-source-status.ts";
import type { SourceRunner } from "../sources/source-runner.ts";

/** How often a running Samsyn looks for sources whose interval has passed. */
const CHECK_INTERVAL_MS = 60_000;

/**
 * Syncs the configured sources while `npm start` runs: once at start (every source never synced or
 * due by now), then each source when its interval (`every:`) has passed. Each sync's outcome is
 * printed in Swedish; a failing source is retried within the hour by the runner and never stops the
 * others. Returns a function that stops the schedule and waits for a sync in progress.
 */
export function scheduleSources(
  runner: SourceRunner,
  logger: Logger,
  print: (line: string) => void,
  intervalMs = CHECK_INTERVAL_MS,
): () => Promise<void> {
  if (runner.sources.every(({ definition }) => definition.kind === "slack")) return async () => {};
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const report = await runner.syncDue();
        for (const result of report.results) print(describeSyncResult(result));
        if (report.ingestError) print(`Källornas dokument kunde inte indexeras: ${report.ingestError}`);
        if (report.results.length > 0)
          logger.info("sources synced", {
            sources: report.results.length,
            failed: report.results.filter((result) => result.outcome !== "synced").length,
          });
      } catch (error) {
        logger.error("scheduled source sync failed", { error });
      }
    });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
