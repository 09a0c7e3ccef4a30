import { randomUUID } from "node:crypto";
import os from "node:os";
import { SamsynError } from "../errors.ts";
import { isProcessRunning } from "../process-running.ts";
import { ensureModuleSchema, type SqliteDatabase } from "./sqlite-database.ts";

// One row: who is writing the index now. A process that dies leaves its row behind, so a row
// counts only while its heartbeat is recent and (on this machine) its process still runs.
const SCHEMA = [
  `CREATE TABLE ingest_lease (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     holder TEXT NOT NULL,
     pid INTEGER NOT NULL,
     host TEXT NOT NULL,
     heartbeat_at INTEGER NOT NULL
   )`,
];

/** Creates the lease table; done when the index is opened, not on every ingest. */
export function ensureIngestLeaseSchema(database: SqliteDatabase): void {
  ensureModuleSchema(database, "ingest-lease", SCHEMA);
}

/** Timing of the lease; the defaults suit ingests that block the event loop for a minute at most. */
export interface IngestLeaseOptions {
  /** A holder whose heartbeat is older than this is taken over, even when its process seems to run. */
  timeoutMs?: number;
  /** How often the holder renews its heartbeat. */
  heartbeatMs?: number;
  /** How often a waiting writer looks again. */
  retryMs?: number;
  /** Called once when another process holds the lease and this one starts to wait. */
  onWait?: (holder: LeaseHolder) => void;
}

/** The process that holds (or last held) the lease. */
export interface LeaseHolder {
  pid: number;
  host: string;
  /** Milliseconds since the holder's last heartbeat. */
  silentMs: number;
}

interface LeaseRow {
  holder: string;
  pid: number;
  host: string;
  heartbeat_at: number;
}

const DEFAULTS = { timeoutMs: 120_000, heartbeatMs: 2_000, retryMs: 200 };

/**
 * The right to write the index, shared by every process on the data folder (`npm start`,
 * `npm run ingest`, a second server): ingests queue behind each other instead of writing the same
 * rows from two stale views. Taken and checked in SQLite, so it needs no extra file; a killed
 * holder is taken over at once on the same machine and after `timeoutMs` elsewhere.
 */
export class IngestLease {
  private readonly token = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private lost = false;

  private constructor(private readonly database: SqliteDatabase) {}

  /** Waits until the lease is free (or its holder is gone), takes it and keeps it alive until `release`. */
  static async acquire(database: SqliteDatabase, options: IngestLeaseOptions = {}): Promise<IngestLease> {
    const settings = { ...DEFAULTS, ...options };
    const lease = new IngestLease(database);
    let waiting = false;
    for (;;) {
      const holder = lease.tryTake(settings.timeoutMs);
      if (holder === null) break;
      if (!waiting) options.onWait?.(holder);
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, settings.retryMs));
    }
    lease.timer = setInterval(() => lease.beat(), settings.heartbeatMs);
    lease.timer.unref();
    return lease;
  }

  /**
   * Renews the heartbeat; ingest also calls it from its progress reports, which keep coming while
   * a long synchronous stretch would starve the timer.
   */
  beat(): void {
    if (this.lost) return;
    try {
      const result = this.database
        .prepare("UPDATE ingest_lease SET heartbeat_at = ? WHERE id = 1 AND holder = ?")
        .run(Date.now(), this.token);
      if (result.changes === 0) this.lost = true;
    } catch {
      // Busy: another connection is writing; the next beat tries again, well within the timeout.
    }
  }

  /**
   * Throws unless this process still holds the lease; called inside the ingest's write transaction,
   * so a holder that was taken over (it stalled past the timeout) never commits over the new one.
   */
  assertHeld(): void {
    const row = readRow(this.database);
    if (!this.lost && row?.holder === this.token) return;
    this.lost = true;
    throw new SamsynError(
      "ingest_failed",
      "En annan process tog över indexeringen medan den här stod still; ingenting skrevs. Kör inläsningen igen (npm run ingest) om ändringarna inte syns.",
    );
  }

  /** Gives the lease up; a no-op when it was lost. */
  release(): void {
    clearInterval(this.timer);
    try {
      this.database.prepare("DELETE FROM ingest_lease WHERE id = 1 AND holder = ?").run(this.token);
    } catch {
      // The row stays; its heartbeat stops, and on this machine the next writer sees this process gone.
    }
  }

  /** Takes the lease when it is free or stale; otherwise returns who holds it. */
  private tryTake(timeoutMs: number): LeaseHolder | null {
    const now = Date.now();
    const seen = readRow(this.database);
    // Read without a write lock first: a busy holder is usually writing, and waiting for its write
    // lock would stall this process's event loop for up to the busy timeout.
    if (seen && !isStale(seen, now, timeoutMs)) return toHolder(seen, now);
    try {
      return this.database
        .transaction(() => {
          const row = readRow(this.database);
          if (row && !isStale(row, Date.now(), timeoutMs)) return toHolder(row, Date.now());
          this.database
            .prepare(
              `INSERT INTO ingest_lease(id, holder, pid, host, heartbeat_at) VALUES (1, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid,
                 host = excluded.host, heartbeat_at = excluded.heartbeat_at`,
            )
            .run(this.token, process.pid, os.hostname(), Date.now());
          return null;
        })
        .immediate();
    } catch (error) {
      if (String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY")) {
        return seen ? toHolder(seen, now) : { pid: 0, host: "", silentMs: 0 };
      }
      throw error;
    }
  }
}

function readRow(database: SqliteDatabase): LeaseRow | undefined {
  return database.prepare("SELECT holder, pid, host, heartbeat_at FROM ingest_lease WHERE id = 1").get() as
    | LeaseRow
    | undefined;
}

function toHolder(row: LeaseRow, now: number): LeaseHolder {
  return { pid: row.pid, host: row.host, silentMs: Math.max(0, now - row.heartbeat_at) };
}

function isStale(row: LeaseRow, now: number, timeoutMs: number): boolean {
  if (now - row.heartbeat_at > timeoutMs) return true;
  // Another connection of this very process may hold it (tests, two indexes); only its heartbeat counts.
  return row.host === os.hostname() && row.pid !== process.pid && !isProcessRunning(row.pid);
}
