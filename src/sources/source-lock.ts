import { mkdir, open, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isProcessRunning } from "../process-running.ts";

const LOCK_FILE = ".sync.lock";
/** A lock older than this is taken over even when its process seems to run (a stuck sync). */
const STALE_MS = 6 * 60 * 60_000;

/** The process that holds a source's lock. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/**
 * The right to sync one source, shared by every process on the data folder (`npm start` and
 * `npm run sources -- sync`): a file with the holder's pid, created exclusively. A lock left by a
 * process that is gone (same machine) or that is very old is taken over.
 */
export class SourceLock {
  private constructor(private readonly file: string) {}

  /** Takes the lock of the source in `folder`, or returns who holds it. */
  static async take(folder: string): Promise<SourceLock | LockHolder> {
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(file, "wx");
        const holder: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
        await handle.writeFile(JSON.stringify(holder));
        await handle.close();
        return new SourceLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = await readHolder(file);
      if (holder !== null && !isStale(holder)) return holder;
      // Gone or unreadable (a crash between creating and writing it): take it over.
      await rm(file, { force: true });
    }
    return (await readHolder(file)) ?? { pid: 0, host: "", since: "" };
  }

  /** Gives the lock up. */
  async release(): Promise<void> {
    await rm(this.file, { force: true });
  }
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    const value = JSON.parse(await readFile(file, "utf8")) as Partial<LockHolder>;
    if (typeof value.pid !== "number" || typeof value.host !== "string" || typeof value.since !== "string")
      return null;
    return { pid: value.pid, host: value.host, since: value.since };
  } catch {
    return null;
  }
}

function isStale(holder: LockHolder): boolean {
  if (Date.now() - Date.parse(holder.since) > STALE_MS) return true;
  return holder.host === os.hostname() && !isProcessRunning(holder.pid);
}
