import { spawn } from "node:child_process";
import path from "node:path";

const INGEST_COMMAND = path.resolve(import.meta.dirname, "../../../src/surfaces/cli/ingest-command.ts");

/** Runs `npm run ingest` as a person would, returning its exit code and what it printed. */
export function runIngest(
  knowledgeDir: string,
  dataDir: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", INGEST_COMMAND, "--knowledge", knowledgeDir], {
      env: { ...process.env, SAMSYN_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      output += data.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}
