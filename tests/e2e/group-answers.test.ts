import path from "node:path";
import { PassThrough } from "node:stream";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import type { Occurrence } from "../../src/reminders/calendar-event.ts";
import { loadCalendar } from "../../src/reminders/load-calendar.ts";
import { STOCKHOLM, swedishClock, swedishDate } from "../../src/reminders/stockholm-time.ts";
import { runTerminalChat } from "../../src/surfaces/cli/terminal-chat.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { startWebSurface } from "../../src/surfaces/web/start-web-surface.ts";
import { chatCommandModules } from "./helpers/chat-command-modules.ts";
import { HALSAM_TITLE } from "./helpers/shipped-knowledge.ts";
import { HALSAM_CHANNEL, OPEN_CHANNEL, useTeamsApp } from "./helpers/teams-app.ts";
import { citedTitles, text } from "./helpers/teams-messages.ts";

const WEB_TOKEN = "web-token-for-group-answers";
const REGION_HALLAND = "region-halland-lokala-namnder";

// A group's Teams channel: its own documents answer "vi"-questions, its calendar the meeting questions.
const app = useTeamsApp();

describe("Teams channel of a group", () => {
  it("answers 'Hur ofta träffas vi?' from the group's own document", async () => {
    const inGroup = await app.askInChannel(HALSAM_CHANNEL, "Hur ofta träffas vi?");
    expect(text(inGroup)).toContain("årliga temamöten");
    for (const title of citedTitles(inGroup).split(" | ")) expect(title.startsWith(HALSAM_TITLE)).toBe(true);
    // Outside the group's channel the same words find another group's rule first.
    const elsewhere = await app.askInChannel(OPEN_CHANNEL, "Hur ofta träffas vi?");
    expect(citedTitles(elsewhere)).not.toContain(HALSAM_TITLE);
  });

  it("answers the next theme meeting from the group's calendar, as the reminders read it", async () => {
    const calendarDir = path.join(app.core.config.knowledgeDir, "calendar");
    const { events } = await loadCalendar(calendarDir, app.groups);
    const now = DateTime.now().setZone(STOCKHOLM);
    const next = events
      .filter((event) => event.groupId === "halsam-vasternorrland" && event.title.startsWith("Temamöte"))
      .flatMap((event) => event.occurrences(now, now.plus({ years: 2 })))
      .sort((a, b) => a.start.toMillis() - b.start.toMillis())[0] as Occurrence;
    const answer = await app.askInChannel(HALSAM_CHANNEL, "När är nästa temamöte?");
    expect(text(answer)).toContain(
      `${next.title} – ${swedishDate(next.start)} kl. ${swedishClock(next.start)}`,
    );
    expect(citedTitles(answer)).toContain(next.title);
  });
});

describe("web chat with a group chosen", () => {
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it("answers a deadline question from the group's calendar; a visitor can open the cited event and vote", async () => {
    const http = new HttpServer(silentLogger);
    const surface = await startWebSurface({
      core: app.core,
      config: { token: WEB_TOKEN, uploads: null, maxUploadBytes: 4096 },
      host: "127.0.0.1",
      http,
      groups: app.groups,
      feedback: app.feedback,
      logger: silentLogger,
    });
    stops.push(async () => {
      await surface.stop();
      await http.close();
    });
    const base = (await http.listen(0, "127.0.0.1")).url;
    const headers = { "x-samsyn-request": "1", "content-type": "application/json" };
    const { events } = await loadCalendar(path.join(app.core.config.knowledgeDir, "calendar"), app.groups);
    const now = DateTime.now().setZone(STOCKHOLM);
    const next = events
      .filter((event) => event.groupId === REGION_HALLAND && /uppföljningsrapport/i.test(event.title))
      .flatMap((event) => event.occurrences(now.startOf("day"), now.plus({ years: 2 })))
      .sort((a, b) => a.start.toMillis() - b.start.toMillis())[0] as Occurrence;

    const asked = await fetch(`${base}/api/web/ask`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        question: "När ska nästa uppföljningsrapport lämnas in?",
        group: REGION_HALLAND,
      }),
    });
    expect(asked.status).toBe(200);
    const { answerId, answer } = (await asked.json()) as {
      answerId: string;
      answer: { text: string; citations: { chunkId: string; documentId: string; quote: string }[] };
    };
    expect(answer.text).toContain(`${next.title} – ${swedishDate(next.start)}`);
    const [citation] = answer.citations;
    expect(citation?.documentId).toBe("calendar/laholmsnamnden-uppfoljning.yaml");

    const passage = await fetch(
      `${base}/api/web/answers/${answerId}/passages/${encodeURIComponent(citation?.chunkId ?? "")}`,
      { headers },
    );
    expect(passage.status).toBe(200);
    expect(((await passage.json()) as { text: string }).text).toBe(citation?.quote);
    const vote = await fetch(`${base}/api/web/feedback`, {
      method: "POST",
      headers,
      body: JSON.stringify({ answerId, vote: "up", clientId: "client-12345" }),
    });
    expect(vote.status).toBe(200);
  });
});

/** Types `lines` into the terminal chat over the Teams app's core and returns everything it printed. */
async function terminalSession(
  lines: string,
  commands: Parameters<typeof runTerminalChat>[2] = {},
): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  });
  const chat = runTerminalChat(app.core, silentLogger, commands, input, output);
  input.end(lines);
  await chat;
  return printed;
}

describe("terminal chat with 'grupp'", () => {
  it("answers a follow-up in the chosen group about what the earlier question asked", async () => {
    const printed = await terminalSession(
      "grupp laholm-samverkansberedning\nVilka resursgrupper finns det?\nVem sammankallar dem?\n",
    );
    expect(printed).toContain("Söker nu i: Samverkansberedningen i Laholm.");
    // The last answer is the follow-up's: the resource groups' convener, not the beredning's.
    const answers = printed.split("Källor:");
    const followUp = (answers.at(-2) ?? "").split("\n\n\n").at(-1) ?? "";
    expect(followUp).toContain("målområdesansvarig chef");
    expect(followUp).not.toContain("kommunstyrelsens ordförande");
  });

  it("gives the chosen group's introduction for 'intro ersättare' instead of asking which group", async () => {
    const { onboarding } = chatCommandModules(app.core, app.groups, app.core.config.knowledgeDir);
    const printed = await terminalSession("grupp laholm-samverkansberedning\nintro ersättare\n", {
      intro: (argument, audience) => onboarding.introText(argument, audience),
    });
    const intro = printed.split("Söker nu i: Samverkansberedningen i Laholm.").at(-1) ?? "";
    expect(intro).not.toContain("Vilken grupp");
    expect(intro).toContain("Samverkansberedningen i Laholm");
    expect(intro).toMatch(/ersättare/i);
  });

  it("shows when the index was written as a Swedish date and clock time, not a UTC timestamp", async () => {
    const printed = await terminalSession("status\n");
    const written = DateTime.fromISO(app.core.index.catalog.stats().lastIngestAt ?? "");
    expect(printed).toContain(`senast indexerat ${swedishDate(written)} kl. ${swedishClock(written)}.`);
    expect(printed).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});

describe("terminal chat with 'grupp', a thread about a meeting", () => {
  it("answers 'När är nästa?' after a question about theme meetings with the next theme meeting", async () => {
    const { events } = await loadCalendar(path.join(app.core.config.knowledgeDir, "calendar"), app.groups);
    const now = DateTime.now().setZone(STOCKHOLM);
    const next = events
      .filter((event) => event.groupId === "halsam-vasternorrland" && /temamöte/i.test(event.title))
      .flatMap((event) => event.occurrences(now, now.plus({ years: 2 })))
      .sort((a, b) => a.start.toMillis() - b.start.toMillis())[0] as Occurrence;
    const printed = await terminalSession(
      "grupp halsam-vasternorrland\nHur många temamöten har vi per år?\nNär är nästa?\n",
    );
    const answers = printed.split("Källor:");
    const followUp = (answers.at(-2) ?? "").split("\n\n\n").at(-1) ?? "";
    expect(followUp).toContain(
      `Nästa möte: ${next.title} – ${swedishDate(next.start)} kl. ${swedishClock(next.start)}`,
    );
  });
});
