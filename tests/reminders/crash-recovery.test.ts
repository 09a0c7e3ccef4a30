import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileNotifier } from "./helpers/file-notifier.ts";
import { type ReminderHarness, reminderHarness } from "./helpers/reminder-harness.ts";

const CHILD = path.resolve(import.meta.dirname, "helpers/dispatch-child.ts");
const CALENDAR = `group: g
events:
  - id: mote
    title: Möte
    start: 2027-02-09 13:00
`;
const KEY = "mote@2027-02-09T13:00|7d|slack:channel:C-g";

let harness: ReminderHarness | undefined;
afterEach(() => harness?.cleanup());

/** Runs a tick in a child process and kills it with SIGKILL as soon as it signals `trigger`. */
function killChildAt(trigger: "SENT" | "CLAIMED", sendsFile: string, now: string): Promise<string> {
  const current = harness as ReminderHarness;
  const hang = trigger === "SENT" ? "after-send" : "before-send";
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", CHILD, current.knowledgeDir, current.databaseFile, sendsFile, now, hang],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    let errors = "";
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString();
      if (output.includes(trigger)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (data: Buffer) => {
      errors += data.toString();
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL"
        ? resolve(output)
        : reject(new Error(`child ended without being killed: ${output}${errors}`)),
    );
  });
}

async function plannedThenKilled(trigger: "SENT" | "CLAIMED"): Promise<string> {
  harness = reminderHarness({ "g.yaml": CALENDAR }, "2027-02-02T08:00:00+01:00");
  const sendsFile = path.join(harness.knowledgeDir, "sends.jsonl");
  await harness.service([new FileNotifier(sendsFile, true)]).tick();
  await killChildAt(trigger, sendsFile, "2027-02-02T09:00:05+01:00");
  return sendsFile;
}

describe("a dispatcher killed between send and mark", () => {
  it("finds the delivery on restart and does not send it again", async () => {
    const sendsFile = await plannedThenKilled("SENT");
    const notifier = new FileNotifier(sendsFile, true);
    expect(notifier.lines().map((line) => line.key)).toEqual([KEY]);
    const current = harness as ReminderHarness;

    // Restarted at once: the claim may still belong to a live process, so it is left alone.
    current.clock.set("2027-02-02T09:00:30+01:00");
    const early = current.service([notifier]);
    expect(await early.tick()).toMatchObject({ sent: 0, recovered: 0 });
    expect(early.outbox.get(KEY)?.state).toBe("claimed");

    current.clock.set("2027-02-02T09:03:00+01:00");
    const restarted = current.service([notifier]);
    expect(await restarted.tick()).toMatchObject({ sent: 0, recovered: 1 });
    expect(notifier.lines().map((line) => line.key)).toEqual([KEY]);
    expect(restarted.outbox.get(KEY)).toMatchObject({
      state: "sent",
      messageId: "file-1",
      note: "återfunnen efter avbrott; inte skickad igen",
    });
    await restarted.tick();
    expect(notifier.lines()).toHaveLength(1);
  });

  it("records the delivery as unknown and does not resend it where the platform has no lookup", async () => {
    const sendsFile = await plannedThenKilled("SENT");
    const current = harness as ReminderHarness;
    current.clock.set("2027-02-02T09:03:00+01:00");
    const notifier = new FileNotifier(sendsFile, false);
    const restarted = current.service([notifier]);
    expect(await restarted.tick()).toMatchObject({ sent: 0, unknown: 1 });
    expect(notifier.lines()).toHaveLength(1);
    expect(restarted.outbox.get(KEY)?.state).toBe("unknown");
    expect(restarted.outbox.get(KEY)?.note).toMatch(/skickas inte igen \(högst en gång\)/);
  });

  it("sends exactly once when the process died after claiming but before sending", async () => {
    const sendsFile = await plannedThenKilled("CLAIMED");
    const notifier = new FileNotifier(sendsFile, true);
    expect(notifier.lines()).toHaveLength(0);
    const current = harness as ReminderHarness;
    current.clock.set("2027-02-02T09:03:00+01:00");
    const restarted = current.service([notifier]);
    expect(await restarted.tick()).toMatchObject({ sent: 1 });
    expect(notifier.lines().map((line) => line.key)).toEqual([KEY]);
    expect(restarted.outbox.get(KEY)?.state).toBe("sent");
  });
});
