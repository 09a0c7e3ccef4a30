import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

/** The repository root, where `npm start` runs. */
export const REPOSITORY = path.resolve(import.meta.dirname, "../../..");

/** A running `npm start` process. */
export interface SamsynProcess {
  child: ChildProcess;
  pid: number;
  /** The shared HTTP server's base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Stops the process (SIGTERM, then SIGKILL) and removes its temporary data folder. */
  stop(): Promise<void>;
}

/** What ended a process that was not expected to keep running. */
export interface SamsynExit {
  code: number | null;
  output: string;
}

/** A free TCP port on 127.0.0.1 (`PORT` must be positive, so 0 cannot be passed on). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * Starts the product's entry point (`src/app/main.ts`, as `npm start` runs it, in one Node process
 * so its pid is the server's) on a free loopback port with a temporary `SAMSYN_DATA_DIR`, and waits
 * until it logs that it is running. `env` adds to (or, with `undefined`, removes from) the environment.
 */
export async function startSamsynProcess(
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
  /** Also wait until the knowledge folder is indexed: Samsyn serves from the old index before that. */
  untilIndexed = true,
): Promise<SamsynProcess> {
  const { child, output, dataDir } = spawnSamsyn(env);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not running after ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const check = () => {
      // The log line (LOG_LEVEL info, JSON on stdout) or, with the web chat on, the line printed for people.
      const match =
        /"message":"samsyn is running","url":"([^"]+)"/.exec(output()) ??
        /Samsyn är igång\. Öppna (\S+?)\/ i/.exec(output());
      const indexed = !untilIndexed || /Indexering klar på|Indexeringen misslyckades/.test(output());
      if (match?.[1] && indexed) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before running:\n${output()}`));
    });
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  let url: string;
  try {
    url = await started;
  } catch (error) {
    // A start that timed out must not leave a server running in the background.
    if (alive()) child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    child,
    pid: child.pid as number,
    url,
    output,
    alive,
    stop: async () => {
      if (alive()) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(killer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the entry point until it exits by itself (a refused start) and returns its code and output. */
export async function runSamsynUntilExit(
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<SamsynExit> {
  const { child, output, dataDir } = spawnSamsyn(env);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exit) => resolve(exit)));
  clearTimeout(timer);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { code, output: output() };
}

/** Resident memory of a process in kB, read from `/proc/<pid>/status` (VmRSS). */
export function residentKilobytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

function spawnSamsyn(env: Record<string, string | undefined>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-process-"));
  const environment: Record<string, string | undefined> = {
    ...process.env,
    SAMSYN_DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    // The tests read the machine log from the output; people see the console without it.
    LOG_FORMAT: "json",
    ...env,
  };
  // The test runner's own settings would change how the product behaves.
  for (const key of ["NODE_OPTIONS", "VITEST", "VITEST_WORKER_ID", "VITEST_POOL_ID", "NODE_ENV"]) {
    if (!(key in env)) delete environment[key];
  }
  const defined = Object.entries(environment).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const child = spawn(process.execPath, ["--import", "tsx", "src/app/main.ts"], {
    cwd: REPOSITORY,
    env: Object.fromEntries(defined),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return { child, dataDir, output: () => text };
}
