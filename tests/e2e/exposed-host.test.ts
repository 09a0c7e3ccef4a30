import { afterAll, describe, expect, it } from "vitest";
import { signSlackRequest } from "../builders/slack-payloads.ts";
import { FakeSlackApi } from "../fakes/fake-slack-api.ts";
import { freePort, runSamsynUntilExit, startSamsynProcess } from "./helpers/samsyn-process.ts";

// `npm start` on a network address (SAMSYN_HOST=0.0.0.0) without SAMSYN_WEB_TOKEN, as the README's
// security section describes it: the web chat is never served there.
const NO_CHAT_PLATFORMS = {
  SLACK_BOT_TOKEN: undefined,
  SLACK_SIGNING_SECRET: undefined,
  SLACK_APP_TOKEN: undefined,
  MICROSOFT_APP_ID: undefined,
  TEAMS_ALLOW_UNAUTHENTICATED: undefined,
  SAMSYN_WEB_TOKEN: undefined,
};

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

describe("npm start on a network address without an access code", () => {
  it("refuses to start with a Swedish message and exit code 2 when neither Slack nor Teams is set up", async () => {
    const { code, output } = await runSamsynUntilExit({
      ...NO_CHAT_PLATFORMS,
      SAMSYN_HOST: "0.0.0.0",
      PORT: String(await freePort()),
    });
    expect(code).toBe(2);
    expect(output).toMatch(/SAMSYN_HOST=0\.0\.0\.0 kan nås från nätverket, men SAMSYN_WEB_TOKEN saknas/);
    expect(output).toContain("vägrar starta");
    expect(output).not.toContain("samsyn is running");
  });

  it("serves only the signed Slack endpoint and says in Swedish that the web chat is off", async () => {
    const slack = await FakeSlackApi.start();
    stops.push(() => slack.close());
    const port = await freePort();
    const samsyn = await startSamsynProcess({
      ...NO_CHAT_PLATFORMS,
      SAMSYN_HOST: "0.0.0.0",
      PORT: String(port),
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: "exposed-secret",
      SLACK_API_URL: slack.apiUrl,
    });
    stops.push(() => samsyn.stop());
    expect(samsyn.output()).toContain(
      "Webbchatten är avstängd: SAMSYN_HOST=0.0.0.0 kan nås från nätverket och SAMSYN_WEB_TOKEN saknas. Samsyn tar bara emot Slack (/slack/events)",
    );
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/`)).status).toBe(404);
    const ask = await fetch(`${base}/api/web/ask`, {
      method: "POST",
      headers: { "x-samsyn-request": "1", "content-type": "application/json" },
      body: JSON.stringify({ question: "Vem kallar till mötena?" }),
    });
    expect(ask.status).toBe(404);
    const body = JSON.stringify({ type: "url_verification", challenge: "utmaning" });
    const verification = signSlackRequest(body, "application/json", { signingSecret: "exposed-secret" });
    const answer = await fetch(`${base}/slack/events`, {
      method: "POST",
      headers: verification.headers,
      body: verification.body,
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("utmaning");
  });
});
