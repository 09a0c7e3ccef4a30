import { setTimeout as sleep } from "node:timers/promises";

/**
 * Politeness towards web servers: one request at a time per host with a pause between two, while
 * different hosts are fetched in parallel up to a small limit.
 */
export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();
  private readonly delays = new Map<string, number>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly options: {
      delayMs: number;
      concurrency: number;
      now: () => number;
      signal?: AbortSignal;
    },
  ) {}

  /** Asks for a longer pause on one host (robots.txt Crawl-delay); never shorter than the setting. */
  slowDown(host: string, delayMs: number): void {
    this.delays.set(host, Math.max(this.options.delayMs, delayMs));
  }

  /** Runs `task` as the next request to `host`, after the previous one there has finished and the pause is over. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.tails.set(host, tail);
    try {
      await previous;
      const ended = this.lastEnd.get(host);
      const wait =
        ended === undefined
          ? 0
          : ended + (this.delays.get(host) ?? this.options.delayMs) - this.options.now();
      if (wait > 0) await sleep(wait, undefined, { signal: this.options.signal });
      // The host is ours now; only then take a slot, so a queue for one host never holds slots others could use.
      await this.acquire();
      try {
        return await task();
      } finally {
        this.lastEnd.set(host, this.options.now());
        this.releaseSlot();
      }
    } finally {
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
