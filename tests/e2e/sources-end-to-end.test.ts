import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADD_FILE_SHORTCUT } from "../../src/surfaces/slack/register-add-file.ts";
import { smallWorkspace } from "../builders/core.ts";
import { sendToSlackApp, signedMessageShortcut } from "../builders/slack-payloads.ts";
import { FakeGraphApi } from "../fakes/fake-graph-api.ts";
import { FakeSlackApi } from "../fakes/fake-slack-api.ts";
import { LocalWebSite } from "../fakes/local-web-site.ts";
import { poll } from "./helpers/poll.ts";
import { runCommandScript } from "./helpers/run-command-script.ts";
import { type SamsynProcess, startSamsynProcess } from "./helpers/samsyn-process.ts";

// Documents where they live, through the product as started: `npm start` syncs a group's web page
// (a real HTTP server on 127.0.0.1) and its SharePoint library (a Graph stub speaking Graph's wire
// format) by itself, a file shared in the group's Slack channel joins with "Lägg till i Samsyn",
// and `npm run sources -- sync` in a second process brings changes and removals to the running
// server. Every answer cites the document where it lives.

const APP_ID = "11111111-2222-3333-4444-555555555555";
const TENANT_ID = "contoso.onmicrosoft.com";
const SECRET = "stub-secret";
const CHANNEL = "C0SOURCES";
const MEMBER = "U0MEMBER";
const SIGNING_SECRET = "sources-test-signing-secret";

const page = (text: string) =>
  `<!doctype html><html lang="sv"><head><title>Samverkansberedningen</title></head><body>
<header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>
<div class="cookie-banner">Vi använder kakor. <button>Godkänn</button></div>
<main><h1>Samverkansberedningen</h1><p>${text}</p></main>
<footer>Exempelby kommun, Storgatan 1</footer></body></html>`;

let web: LocalWebSite;
let graph: FakeGraphApi;
let slack: FakeSlackApi;
let samsyn: SamsynProcess;
let knowledgeDir: string;
let dataDir: string;
let cleanup: () => void;
let environment: Record<string, string>;
let arbetsordningId: string;

beforeAll(async () => {
  web = new LocalWebSite();
  await web.start();
  web.pages.set("/samverkansberedningen.html", {
    contentType: "text/html; charset=utf-8",
    etag: '"v1"',
    body: page("Samverkansberedningen sammanträder i Tingshuset i Exempelby."),
  });
  graph = await FakeGraphApi.start({ appId: APP_ID, tenantId: TENANT_ID, clientSecret: SECRET });
  graph.addFolder("Styrdokument");
  arbetsordningId = graph.addFile(
    "Styrdokument/Arbetsordning.md",
    "# Arbetsordning\n\nBeredningens sekreterare för protokoll vid varje sammanträde.\n",
  );
  slack = await FakeSlackApi.start({ members: { [CHANNEL]: [MEMBER, "U0SAMSYN"] } });

  ({ knowledgeDir, dataDir, cleanup } = smallWorkspace("samsyn-sources-e2e-"));
  fs.writeFileSync(
    path.join(knowledgeDir, "groups", "beredningen.yaml"),
    [
      "name: Samverkansberedningen",
      "visibility: internal",
      `channels: {slack: [${CHANNEL}]}`,
      "sources:",
      `  - web: ${web.url("/samverkansberedningen.html")}`,
      `  - sharepoint: {site: "${graph.siteId}", folder: Styrdokument}`,
      "  - slack: true",
      "",
    ].join("\n"),
  );
  environment = {
    SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
    SAMSYN_DATA_DIR: dataDir,
    SAMSYN_WEB_SOURCE_HOST_DELAY_MS: "0",
    SAMSYN_GRAPH_BASE_URL: graph.baseUrl,
    SAMSYN_GRAPH_LOGIN_URL: graph.baseUrl,
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_TENANT_ID: TENANT_ID,
    MICROSOFT_APP_PASSWORD: SECRET,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
  };
  samsyn = await startSamsynProcess(environment);
}, 180_000);

afterAll(async () => {
  await samsyn?.stop();
  await web?.stop();
  await graph?.close();
  await slack?.close();
  cleanup?.();
});

/** Runs `npm run sources -- …` as a person would, beside the running server. */
function runSources(args: string[]) {
  return runCommandScript("sources-command.ts", args, { ...environment, LOG_LEVEL: "silent" });
}

interface WebAnswer {
  text: string;
  abstained: boolean;
  citations: { documentId: string; source: string | null }[];
}

async function ask(question: string): Promise<WebAnswer> {
  const response = await fetch(`${samsyn.url}/api/web/ask`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-samsyn-request": "1" },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { answer: WebAnswer }).answer;
}

/** Asks until `done` holds for the answer; fails with the last answer after `timeoutMs`. */
async function askUntil(question: string, done: (answer: WebAnswer) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let answer = await ask(question);
  while (!done(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = await ask(question);
  }
  expect(done(answer), JSON.stringify(answer)).toBe(true);
  return answer;
}

const cites = (answer: WebAnswer, prefix: string) =>
  !answer.abstained && answer.citations.some((citation) => citation.documentId.startsWith(prefix));

describe("sources through npm start", () => {
  it("syncs the group's web page and SharePoint folder by itself and cites them where they live", async () => {
    const place = await askUntil("Var sammanträder samverkansberedningen?", (answer) =>
      cites(answer, "källor/beredningen-webb/"),
    );
    expect(place.text).toContain("Tingshuset");
    expect(place.citations[0]?.source).toBe(web.url("/samverkansberedningen.html"));
    // The page's cookie banner and navigation are not part of the document.
    expect(place.text).not.toMatch(/kakor|Godkänn/);

    const minutes = await askUntil("Vem för protokoll vid beredningens sammanträden?", (answer) =>
      cites(answer, "källor/beredningen-sharepoint/"),
    );
    expect(minutes.text).toContain("sekreterare");
    expect(minutes.citations.map((citation) => citation.source)).toContain(graph.webUrl(arbetsordningId));

    await poll(() => /beredningen-webb: synkad – 1 nytt/.test(samsyn.output()), 10_000);
    expect(samsyn.output()).toMatch(/beredningen-sharepoint: synkad – 1 nytt/);
    const status = await fetch(`${samsyn.url}/api/web/status`, { headers: { "x-samsyn-request": "1" } });
    const { sources } = (await status.json()) as { sources: string[] };
    expect(sources.join("\n")).toMatch(/beredningen-webb[\s\S]*senast synkad[\s\S]*1 dokument · 1 nytt/);
  }, 120_000);

  it("takes a file shared in the group's Slack channel with Lägg till i Samsyn and confirms in the thread", async () => {
    const message = slack.shareFile(CHANNEL, MEMBER, {
      name: "Delegationsordning.md",
      mimetype: "text/markdown",
      bytes: Buffer.from("# Delegationsordning\n\nOrdföranden får besluta i brådskande ärenden.\n"),
    });
    const response = await sendToSlackApp(
      `${samsyn.url}/slack/events`,
      signedMessageShortcut(
        {
          callbackId: ADD_FILE_SHORTCUT,
          user: MEMBER,
          channel: CHANNEL,
          message,
          responseUrl: slack.responseUrl("add"),
        },
        { signingSecret: SIGNING_SECRET },
      ),
    );
    expect(response.status).toBe(200);
    const confirmation = await slack.waitFor(
      "chat.postMessage",
      (args) => args.channel === CHANNEL && args.thread_ts === message.ts,
      60_000,
    );
    expect(String(confirmation.args.text)).toContain("Delegationsordning");

    const answer = await askUntil("Vem får besluta i brådskande ärenden?", (reply) =>
      cites(reply, "källor/beredningen-slack/"),
    );
    expect(answer.text).toContain("Ordföranden");
    expect(answer.citations[0]?.source).toMatch(/^https?:\/\//);
  }, 120_000);

  it("brings a changed page and a deleted SharePoint file to the running server with npm run sources -- sync", async () => {
    web.pages.set("/samverkansberedningen.html", {
      contentType: "text/html; charset=utf-8",
      etag: '"v2"',
      body: page("Samverkansberedningen sammanträder i Stadshuset i Exempelby."),
    });
    graph.deleteItem("Styrdokument/Arbetsordning.md");
    const downloadsBefore = web.contentDownloads().length;

    const sync = await runSources(["sync", "--group", "beredningen"]);
    expect(sync.output).toContain("beredningen-webb: synkad – 0 nya, 1 ändrat, 0 borttagna");
    expect(sync.output).toContain("beredningen-sharepoint: synkad – 0 nya, 0 ändrade, 1 borttaget");
    expect(sync.code).toBe(0);
    expect(web.contentDownloads().length).toBe(downloadsBefore + 1);

    const place = await askUntil("Var sammanträder samverkansberedningen?", (answer) =>
      answer.text.includes("Stadshuset"),
    );
    expect(cites(place, "källor/beredningen-webb/")).toBe(true);
    await askUntil(
      "Vem för protokoll vid beredningens sammanträden?",
      (answer) => !cites(answer, "källor/beredningen-sharepoint/"),
    );

    // Nothing changed since: the page is asked "changed since?" and not downloaded again.
    const again = await runSources(["sync", "--source", "beredningen-webb"]);
    expect(again.output).toContain("beredningen-webb: synkad – 0 nya, 0 ändrade, 0 borttagna");
    expect(web.contentDownloads().length).toBe(downloadsBefore + 1);
  }, 180_000);
});
