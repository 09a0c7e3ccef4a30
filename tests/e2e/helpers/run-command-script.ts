import { spawn } from "node:child_process";
import path from "node:path";

/** The command-line entry points, as `npm run <script>` starts them. */
const COMMANDS = path.resolve(import.meta.dirname, "../../../src/surfaces/cli");

/** What a finished command printed, separately and together in the order it came. */
export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * Runs a command-line entry point (`ingest-command.ts`, `sources-command.ts` …) in its own Node
 * process as `npm run` does, with `env` added to the test's environment.
 */
export function runCommandScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(COMMANDS, script), ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const run = { stdout: "", stderr: "", output: "" };
    child.stdout.on("data", (data: Buffer) => {
      run.stdout += data.toString();
      run.output += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      run.stderr += data.toString();
      run.output += data.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, ...run }));
  });
}
