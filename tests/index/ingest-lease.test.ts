import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureIngestLeaseSchema, IngestLease, type LeaseHolder } from "../../src/index/ingest-lease.ts";
import { openDatabase, type SqliteDatabase } from "../../src/index/sqlite-database.ts";
import { temporaryFolder } from "../builders/core.ts";

const HOLDER = path.resolve(import.meta.dirname, "../e2e/helpers/hold-ingest-lease.ts");
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Two connections to one database file, as two processes on one data folder have. */
function twoConnections(): { file: string; first: SqliteDatabase; second: SqliteDatabase } {
  const folder = temporaryFolder("samsyn-lease-");
  const file = path.join(folder.dir, "samsyn.db");
  const first = openDatabase(file);
  const second = openDatabase(file);
  ensureIngestLeaseSchema(first);
  cleanups.push(() => {
    first.close();
    second.close();
    folder.cleanup();
  });
  return { file, first, second };
}

const settled = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  return done;
};

describe("ingest lease", () => {
  it("lets a second writer wait until the first releases, telling it who writes", async () => {
    const { first, second } = twoConnections();
    const held = await IngestLease.acquire(first);
    const waits: LeaseHolder[] = [];
    const next = IngestLease.acquire(second, { retryMs: 20, onWait: (holder) => waits.push(holder) });
    expect(await settled(next, 300)).toBe(false);
    expect(waits).toHaveLength(1);
    expect(waits[0]?.pid).toBe(process.pid);
    held.release();
    const taken = await next;
    expect(() => taken.assertHeld()).not.toThrow();
    taken.release();
  });

  it("keeps a beating holder past the timeout", async () => {
    const { first, second } = twoConnections();
    const held = await IngestLease.acquire(first, { heartbeatMs: 50 });
    const next = IngestLease.acquire(second, { retryMs: 20, timeoutMs: 300 });
    expect(await settled(next, 900)).toBe(false);
    held.release();
    (await next).release();
  });

  it("takes over from a silent holder after the timeout, and the old holder can no longer commit", async () => {
    const { first, second } = twoConnections();
    // Its heartbeat never comes within the test: a writer whose event loop is stuck.
    const stuck = await IngestLease.acquire(first, { heartbeatMs: 60_000 });
    const waits: LeaseHolder[] = [];
    const taken = await IngestLease.acquire(second, {
      retryMs: 20,
      timeoutMs: 300,
      onWait: (holder) => waits.push(holder),
    });
    expect(waits).toHaveLength(1);
    expect(() => stuck.assertHeld()).toThrow(/En annan process tog över indexeringen/);
    expect(() => taken.assertHeld()).not.toThrow();
    // Releasing the lost lease must not free the new holder's.
    stuck.release();
    expect(() => taken.assertHeld()).not.toThrow();
    taken.release();
  });

  it("does not wait for a writer that was killed", { timeout: 60_000 }, async () => {
    const { file, first } = twoConnections();
    const child = spawn(process.execPath, ["--import", "tsx", HOLDER, file], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("held")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    });
    const waits: LeaseHolder[] = [];
    const next = IngestLease.acquire(first, { retryMs: 20, onWait: (holder) => waits.push(holder) });
    expect(await settled(next, 300)).toBe(false);
    expect(waits[0]?.pid).toBe(child.pid);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    // The default timeout is two minutes; a dead process on this machine is noticed at once.
    const started = Date.now();
    const taken = await next;
    expect(Date.now() - started).toBeLessThan(5_000);
    taken.release();
  });
});
