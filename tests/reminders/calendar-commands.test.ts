import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const output = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-calendar-cli-"));
afterAll(() => fs.rmSync(output, { recursive: true, force: true }));

function run(
  script: string,
  args: string[],
  knowledgeDir = path.join(ROOT, "knowledge"),
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "src/surfaces/cli", script), ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, SAMSYN_KNOWLEDGE_DIR: knowledgeDir },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Listing {
  occurrences: {
    group: string;
    kind: string;
    title: string;
    start: string;
    reminders: { at: string; rule: string }[];
  }[];
  problems: unknown[];
}

describe("npm run calendar", () => {
  it("lists the example calendar's 2027 occurrences per group with offsets and reminder times", () => {
    const result = run("calendar-command.ts", [
      "list",
      "--from",
      "2027-01-01",
      "--to",
      "2027-12-31",
      "--json",
    ]);
    expect(result.status).toBe(0);
    const listing = JSON.parse(result.stdout) as Listing;
    expect(listing.problems).toEqual([]);
    const count = (group: string, kind: string, title?: RegExp) =>
      listing.occurrences.filter(
        (item) => item.group === group && item.kind === kind && (!title || title.test(item.title)),
      ).length;
    expect(count("laholm-samverkansberedning", "meeting")).toBe(4);
    expect(
      count("norrbotten-politisk-samverkansberedning", "meeting", /sammanträde/i),
    ).toBeGreaterThanOrEqual(4);
    expect(count("norrbotten-politisk-samverkansberedning", "meeting", /temadag/i)).toBe(2);
    expect(count("halsam-vasternorrland", "meeting", /temamöte/i)).toBe(3);
    expect(count("halsam-vasternorrland", "meeting", /gemensamt/i)).toBe(1);
    expect(count("region-halland-lokala-namnder", "report", /uppföljningsrapport/i)).toBe(2);
    for (const item of listing.occurrences)
      expect(item.start).toMatch(/^2027-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
    const april = listing.occurrences.find((item) => item.start.startsWith("2027-04-13"));
    expect(april?.reminders.map((reminder) => reminder.at)).toEqual([
      "2027-04-06T08:30:00+02:00",
      "2027-04-12T08:30:00+02:00",
    ]);
  });

  it("expands an .ics file given with --file", () => {
    const result = run("calendar-command.ts", [
      "list",
      "--file",
      "knowledge/calendar/norrbotten-temadagar.ics",
      "--from",
      "2027-01-01",
      "--to",
      "2028-12-31",
    ]);
    expect(result.status).toBe(0);
    // For people: Swedish dates and Stockholm clock times, across the summer-time change.
    expect(result.stdout).toContain("onsdag 17 mars 2027 kl. 09.30");
    expect(result.stdout).toContain("onsdag 13 oktober 2027 kl. 09.30");
    expect(result.stdout).toContain("onsdag 8 mars 2028 kl. 09.30");
    expect(result.stdout).not.toContain("11 oktober 2028");
    expect(result.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T|\+0[12]:00/);
  });

  it("names group file problems beside the calendar problems, and still lists the working group's meetings", () => {
    const knowledgeDir = path.join(output, "knowledge-with-problems");
    fs.cpSync(path.join(ROOT, "knowledge"), knowledgeDir, { recursive: true });
    fs.writeFileSync(
      path.join(knowledgeDir, "groups", "stavfel.yaml"),
      "name: Stavfel\nvisibilty: public\ncalendar: [saknas.yaml]\n",
    );
    const groupFile = path.join(knowledgeDir, "groups", "halsam-vasternorrland.yaml");
    fs.writeFileSync(
      groupFile,
      fs.readFileSync(groupFile, "utf8").replace(/^documents:/m, "documents:\n  - borttagen.md"),
    );
    const result = run(
      "calendar-command.ts",
      ["list", "--from", "2027-01-01", "--to", "2027-12-31", "--json"],
      knowledgeDir,
    );
    expect(result.status).toBe(0);
    const listing = JSON.parse(result.stdout) as Listing;
    const messages = (listing.problems as { message: string }[]).map((problem) => problem.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^groups\/stavfel\.yaml rad 2: okänt fält "visibilty" – menade du "visibility"\?/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^groups\/halsam-vasternorrland\.yaml rad \d+: dokumentet "borttagen\.md" finns inte/,
      ),
    );
    expect(result.stderr).toContain('Varning: groups/stavfel.yaml rad 2: okänt fält "visibilty"');
    expect(listing.occurrences.some((item) => item.group === "laholm-samverkansberedning")).toBe(true);
  });

  it("prints the non-working days of a year", () => {
    const result = run("calendar-command.ts", ["holidays", "--year", "2027", "--json"]);
    expect(result.status).toBe(0);
    const { days } = JSON.parse(result.stdout) as { days: { date: string; name: string }[] };
    expect(days).toContainEqual(expect.objectContaining({ date: "2027-03-28", name: "Påskdagen" }));
    expect(days).toContainEqual(expect.objectContaining({ date: "2027-06-25", name: "Midsommarafton" }));
  });

  it("exits with 2 and the usage in Swedish on bad arguments", () => {
    for (const args of [
      ["veckor"],
      ["list", "--from", "2027-02-30", "--to", "2027-03-01"],
      ["holidays", "--bogus"],
    ]) {
      const result = run("calendar-command.ts", args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("Användning:");
    }
  });
});

describe("npm run arshjul", () => {
  it("writes an SVG and a PNG of the year", () => {
    const out = path.join(output, "laholm-2027");
    const result = run("arshjul-command.ts", [
      "--group",
      "laholm-samverkansberedning",
      "--year",
      "2027",
      "--out",
      out,
    ]);
    expect(result.status).toBe(0);
    expect(fs.readFileSync(`${out}.svg`, "utf8")).toContain("Samverkansberedningen i Laholm");
    expect(fs.readFileSync(`${out}.png`).subarray(1, 4).toString()).toBe("PNG");
    expect(run("arshjul-command.ts", ["--group", "okand", "--year", "2027", "--out", out]).status).toBe(2);
  });
});
