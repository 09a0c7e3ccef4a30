import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { temporaryFolder } from "../builders/core.ts";
import { poll } from "./helpers/poll.ts";
import { runIngest } from "./helpers/run-ingest.ts";
import { REPOSITORY } from "./helpers/samsyn-process.ts";

// `npm run chat` in one terminal, `npm run ingest` in another: the chat answers from what the other
// process indexed, without being restarted.

const CHAT_COMMAND = path.join(REPOSITORY, "src/surfaces/cli/chat-command.ts");
const QUESTION = "Vem samordnar strandvärdarna på Mellbystrand?";
const MELLBY_DOCUMENT = `# Strandvärdar på Mellbystrand

Strandvärdarna på Mellbystrand samordnas av Laholms kommun tillsammans med Region Hallands lokala nämnd i Laholm.
`;

const folder = temporaryFolder("samsyn-chat-follows-");
const knowledgeDir = path.join(folder.dir, "knowledge");
const dataDir = path.join(folder.dir, "data");
let chat: ChildProcessWithoutNullStreams | undefined;
afterAll(async () => {
  if (chat && chat.exitCode === null) {
    const exited = new Promise((resolve) => chat?.once("exit", resolve));
    chat.kill("SIGTERM");
    await exited;
  }
  folder.cleanup();
});

/** `npm run chat` on the test's folders, with everything it prints collected. */
function startChat(): { child: ChildProcessWithoutNullStreams; printed: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", CHAT_COMMAND], {
    cwd: REPOSITORY,
    env: {
      ...process.env,
      SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
      SAMSYN_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (data: Buffer) => {
    stdout += data.toString("utf8");
  });
  child.stderr.on("data", () => {});
  return { child, printed: () => stdout };
}

describe("npm run chat beside npm run ingest", () => {
  it("answers from the index another process wrote while the chat was running", async () => {
    fs.mkdirSync(knowledgeDir, { recursive: true });
    fs.writeFileSync(
      path.join(knowledgeDir, "reglemente.md"),
      "# Reglemente\n\nBeredningen sammanträder fyra gånger per år i Laholm.\n",
    );
    const session = startChat();
    chat = session.child;
    /** Types a line and waits for what it prints in return. */
    const say = async (line: string, until: (reply: string) => boolean): Promise<string> => {
      const from = session.printed().length;
      session.child.stdin.write(`${line}\n`);
      await poll(() => until(session.printed().slice(from)), 60_000);
      return session.printed().slice(from);
    };
    await poll(() => session.printed().includes("ställ en fråga"), 120_000);
    expect(await say("status", (reply) => reply.includes("avsnitt"))).toContain("1 dokument");
    expect(await say(QUESTION, (reply) => reply.trim().length > 0 && reply.endsWith("\n\n"))).not.toContain(
      "samordnas av Laholms kommun",
    );

    fs.writeFileSync(path.join(knowledgeDir, "mellbystrand.md"), MELLBY_DOCUMENT);
    const ingest = await runIngest(knowledgeDir, dataDir);
    expect(ingest.code, ingest.output).toBe(0);

    expect(await say("status", (reply) => reply.includes("avsnitt"))).toContain("2 dokument");
    const answer = await say(QUESTION, (reply) => reply.includes("Källor:") && reply.endsWith("\n\n"));
    expect(answer).toContain("samordnas av Laholms kommun");
    expect(answer).toContain("Strandvärdar på Mellbystrand");

    session.child.stdin.end("avsluta\n");
    const code = await new Promise((resolve) => session.child.once("exit", resolve));
    expect(code).toBe(0);
  });
});
