import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { loadCalendar } from "../../src/reminders/load-calendar.ts";
import { MAX_OCCURRENCES_PER_WINDOW } from "../../src/reminders/recurrence.ts";
import { STOCKHOLM } from "../../src/reminders/stockholm-time.ts";
import { group, knowledgeWithCalendar } from "./helpers/reminder-fixtures.ts";

// Calendar rules that would expand without end, and dates ical.js would silently roll over.
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function load(files: Record<string, string>) {
  const knowledge = knowledgeWithCalendar(files);
  cleanup = knowledge.cleanup;
  return loadCalendar(`${knowledge.dir}/calendar`, [group("g")]);
}

const ics = (...events: string[]) =>
  [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:test",
    "X-SAMSYN-GROUP:g",
    ...events.flatMap((event) => ["BEGIN:VEVENT", ...event.split("\n"), "END:VEVENT"]),
    "END:VCALENDAR",
  ].join("\r\n");

const GOOD_ICS = "UID:bra\nSUMMARY:Bra möte\nDTSTART;TZID=Europe/Stockholm:20270209T130000";
const from = DateTime.fromISO("2027-01-01", { zone: STOCKHOLM });

describe("calendar rules that repeat within a day", () => {
  it.each(["SECONDLY", "MINUTELY", "HOURLY"])(
    "refuses FREQ=%s in an .ics file with file and line, and keeps the other events",
    async (frequency) => {
      const calendar = await load({
        "g.ics": ics(GOOD_ICS, `UID:ofta\nSUMMARY:Ofta\nDTSTART:20270101T000000Z\nRRULE:FREQ=${frequency}`),
      });
      expect(calendar.events.map((event) => event.id)).toEqual(["bra"]);
      expect(calendar.problems).toHaveLength(1);
      expect(calendar.problems[0]?.message).toMatch(
        new RegExp(
          `^calendar/g\\.ics rad 14 \\(händelse ofta\\): RRULE upprepas oftare än en gång per dag \\(FREQ=${frequency}\\)`,
        ),
      );
    },
  );

  it("refuses FREQ=MINUTELY in a YAML calendar with the line of the rule", async () => {
    const calendar = await load({
      "g.yaml": `group: g
events:
  - id: bra
    title: Bra möte
    start: 2027-02-09 13:00
  - id: ofta
    title: Ofta
    start: 2027-02-09 13:00
    recurrence: FREQ=MINUTELY
`,
    });
    expect(calendar.events.map((event) => event.id)).toEqual(["bra"]);
    expect(calendar.problems[0]?.message).toMatch(
      /^calendar\/g\.yaml rad 9 \(händelse ofta\): .*upprepas oftare än en gång per dag \(FREQ=MINUTELY\)/,
    );
  });

  it("refuses a daily rule with many start times a day (BYHOUR × BYMINUTE)", async () => {
    const calendar = await load({
      "g.ics": ics(`UID:tät\nDTSTART:20270101T000000Z\nRRULE:FREQ=DAILY;BYHOUR=8,9,10;BYMINUTE=0,30`),
    });
    expect(calendar.events).toEqual([]);
    expect(calendar.problems[0]?.message).toMatch(/ger 6 starttider per dag/);
  });

  it("gives at most a bounded number of occurrences of one event for a long window", async () => {
    const calendar = await load({
      "g.ics": ics("UID:daglig\nSUMMARY:Daglig\nDTSTART:20270101T080000Z\nRRULE:FREQ=DAILY"),
    });
    const occurrences = calendar.events[0]?.occurrences(from, from.plus({ years: 10 })) ?? [];
    expect(occurrences).toHaveLength(MAX_OCCURRENCES_PER_WINDOW);
    expect(calendar.events[0]?.occurrences(from, from.plus({ days: 7 }))).toHaveLength(7);
  });
});

describe("dates and rules ical.js cannot read", () => {
  it("reports DTSTART:20271345T250000 with its line instead of moving the event into 2028", async () => {
    const calendar = await load({
      "g.ics": ics(GOOD_ICS, "UID:fel\nSUMMARY:Fel\nDTSTART:20271345T250000"),
    });
    expect(calendar.events.map((event) => event.id)).toEqual(["bra"]);
    expect(calendar.problems.map((problem) => problem.message)).toEqual([
      'calendar/g.ics rad 13: DTSTART "20271345T250000" är inget giltigt datum eller klockslag; skriv ÅÅÅÅMMDD eller ÅÅÅÅMMDDTHHMMSS, t.ex. 20270315T130000 – händelsen hoppas över',
    ]);
  });

  it("reports a bad EXDATE and a 30 February too", async () => {
    const calendar = await load({
      "g.ics": ics(
        "UID:a\nDTSTART:20270230T100000",
        "UID:b\nDTSTART:20270201T100000\nRRULE:FREQ=WEEKLY\nEXDATE:20270208T100000,2027x",
      ),
    });
    expect(calendar.events).toEqual([]);
    expect(calendar.problems.map((problem) => problem.line)).toEqual([7, 13]);
    expect(calendar.problems[1]?.message).toMatch(/EXDATE "2027x" är inget giltigt datum/);
  });

  it("explains ical.js errors in Swedish with file and line", async () => {
    const calendar = await load({
      "g.ics": ics("UID:frekvens\nDTSTART:20270101T100000Z\nRRULE:FREQ=FORTNIGHTLY"),
    });
    const messages = calendar.problems.map((problem) => problem.message).join("\n");
    expect(messages).toMatch(/^calendar\/g\.ics rad 5: trasig VEVENT: okänd frekvens "FORTNIGHTLY"/);
    expect(messages).not.toMatch(/invalid|expected/);
  });
});
