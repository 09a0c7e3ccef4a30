import { afterEach, describe, expect, it } from "vitest";
import { loadCalendar } from "../../src/reminders/load-calendar.ts";
import { group, knowledgeWithCalendar } from "./helpers/reminder-fixtures.ts";

const GOOD = `group: g
events:
  - id: bra-mote
    title: Bra möte
    start: 2027-02-09 13:00
`;

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function load(files: Record<string, string>, groups = [group("g")]) {
  const knowledge = knowledgeWithCalendar(files);
  cleanup = knowledge.cleanup;
  return loadCalendar(`${knowledge.dir}/calendar`, groups);
}

describe("malformed calendar input", () => {
  it("reports a file that is not YAML with its line and still loads the other files", async () => {
    const calendar = await load({
      "a-bra.yaml": GOOD,
      "b-trasig.yaml": `events:\n  - id: x\n    title: "ej stängd\n    start: 2027-01-01\n`,
    });
    expect(calendar.events.map((event) => event.id)).toEqual(["bra-mote"]);
    expect(calendar.problems).toHaveLength(1);
    expect(calendar.problems[0]?.file).toBe("calendar/b-trasig.yaml");
    expect(calendar.problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(calendar.problems[0]?.message).toMatch(
      /^calendar\/b-trasig\.yaml rad \d+: filen är inte giltig YAML/,
    );
  });

  it("skips a bad event with its line and id and keeps the rest of the file", async () => {
    const calendar = await load({
      "g.yaml": `${GOOD}  - id: fel-datum
    title: Fel datum
    start: 2027-02-30 13:00
  - id: fel-regel
    title: Fel regel
    start: 2027-03-01 10:00
    recurrence: FREQ=FORTNIGHTLY
  - id: fel-paminnelse
    title: Fel påminnelse
    start: 2027-03-01 10:00
    reminders: [7 veckor]
  - id: utan-start
    title: Utan start
  - id: sista
    title: Sista mötet
    start: 2027-12-01 10:00
`,
    });
    expect(calendar.events.map((event) => event.id)).toEqual(["bra-mote", "sista"]);
    const byEvent = Object.fromEntries(calendar.problems.map((problem) => [problem.eventId, problem]));
    expect(byEvent["fel-datum"]).toMatchObject({ line: 8 });
    expect(byEvent["fel-datum"]?.message).toBe(
      'calendar/g.yaml rad 8 (händelse fel-datum): fältet "start" är inget giltigt datum ("2027-02-30 13:00"); skriv "ÅÅÅÅ-MM-DD" eller "ÅÅÅÅ-MM-DD TT:MM" i svensk tid utan tidszon – händelsen hoppas över',
    );
    expect(byEvent["fel-regel"]).toMatchObject({ line: 12 });
    expect(byEvent["fel-regel"]?.message).toMatch(
      /fältet "recurrence" är ingen giltig upprepningsregel: "FREQ=FORTNIGHTLY"/,
    );
    expect(byEvent["fel-paminnelse"]).toMatchObject({ line: 16 });
    expect(byEvent["fel-paminnelse"]?.message).toMatch(
      /fältet "reminders → nr 1" är ingen påminnelseregel \("7 veckor"\)/,
    );
    expect(byEvent["utan-start"]?.line).toBe(17);
    expect(byEvent["utan-start"]?.message).toMatch(/ange antingen start \(möten\) eller due/);
  });

  it("skips a broken VEVENT in an ICS file with its line and keeps the others", async () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "X-SAMSYN-GROUP:g",
      "BEGIN:VEVENT",
      "UID:ok",
      "SUMMARY:Fungerar",
      "DTSTART;TZID=Europe/Stockholm:20270210T100000",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:trasig",
      "SUMMARY:Trasig regel",
      "DTSTART;TZID=Europe/Stockholm:20270210T100000",
      "RRULE:FREQ=WEEKLY;COUNT=tre",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:utan-start",
      "SUMMARY:Ingen start",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const calendar = await load({ "t.ics": ics });
    expect(calendar.events.map((event) => event.id)).toEqual(["ok"]);
    expect(calendar.problems.map((problem) => [problem.line, problem.message.split(":")[0]])).toEqual([
      [9, "calendar/t.ics rad 9"],
      [15, "calendar/t.ics rad 15 (händelse utan-start)"],
    ]);
  });

  it("reports unknown groups, missing groups, duplicate ids and missing calendar files", async () => {
    const calendar = await load(
      {
        "a.yaml": GOOD,
        "b.yaml": `events:\n  - id: bra-mote\n    group: g\n    title: Dubblett\n    start: 2027-03-01 10:00\n  - id: annan\n    group: okand\n    title: Okänd grupp\n    start: 2027-03-01 10:00\n  - id: ingen\n    title: Ingen grupp\n    start: 2027-03-01 10:00\n`,
      },
      [group("g", { calendar: ["saknas.yaml"] })],
    );
    expect(calendar.events.map((event) => event.title)).toEqual(["Bra möte"]);
    const messages = calendar.problems.map((problem) => problem.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^groups\/g\.yaml: kalenderfilen "saknas\.yaml" finns inte/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /calendar\/b\.yaml rad 2 \(händelse bra-mote\): id:t används redan i calendar\/a\.yaml/,
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/\(händelse annan\): okänd grupp "okand"/));
    expect(messages).toContainEqual(
      expect.stringMatching(/\(händelse ingen\): händelsen hör inte till någon grupp/),
    );
  });

  it("takes the group from the group file that lists the calendar file", async () => {
    const calendar = await load(
      { "laholm.yaml": `events:\n  - id: m\n    title: M\n    start: 2027-03-01 10:00\n` },
      [group("laholm", { calendar: ["laholm.yaml"] })],
    );
    expect(calendar.problems).toEqual([]);
    expect(calendar.events[0]?.groupId).toBe("laholm");
  });

  it("loads the shipped example calendar without problems", async () => {
    const { loadGroups } = await import("../../src/knowledge/groups.ts");
    const { groups } = await loadGroups("knowledge/groups");
    const calendar = await loadCalendar("knowledge/calendar", groups);
    expect(calendar.problems).toEqual([]);
    expect(new Set(calendar.events.map((event) => event.groupId))).toEqual(
      new Set(groups.map((entry) => entry.id)),
    );
  });
});
