import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyKnowledge, temporaryFolder } from "../builders/core.ts";
import { METADATA_CASES, METADATA_FIXTURES } from "./helpers/metadata-cases.ts";
import { poll } from "./helpers/poll.ts";
import { freePort, type SamsynProcess, startSamsynProcess } from "./helpers/samsyn-process.ts";

// `npm start` on a knowledge folder with everything a person gets wrong at once: front matter that
// does not fit, a group file with a misspelt key, a group listing a document and a calendar file
// that do not exist, and an .ics event on an impossible date. It starts, indexes every document,
// and says what to fix in Swedish with file and line — in the start log and in the web status.

const NO_CHAT_PLATFORMS = {
  SLACK_BOT_TOKEN: undefined,
  SLACK_SIGNING_SECRET: undefined,
  SLACK_APP_TOKEN: undefined,
  MICROSOFT_APP_ID: undefined,
  TEAMS_ALLOW_UNAUTHENTICATED: undefined,
  SAMSYN_WEB_TOKEN: undefined,
};

const folder = temporaryFolder("samsyn-configuration-start-");
let samsyn: SamsynProcess;

beforeAll(async () => {
  const knowledgeDir = copyKnowledge(METADATA_FIXTURES, path.join(folder.dir, "knowledge"));
  fs.mkdirSync(path.join(knowledgeDir, "groups"));
  fs.mkdirSync(path.join(knowledgeDir, "calendar"));
  fs.writeFileSync(
    path.join(knowledgeDir, "groups", "stavfel.yaml"),
    "name: Stavfel\nvisibilty: public\ndocuments: [arsplan-kungsbacka.md]\n",
  );
  fs.writeFileSync(
    path.join(knowledgeDir, "groups", "blekinge.yaml"),
    "name: Tolkförmedlingen\ndocuments:\n  - beslut-tolkformedling.md\n  - saknas.md\ncalendar: [blekinge.ics, borta.yaml]\n",
  );
  fs.writeFileSync(
    path.join(knowledgeDir, "calendar", "blekinge.ics"),
    [
      "BEGIN:VCALENDAR",
      "BEGIN:VEVENT",
      "UID:ratt",
      "DTSTART:20270315T130000",
      "SUMMARY:Styrgrupp",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:fel",
      "DTSTART:20271345T250000",
      "SUMMARY:Fel datum",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n"),
  );
  samsyn = await startSamsynProcess({
    ...NO_CHAT_PLATFORMS,
    SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
    PORT: String(await freePort()),
  });
  // The summary is written in one piece once the ingest is done.
  await poll(() => /problem i kalendrarna/.test(samsyn.output()), 30_000);
}, 180_000);

afterAll(async () => {
  await samsyn?.stop();
  folder.cleanup();
});

const EXPECTED = [
  /groups\/stavfel\.yaml rad 2: okänt fält "visibilty" – menade du "visibility"\?/,
  /groups\/blekinge\.yaml rad 4: dokumentet "saknas\.md" finns inte i kunskapsmappen/,
  /groups\/blekinge\.yaml rad 5: kalenderfilen "borta\.yaml" finns inte i knowledge\/calendar\//,
  /calendar\/blekinge\.ics rad 9: DTSTART "20271345T250000" är inget giltigt datum/,
  /handlingsplan-psykisk-halsa\.md rad 7: fältet "date"/,
  /uppfoljning-skolhalsa\.md rad 2: okänt fält "titel".*menade du "title"\?/,
];

describe("npm start with configuration problems", () => {
  it("indexes every document and prints every problem in Swedish with file and line", () => {
    const output = samsyn.output();
    expect(output).toContain(`${METADATA_CASES.length} dokument`);
    expect(output).not.toContain("hoppades över");
    for (const pattern of EXPECTED) expect(output).toMatch(pattern);
  });

  it("shows the same problems to the administrator in the web status", async () => {
    const response = await fetch(`${samsyn.url}/api/web/status`, { headers: { "x-samsyn-request": "1" } });
    const status = (await response.json()) as {
      admin: boolean;
      documents: number;
      groupWarnings: string[];
      calendarProblems: string[];
      documentWarnings: string[];
    };
    expect(status.admin).toBe(true);
    const shown = [...status.groupWarnings, ...status.calendarProblems, ...status.documentWarnings].join(
      "\n",
    );
    for (const pattern of EXPECTED) expect(shown).toMatch(pattern);
  });

  it("offers the working group while the broken one is withheld", async () => {
    const response = await fetch(`${samsyn.url}/api/web/status`, { headers: { "x-samsyn-request": "1" } });
    const status = (await response.json()) as { groups: { id: string }[] };
    expect(status.groups.map((group) => group.id)).toEqual(["blekinge"]);
  });
});
