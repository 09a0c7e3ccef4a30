import type { Logger } from "../../logger.ts";
import { loggableError } from "./loggable-error.ts";

/**
 * Work that continues after the HTTP response. Teams waits only a few seconds for a bot to
 * acknowledge an activity, while an answer may take longer, so answers are sent proactively into
 * the conversation; stopping waits for what is under way.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `work`; a failure that escapes it is logged, never thrown into the void. */
  run(name: string, work: () => Promise<void>): void {
    const task = work()
      .catch((error: unknown) =>
        this.logger.error("teams background work failed", { name, error: loggableError(error) }),
      )
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Waits for the work under way, at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  /** How many tasks are under way (tests wait for zero). */
  get size(): number {
    return this.running.size;
  }
}
