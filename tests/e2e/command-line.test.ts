import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startSamsynProcess } from "./helpers/samsyn-process.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPTS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

/** Every npm script that runs one of Samsyn's own entry points through tsx. */
const COMMANDS = Object.entries(SCRIPTS)
  .map(([name, command]) => ({ name, file: /^tsx (\S+\.ts)$/.exec(command)?.[1] }))
  .filter((entry): entry is { name: string; file: string } => entry.file !== undefined);

/** Words of Node's and the validators' English messages that must never reach a person. */
const ENGLISH = /\b(Unknown option|positional|argument missing|does not take|Invalid|Error:|must match)\b/;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the jobs at most `limit` at a time: every command loads its whole module graph through tsx. */
async function inTurns<T>(jobs: (() => Promise<T>)[], limit = 3): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const position = next++;
      results[position] = await (jobs[position] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

function run(file: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: ROOT,
      env: { ...process.env, SAMSYN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-cli-")), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("every command", () => {
  it("covers the commands people run", () => {
    expect(COMMANDS.map((command) => command.name)).toEqual(
      expect.arrayContaining([
        "start",
        "ingest",
        "chat",
        "ask",
        "eval",
        "bench",
        "calendar",
        "intro",
        "sources",
      ]),
    );
  });

  it("prints its Swedish usage for --help and -h and exits 0 without doing anything else", async () => {
    // -h is the same code path; two commands show it, every command shows --help.
    const outcomes = await inTurns(
      COMMANDS.flatMap(({ name, file }) =>
        (["start", "ask"].includes(name) ? ["--help", "-h"] : ["--help"]).map((flag) => async () => ({
          name,
          flag,
          outcome: await run(file, [flag]),
        })),
      ),
    );
    for (const { name, flag, outcome } of outcomes) {
      expect({ name, flag, code: outcome.code }).toEqual({ name, flag, code: 0 });
      expect(outcome.stdout, name).toMatch(/^Användning:/);
      expect(outcome.stdout, name).not.toMatch(ENGLISH);
      // Nothing was started or indexed: no log lines, no progress.
      expect(outcome.stderr, name).toBe("");
    }
  }, 300_000);

  it("names an unknown option in Swedish, with the usage, and exits 2", async () => {
    const outcomes = await inTurns(
      COMMANDS.map(({ name, file }) => async () => ({ name, outcome: await run(file, ["--finns-inte"]) })),
    );
    for (const { name, outcome } of outcomes) {
      expect({ name, code: outcome.code }).toEqual({ name, code: 2 });
      expect(outcome.stderr, name).toContain("Okänt val: --finns-inte");
      expect(outcome.stderr, name).toContain("Användning:");
      expect(outcome.stderr, name).not.toMatch(ENGLISH);
    }
  }, 300_000);

  it("says in Swedish when an option lacks its value", async () => {
    const ask = COMMANDS.find((command) => command.name === "ask");
    const outcome = await run(ask?.file ?? "", ["Vem är ordförande?", "--group"]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("Valet --group behöver ett värde");
    expect(outcome.stderr).not.toMatch(ENGLISH);
  });
});

describe("npm start on a busy port", () => {
  let blocker: net.Server;
  let port = 0;
  beforeAll(async () => {
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    port = (blocker.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it("names the port and how to choose another, without a stack trace", async () => {
    const outcome = await run("src/app/main.ts", [], { PORT: String(port) });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`Porten ${port} används redan`);
    expect(outcome.stderr).toContain(`PORT=${port + 1} npm start`);
    expect(outcome.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
  }, 60_000);

  it("reads PORT from the .env file the README tells people to write, and the environment wins", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-env-"));
    const envFile = path.join(folder, ".env");
    fs.writeFileSync(envFile, `# as in .env.example\nPORT=${port}\nSAMSYN_HOST=127.0.0.1\n`);
    const fromFile = await run("src/app/main.ts", [], { SAMSYN_ENV_FILE: envFile });
    expect(fromFile.stderr).toContain(`Porten ${port} används redan`);

    fs.writeFileSync(envFile, "SAMSYN_HOST=finns.inte.invalid\n");
    const environmentWins = await run("src/app/main.ts", [], {
      SAMSYN_ENV_FILE: envFile,
      SAMSYN_HOST: "127.0.0.1",
      PORT: String(port),
    });
    expect(environmentWins.stderr).toContain(`Porten ${port} används redan`);
  }, 60_000);
});

describe("npm start's console", () => {
  it("is for people: Swedish lines, no JSON log entries, which go to the log file in the data folder", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-console-"));
    const samsyn = await startSamsynProcess({
      LOG_FORMAT: undefined,
      SAMSYN_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      // Development mode: its security warning must reach the console, not only the log file.
      TEAMS_ALLOW_UNAUTHENTICATED: "true",
    });
    try {
      const console = samsyn.output();
      expect(console).toMatch(/Samsyn är igång\. Öppna http:\/\/127\.0\.0\.1:\d+\/ i webbläsaren/);
      expect(console).toMatch(/Indexering klar på/);
      expect(console).toMatch(/Teams: tar emot meddelanden på http:\/\/127\.0\.0\.1:\d+\/api\/messages/);
      expect(console).toContain(
        "VARNING: Teams-kopplingen tar emot anrop UTAN kontroll av Bot Framework-token",
      );
      expect(console).not.toMatch(/\{"|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\b(INFO|WARN|DEBUG)\b/);
      const log = fs.readFileSync(path.join(dataDir, "logs", "samsyn.log"), "utf8");
      expect(log).toMatch(/ INFO samsyn is running \{"url":"http:\/\/127\.0\.0\.1:\d+"/);
      expect(log).toMatch(/ INFO calendar loaded /);
    } finally {
      await samsyn.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
