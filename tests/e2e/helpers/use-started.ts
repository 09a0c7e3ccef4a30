import { afterAll, beforeAll } from "vitest";

/** Registers a cleanup; cleanups run last-registered first. */
export type OnStop = (cleanup: () => unknown) => void;

/**
 * Starts what `start` builds before the file's tests and runs the cleanups it registered after
 * them. Cleanups are registered as each part starts, so a start that fails halfway still stops the
 * parts that did start.
 */
export function useStarted<T extends object>(start: (onStop: OnStop) => Promise<T>, timeoutMs?: number): T {
  const started = {} as T;
  const cleanups: (() => unknown)[] = [];
  beforeAll(async () => {
    Object.assign(started, await start((cleanup) => cleanups.push(cleanup)));
  }, timeoutMs);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return started;
}
