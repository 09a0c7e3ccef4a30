import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyKnowledge, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { appMention, sendToSlackApp, signedEvent, signSlackRequest } from "../builders/slack-payloads.ts";
import { FakeSlackApi } from "../fakes/fake-slack-api.ts";
import { freePort, type SamsynProcess, startSamsynProcess } from "./helpers/samsyn-process.ts";
import { LAHOLM_QUESTION } from "./helpers/shipped-knowledge.ts";
import { useStarted } from "./helpers/use-started.ts";

// Malformed input against the real `npm start` process: each request is answered with a 4xx and
// the process keeps serving Slack and the web chat; a calendar rule repeating every second is
// reported at start-up instead of being expanded.
const SIGNING_SECRET = "malformed-test-secret";
const CHANNEL = "C0OPEN";
const EVERY_SECOND = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:test",
  "X-SAMSYN-GROUP:halsam-vasternorrland",
  "BEGIN:VEVENT",
  "UID:varje-sekund",
  "SUMMARY:Varje sekund",
  "DTSTART:20260101T000000Z",
  "RRULE:FREQ=SECONDLY",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

const started = useStarted<{ samsyn: SamsynProcess; slack: FakeSlackApi }>(async (onStop) => {
  const slack = await FakeSlackApi.start();
  onStop(() => slack.close());
  const folder = temporaryFolder("samsyn-malformed-");
  onStop(folder.cleanup);
  const knowledge = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  fs.writeFileSync(path.join(knowledge, "calendar", "varje-sekund.ics"), EVERY_SECOND);
  const samsyn = await startSamsynProcess({
    SAMSYN_KNOWLEDGE_DIR: knowledge,
    PORT: String(await freePort()),
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
  });
  onStop(() => samsyn.stop());
  return { samsyn, slack };
}, 180_000);

const signed = (body: string, contentType: string) =>
  signSlackRequest(body, contentType, { signingSecret: SIGNING_SECRET });

describe("malformed input to the running server", () => {
  it("reports a calendar rule that repeats every second with file and line, and starts anyway", () => {
    expect(started.samsyn.output()).toMatch(
      /calendar\/varje-sekund\.ics rad 9 \(händelse varje-sekund\): RRULE upprepas oftare än en gång per dag \(FREQ=SECONDLY\)/,
    );
  });

  it("answers signed Slack bodies that are valid JSON but no object with a 4xx, and keeps answering", async () => {
    const { samsyn, slack } = started;
    const slackUrl = `${samsyn.url}/slack/events`;
    const bodies: [string, string][] = [
      ["null", "application/json"],
      ["3", "application/json"],
      ['"text"', "application/json"],
      ["[]", "application/json"],
      ["[null]", "application/json"],
      ["true", "application/json"],
      ["payload=null", "application/x-www-form-urlencoded"],
      ["payload=17", "application/x-www-form-urlencoded"],
      ["payload=%5B%5D", "application/x-www-form-urlencoded"],
      ["{not json", "application/json"],
      ["", "application/json"],
      ["payload=%7B", "application/x-www-form-urlencoded"],
    ];
    for (const [body, contentType] of bodies) {
      const response = await sendToSlackApp(slackUrl, signed(body, contentType));
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    // Unsigned, the same bodies are refused as unauthenticated.
    const unsigned = await fetch(slackUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "null",
    });
    expect(unsigned.status).toBe(401);

    expect(samsyn.alive()).toBe(true);
    const mention = appMention({
      channel: CHANNEL,
      user: "U0MEMBER",
      text: LAHOLM_QUESTION,
      botUserId: slack.botUserId,
    });
    const accepted = await sendToSlackApp(slackUrl, signedEvent(mention, { signingSecret: SIGNING_SECRET }));
    expect(accepted.status).toBe(200);
    const update = await slack.waitFor("chat.update", (args) => args.channel === CHANNEL, 30_000);
    expect(String(update.args.text)).toContain("kommunstyrelsens ordförande");
  });

  it("answers odd Slack envelopes that are objects without crashing", async () => {
    const { samsyn } = started;
    const slackUrl = `${samsyn.url}/slack/events`;
    const envelopes = [
      "{}",
      '{"type":"event_callback"}',
      '{"type":"event_callback","event":null}',
      '{"type":"event_callback","event":{"type":"app_mention","text":null,"channel":7}}',
      '{"type":"url_verification"}',
      "payload=%7B%7D",
      'payload={"type":"block_actions","actions":null}',
      'payload={"type":"block_actions","actions":[null]}',
      "command=%2Fsamsyn&text=",
    ];
    const statuses: Record<string, number> = {};
    for (const body of envelopes) {
      const contentType = body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded";
      statuses[body] = (await sendToSlackApp(slackUrl, signed(body, contentType))).status;
    }
    const failed = Object.entries(statuses).filter(([, status]) => status >= 500);
    expect(failed).toEqual([]);
    expect(samsyn.alive()).toBe(true);
  }, 60_000);

  it("answers malformed web requests with a 4xx and still serves the page", async () => {
    const { samsyn } = started;
    const headers = { "x-samsyn-request": "1", "content-type": "application/json" };
    for (const body of ["null", "[]", "{", '{"question":null}', '"x"', "\u0000"]) {
      const response = await fetch(`${samsyn.url}/api/web/ask`, { method: "POST", headers, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    const broken = await fetch(`${samsyn.url}/api/web/answers/%E0%A4%A/passages/%ZZ`, { headers });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    expect(samsyn.alive()).toBe(true);
    const page = await fetch(`${samsyn.url}/`);
    expect(page.status).toBe(200);
  });
});
