import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { FakeBotConnector } from "../fakes/fake-bot-connector.ts";
import { FakeSlackApi } from "../fakes/fake-slack-api.ts";
import { poll } from "./helpers/poll.ts";
import { freePort, type SamsynProcess, startSamsynProcess } from "./helpers/samsyn-process.ts";

// The product as a person starts it: `npm start`'s entry point in its own process, configured only
// through the environment, with a calendar event whose reminder falls due about half a minute after
// the test begins. Slack and Teams are local stubs that speak their wire formats.

const SLACK_CHANNEL = "C0REMIND";
const TEAMS_CHANNEL = "19:remind@thread.tacv2";
const TITLE = "Beredningsmöte i Luleå";
const SEED = path.resolve(import.meta.dirname, "../../knowledge/halsam-samverkansstruktur.md");
const STOCKHOLM = "Europe/Stockholm";

/** Ticks every second; a claim not renewed for 3 s counts as abandoned by a dead process. */
const FAST_REMINDERS = { SAMSYN_REMINDER_INTERVAL_SECONDS: "1", SAMSYN_REMINDER_CLAIM_TIMEOUT_SECONDS: "3" };

/** The next whole minute at least `leadMs` away, in Stockholm time: reminders are set in minutes. */
function dueMinute(leadMs: number): DateTime {
  return DateTime.now()
    .setZone(STOCKHOLM)
    .plus({ milliseconds: leadMs })
    .startOf("minute")
    .plus({ minutes: 1 });
}

const folders: string[] = [];
const processes: SamsynProcess[] = [];
afterAll(async () => {
  await Promise.all(processes.map((started) => started.stop()));
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/**
 * A knowledge folder with one group (linked to a Slack and a Teams channel) whose calendar has no
 * events yet, and an empty data folder.
 */
function installation(): { knowledgeDir: string; dataDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-start-reminders-"));
  folders.push(root);
  const knowledgeDir = path.join(root, "knowledge");
  fs.mkdirSync(path.join(knowledgeDir, "groups"), { recursive: true });
  fs.mkdirSync(path.join(knowledgeDir, "calendar"));
  fs.copyFileSync(SEED, path.join(knowledgeDir, path.basename(SEED)));
  fs.writeFileSync(
    path.join(knowledgeDir, "groups", "beredningen.yaml"),
    [
      "name: Beredningen",
      `documents: [${path.basename(SEED)}]`,
      "visibility: internal",
      `channels: {slack: [${SLACK_CHANNEL}], teams: ["${TEAMS_CHANNEL}"]}`,
      "calendar: [beredningen.yaml]",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(
    path.join(knowledgeDir, "calendar", "beredningen.yaml"),
    "group: beredningen\nevents: []\n",
  );
  return { knowledgeDir, dataDir: path.join(root, "data") };
}

/**
 * Puts a meeting tomorrow into the running processes' calendar (they read it again when it
 * changes) with a reminder, "1 dag kl HH:MM", due at the next whole minute at least 20 s away.
 * Written once the processes run, so however long they took to start, the reminder lies ahead.
 */
function scheduleReminder(knowledgeDir: string): DateTime {
  const due = dueMinute(20_000);
  fs.writeFileSync(
    path.join(knowledgeDir, "calendar", "beredningen.yaml"),
    [
      "group: beredningen",
      "events:",
      "  - id: beredningsmote",
      `    title: ${TITLE}`,
      `    start: ${due.plus({ days: 1 }).toFormat("yyyy-MM-dd HH:mm")}`,
      `    reminders: ["1 dag kl ${due.toFormat("HH:mm")}"]`,
      "",
    ].join("\n"),
  );
  return due;
}

/** Samsyn with Slack over HTTP, its Web API at the stub. */
function slackEnvironment(
  slack: FakeSlackApi,
  knowledgeDir: string,
  dataDir: string,
): Record<string, string> {
  return {
    SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
    SAMSYN_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: "reminder-test-signing-secret",
    SLACK_API_URL: slack.apiUrl,
  };
}

async function start(env: Record<string, string>): Promise<SamsynProcess> {
  const started = await startSamsynProcess({ ...FAST_REMINDERS, PORT: String(await freePort()), ...env });
  processes.push(started);
  return started;
}

/** Waits until `due` has passed and the processes had a few ticks to act on it. */
async function pastDue(due: DateTime, afterMs = 6_000): Promise<void> {
  const wait = due.toMillis() + afterMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** The outbox rows of a data folder, as the product recorded them. */
function outboxRows(dataDir: string): { surface: string; state: string; note: string | null }[] {
  const database = new Database(path.join(dataDir, "samsyn.db"), { readonly: true, fileMustExist: true });
  try {
    return database.prepare("SELECT surface, state, note FROM reminder_outbox").all() as {
      surface: string;
      state: string;
      note: string | null;
    }[];
  } finally {
    database.close();
  }
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.concurrent("npm start sends reminders", { timeout: 240_000 }, () => {
  it("prints a due reminder once in the terminal when no chat platform is configured, with two processes on one data folder", async () => {
    const { knowledgeDir, dataDir } = installation();
    const env = { SAMSYN_KNOWLEDGE_DIR: knowledgeDir, SAMSYN_DATA_DIR: dataDir };
    const first = await start(env);
    const second = await start(env);
    const due = scheduleReminder(knowledgeDir);
    await poll(() => first.output().includes(TITLE) || second.output().includes(TITLE), 120_000);
    await pastDue(due);
    const printed = occurrences(first.output(), `Påminnelse: ${TITLE}`);
    expect(printed + occurrences(second.output(), `Påminnelse: ${TITLE}`)).toBe(1);
    expect(outboxRows(dataDir)).toEqual([expect.objectContaining({ surface: "terminal", state: "sent" })]);
  });

  it("posts a due reminder once to the group's Slack channel, with two processes on one data folder", async () => {
    const slack = await FakeSlackApi.start({ firstTs: Math.floor(Date.now() / 1000) });
    try {
      const { knowledgeDir, dataDir } = installation();
      const env = slackEnvironment(slack, knowledgeDir, dataDir);
      await start(env);
      await start(env);
      const due = scheduleReminder(knowledgeDir);
      const posted = await slack.waitFor(
        "chat.postMessage",
        (args) => args.channel === SLACK_CHANNEL,
        120_000,
      );
      expect(String(posted.args.text)).toContain(TITLE);
      expect(Date.now()).toBeGreaterThanOrEqual(due.toMillis());
      await pastDue(due);
      expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
      expect(outboxRows(dataDir)).toEqual([expect.objectContaining({ surface: "slack", state: "sent" })]);
    } finally {
      await slack.close();
    }
  });

  it("posts a due reminder once to the group's Teams channel, with two processes on one data folder", async () => {
    const connector = await FakeBotConnector.start({ requireToken: false });
    try {
      const { knowledgeDir, dataDir } = installation();
      const env = {
        SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
        SAMSYN_DATA_DIR: dataDir,
        MICROSOFT_APP_ID: "00000000-0000-4000-8000-00000000a11d",
        TEAMS_ALLOW_UNAUTHENTICATED: "true",
        TEAMS_SERVICE_URL: connector.serviceUrl,
      };
      await start(env);
      await start(env);
      const due = scheduleReminder(knowledgeDir);
      await poll(() => connector.activities.length > 0, 120_000);
      await pastDue(due);
      expect(connector.activities).toHaveLength(1);
      expect(connector.activities[0]?.conversationId).toBe(TEAMS_CHANNEL);
      expect(JSON.stringify(connector.activities[0]?.activity)).toContain(TITLE);
      expect(outboxRows(dataDir)).toEqual([expect.objectContaining({ surface: "teams", state: "sent" })]);
    } finally {
      await connector.close();
    }
  });

  it("does not post twice when the process is killed mid-send and started again", async () => {
    const slack = await FakeSlackApi.start({ firstTs: Math.floor(Date.now() / 1000) });
    try {
      // Slack receives the message but the answer never comes back: the process dies waiting.
      slack.postMessageMode = { kind: "hang" };
      const { knowledgeDir, dataDir } = installation();
      const env = slackEnvironment(slack, knowledgeDir, dataDir);
      const killed = await start(env);
      scheduleReminder(knowledgeDir);
      await slack.waitFor("chat.postMessage", () => true, 120_000);
      killed.child.kill("SIGKILL");
      await poll(() => !killed.alive(), 10_000);
      slack.postMessageMode = { kind: "normal" };
      await start(env);
      await slack.waitFor("conversations.history", (args) => args.channel === SLACK_CHANNEL, 60_000);
      await poll(() => outboxRows(dataDir)[0]?.state === "sent", 30_000);
      expect(outboxRows(dataDir)[0]?.note).toMatch(/återfunnen/);
      expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    } finally {
      await slack.close();
    }
  });

  it("does not post twice when a Slack call stalls longer than the claim timeout while another process runs", async () => {
    const slack = await FakeSlackApi.start({ firstTs: Math.floor(Date.now() / 1000) });
    try {
      // The message reaches the channel only when Slack answers, 10 s later: a process that took
      // the claim over meanwhile would find nothing in the history and post again.
      slack.postMessageMode = { kind: "slow", delayMs: 10_000 };
      const { knowledgeDir, dataDir } = installation();
      const env = slackEnvironment(slack, knowledgeDir, dataDir);
      await start(env);
      await start(env);
      scheduleReminder(knowledgeDir);
      await poll(() => outboxRows(dataDir)[0]?.state === "sent", 150_000);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
      expect(outboxRows(dataDir)).toEqual([expect.objectContaining({ surface: "slack", state: "sent" })]);
    } finally {
      await slack.close();
    }
  });
});
