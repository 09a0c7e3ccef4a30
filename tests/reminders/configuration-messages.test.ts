import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadCheckedGroups } from "../../src/app/load-checked-groups.ts";
import { yamlErrorText } from "../../src/knowledge/yaml-error-text.ts";
import { icalErrorText } from "../../src/reminders/ical-error-text.ts";
import { formatIngestSummary } from "../../src/surfaces/cli/format-ingest-summary.ts";
import { temporaryFolder } from "../builders/core.ts";

// Every message ical.js throws for bad input (as of the installed version), with sample values.
const ICAL_MESSAGES = [
  'invalid duration value: Not enough duration components in "P"',
  'invalid duration value: Missing number before "H"',
  'invalid duration value: Invalid number "x" before "H"',
  'Invalid string value: "20270315T130000" must contain a "/" char.',
  'invalid date-time value: "2027-13-45"',
  "invalid ical body. component began but did not end",
  'invalid line (no token ";" or ":") "SUMMARY Möte"',
  'invalid line (no matching double quote) "ATTENDEE;CN="Anna:mailto:a@b.se"',
  "Invalid parameters in 'DTSTART;TZID'",
  "Missing parameter value in 'DTSTART;TZID='",
  "Empty parameter name in 'DTSTART;=x'",
  'Could not extract integer from "x"',
  "Recurrence rule has no valid occurrences",
  'BYMONTH: invalid value "13" must be < 12',
  'BYSETPOS: invalid value "0" must be > 0',
  'invalid frequency "FORTNIGHTLY" expected: "SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY"',
  "DTSTART: does not not support mulitValue.\noverride isMultiValue",
  "max tries have occurred, rule may be impossible to fulfill.",
  "cannot accept both end and duration",
  "Invalid BYYEARDAY rule",
  "BYWEEKNO does not fit to BYMONTHDAY",
  "For MONTHLY recurrences neither BYYEARDAY nor BYWEEKNO may appear",
  "For WEEKLY recurrences neither BYMONTHDAY nor BYYEARDAY may appear",
  "BYYEARDAY may only appear in YEARLY rules",
  "Malformed values in BYDAY part",
  "Malformed values in BYDAY combined with BYMONTHDAY parts",
  "Same occurrence found twice, protecting you from death by recursion",
  "Invalid BYMONTHDAY value",
  'invalid WKST value "XX"',
  'invalid BYDAY value "XX"',
  "cannot relate exception to exceptions",
  "attempted to relate unrelated exception",
  "iterator requires a (ICAL.Time) dtstart",
  "timezone must be ICAL.Timezone or ICAL.Component",
  ".start must be an instance of ICAL.Time",
];

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe("configuration messages in Swedish", () => {
  it.each(ICAL_MESSAGES)("translates the ical.js message %s", (message) => {
    const swedish = icalErrorText(new Error(message));
    expect(swedish).not.toContain("teknisk orsak");
    expect(swedish).not.toMatch(/\b(invalid|must|value|rule|occurrence)\b/i);
  });

  it.each([
    ['name: "oavslutad\n', "ett tecken saknas"],
    ["name: X\nname: Y\n", "samma fält står två gånger"],
    ["name: X\n\tdocuments: []\n", "tabb"],
    ["documents:\n  - a.md\n - b.md\n", "indrag"],
  ])("translates the YAML error of %j", (source, swedish) => {
    let error: unknown;
    try {
      parseYaml(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeDefined();
    expect(yamlErrorText(error)).toContain(swedish);
  });
});

describe("configuration problems in the ingest summary", () => {
  function knowledge(files: Record<string, string>): string {
    const folder = temporaryFolder("samsyn-configuration-");
    cleanups.push(folder.cleanup);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder.dir, name)), { recursive: true });
      fs.writeFileSync(path.join(folder.dir, name), text);
    }
    return folder.dir;
  }

  it("names each group and calendar problem with file and line, and a problem in one group leaves the others working", async () => {
    const dir = knowledge({
      "groups/trasig.yaml": "name: Trasig\nvisibilty: public\n",
      "groups/laholm.yaml":
        "name: Laholm\ndocuments: [avtal.md, saknas.md]\ncalendar: [laholm.yaml, borta.ics]\n",
      "calendar/laholm.yaml":
        "group: laholm\nevents:\n  - id: mote\n    title: Möte\n    start: 2027-03-09 13:00\n",
      "calendar/trasig.ics":
        "BEGIN:VCALENDAR\nX-SAMSYN-GROUP:laholm\nBEGIN:VEVENT\nUID:x\nDTSTART:20271345T250000\nSUMMARY:Fel\nEND:VEVENT\nEND:VCALENDAR\n",
    });
    const checked = await loadCheckedGroups(dir, { documents: () => [{ id: "avtal.md" }] });
    expect(checked.groups.find((group) => group.id === "laholm")?.withheld).toBeUndefined();
    expect(checked.withheld).toBe(1);
    expect(checked.warnings).toEqual([
      expect.stringMatching(
        /^groups\/trasig\.yaml rad 2: okänt fält "visibilty" – menade du "visibility"\? Filen går inte/,
      ),
      'groups/laholm.yaml rad 2: dokumentet "saknas.md" finns inte i kunskapsmappen (stavfel eller flyttad fil?)',
    ]);
    expect(checked.calendarProblems).toEqual([
      'groups/laholm.yaml rad 3: kalenderfilen "borta.ics" finns inte i knowledge/calendar/',
      expect.stringMatching(/^calendar\/trasig\.ics rad 5: DTSTART "20271345T250000" är inget giltigt datum/),
    ]);

    const printed = formatIngestSummary(
      {
        documents: 1,
        chunks: 2,
        added: 1,
        updated: 0,
        removed: 0,
        unchanged: 0,
        skipped: [],
        warnings: [],
        seconds: 1,
      },
      checked.warnings,
      checked.calendarProblems,
    );
    expect(printed).toContain("2 problem i gruppfilerna (knowledge/groups/)");
    expect(printed).toContain(
      "2 problem i kalendrarna (knowledge/calendar/ och gruppfilernas kalenderuppgifter)",
    );
    expect(printed).toContain("  • calendar/trasig.ics rad 5: DTSTART");
  });

  it("lists documents indexed with front matter that did not fit, counted per document", () => {
    const printed = formatIngestSummary({
      documents: 2,
      chunks: 2,
      added: 2,
      updated: 0,
      removed: 0,
      unchanged: 0,
      skipped: [],
      warnings: [
        { file: "a.md", field: "date", message: 'a.md rad 3: fältet "date" …' },
        { file: "a.md", field: "type", message: 'a.md rad 4: fältet "type" …' },
        { file: "b.md", field: null, message: "b.md rad 2: inledningen …" },
      ],
      seconds: 1,
    });
    expect(printed).toContain(
      "2 dokument indexerades, men uppgifter i deras inledning (front matter) passade inte",
    );
    expect(printed).toContain('  • a.md rad 4: fältet "type" …');
    expect(printed).not.toContain("hoppades över");
  });
});
