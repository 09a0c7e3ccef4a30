/** Where the reminders module gets the current time; injected so tests can move time by hand. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests, benchmarks, `--now` in commands). */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  /** The clock's current instant. */
  now(): Date {
    return new Date(this.current);
  }

  /** Jumps to `instant`. */
  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  /** Moves the clock forward by `milliseconds`. */
  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
