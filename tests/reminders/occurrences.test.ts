import { describe, expect, it } from "vitest";
import type { CalendarEvent } from "../../src/reminders/calendar-event.ts";
import { parseIcsCalendar } from "../../src/reminders/ics-calendar-source.ts";
import { plannedTimes } from "../../src/reminders/plan-reminders.ts";
import { makeRule } from "../../src/reminders/reminder-rule.ts";
import { isoWithOffset, stockholmDateTime } from "../../src/reminders/stockholm-time.ts";
import { parseYamlCalendar } from "../../src/reminders/yaml-calendar-source.ts";

const from = stockholmDateTime("2027-01-01");
const to = stockholmDateTime("2028-01-01");

function yamlEvents(body: string): CalendarEvent[] {
  const { events, problems } = parseYamlCalendar("calendar/test.yaml", `group: g\nevents:\n${body}`);
  expect(problems).toEqual([]);
  return events;
}

function starts(event: CalendarEvent | undefined, range = { from, to }): string[] {
  return (event?.occurrences(range.from, range.to) ?? []).map((occurrence) =>
    isoWithOffset(occurrence.start),
  );
}

function ics(events: string, header = ""): string {
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n${header}${events}END:VCALENDAR\r\n`;
}

describe("YAML occurrences", () => {
  it("expands an RRULE in Stockholm time and leaves out the exceptions", () => {
    const [event] = yamlEvents(`
  - id: moten
    title: Sammanträde
    start: 2027-02-09 13:00
    end: 2027-02-09 15:30
    recurrence: FREQ=YEARLY;BYMONTH=2,4,9,11;BYDAY=2TU
    exceptions: [2027-09-14]
`);
    expect(starts(event)).toEqual([
      "2027-02-09T13:00:00+01:00",
      "2027-04-13T13:00:00+02:00",
      "2027-11-09T13:00:00+01:00",
    ]);
    const [april] =
      event?.occurrences(stockholmDateTime("2027-04-01"), stockholmDateTime("2027-05-01")) ?? [];
    expect(april?.end && isoWithOffset(april.end)).toBe("2027-04-13T15:30:00+02:00");
    expect(april?.key).toBe("moten@2027-04-13T13:00");
  });

  it("honours COUNT and moves deadlines on a non-working day when asked", () => {
    const [event] = yamlEvents(`
  - id: rapport
    title: Rapport
    kind: report
    due: 2027-03-26
    recurrence: FREQ=MONTHLY;COUNT=3
    nonWorkingDay: previous
`);
    // 26 March 2027 is långfredagen, 26 June a Saturday after midsommarafton.
    expect(starts(event)).toEqual([
      "2027-03-25T00:00:00+01:00",
      "2027-04-26T00:00:00+02:00",
      "2027-05-26T00:00:00+02:00",
    ]);
  });

  it("keeps a weekly 09:00 meeting at 09:00 local time across both DST changes", () => {
    const [event] = yamlEvents(`
  - id: veckomote
    title: Veckomöte
    start: 2027-03-21 09:00
    recurrence: FREQ=WEEKLY;BYDAY=SU;UNTIL=20271107T235959
`);
    const all = starts(event);
    expect(all).toContain("2027-03-21T09:00:00+01:00");
    // The last Sundays of March and October are the change days themselves.
    expect(all).toContain("2027-03-28T09:00:00+02:00");
    expect(all).toContain("2027-10-31T09:00:00+01:00");
    expect(all).toContain("2027-10-24T09:00:00+02:00");
    expect(all.every((iso) => iso.includes("T09:00:00"))).toBe(true);
  });

  it('plans "1 dag före" at the same local time across the spring and autumn changes', () => {
    const [spring, autumn] = yamlEvents(`
  - id: var
    title: Möte efter vårens omställning
    start: 2027-03-29 09:00
  - id: host
    title: Möte efter höstens omställning
    start: 2027-11-01 09:00
`);
    const rule = makeRule(1, "days", "09:00");
    const reminderOf = (event: CalendarEvent | undefined) => {
      const [occurrence] = event?.occurrences(from, to) ?? [];
      if (!occurrence) throw new Error("no occurrence");
      return plannedTimes(occurrence, { enabled: true, meeting: [rule] }).map((planned) => planned.at);
    };
    const [springReminder] = reminderOf(spring);
    const [autumnReminder] = reminderOf(autumn);
    expect(springReminder && isoWithOffset(springReminder)).toBe("2027-03-28T09:00:00+02:00");
    expect(autumnReminder && isoWithOffset(autumnReminder)).toBe("2027-10-31T09:00:00+01:00");
    // The calendar day of the change is 23 and 25 hours long.
    const [springMeeting] = spring?.occurrences(from, to) ?? [];
    expect(springMeeting && springReminder && springMeeting.start.diff(springReminder, "hours").hours).toBe(
      24,
    );
    const [onChangeDay] = yamlEvents(`
  - id: sondag
    title: Möte på omställningsdagen
    start: 2027-03-28 09:00
`);
    const [sunday] = onChangeDay?.occurrences(from, to) ?? [];
    const [saturday] = sunday ? plannedTimes(sunday, { enabled: true, meeting: [rule] }) : [];
    expect(saturday && isoWithOffset(saturday.at)).toBe("2027-03-27T09:00:00+01:00");
    expect(sunday && saturday && sunday.start.diff(saturday.at, "hours").hours).toBe(23);
  });

  it("counts working-day reminders over Easter and midsommar", () => {
    const [easter, midsummer] = yamlEvents(`
  - id: efter-pask
    title: Rapport efter påsk
    kind: deadline
    due: 2027-03-30
  - id: efter-midsommar
    title: Rapport efter midsommar
    kind: deadline
    due: 2027-06-28
`);
    const times = (event: CalendarEvent | undefined) => {
      const [occurrence] = event?.occurrences(from, to) ?? [];
      if (!occurrence) throw new Error("no occurrence");
      return plannedTimes(occurrence, undefined).map(
        (planned) => `${planned.rule.id} ${planned.at.toISODate()}`,
      );
    };
    expect(times(easter)).toEqual(["14wd 2027-03-08", "3wd 2027-03-23", "1wd 2027-03-25", "0d 2027-03-30"]);
    expect(times(midsummer)).toEqual([
      "14wd 2027-06-07",
      "3wd 2027-06-22",
      "1wd 2027-06-24",
      "0d 2027-06-28",
    ]);
  });
});

describe("ICS occurrences", () => {
  it("expands RRULE with EXDATE and a moved occurrence in the event's TZID", () => {
    const { events, problems } = parseIcsCalendar(
      "calendar/t.ics",
      ics(
        `BEGIN:VEVENT\r\nUID:tema\r\nSUMMARY:Temadag\r\nDTSTART;TZID=Europe/Stockholm:20270310T093000\r\nDTEND;TZID=Europe/Stockholm:20270310T160000\r\nRRULE:FREQ=YEARLY;BYMONTH=3,10;BYDAY=2WE;COUNT=4\r\nEXDATE;TZID=Europe/Stockholm:20281011T093000\r\nEND:VEVENT\r\n` +
          `BEGIN:VEVENT\r\nUID:tema\r\nRECURRENCE-ID;TZID=Europe/Stockholm:20270310T093000\r\nSUMMARY:Temadag (flyttad)\r\nDTSTART;TZID=Europe/Stockholm:20270317T100000\r\nDTEND;TZID=Europe/Stockholm:20270317T160000\r\nEND:VEVENT\r\n`,
        "X-SAMSYN-GROUP:g\r\n",
      ),
    );
    expect(problems).toEqual([]);
    const [event] = events;
    expect(event?.groupId).toBe("g");
    const occurrences = event?.occurrences(from, stockholmDateTime("2030-01-01")) ?? [];
    expect(occurrences.map((occurrence) => `${isoWithOffset(occurrence.start)} ${occurrence.title}`)).toEqual(
      [
        "2027-03-17T10:00:00+01:00 Temadag (flyttad)",
        "2027-10-13T09:30:00+02:00 Temadag",
        "2028-03-08T09:30:00+01:00 Temadag",
      ],
    );
    // The moved occurrence keeps the key of its original slot, so "Klar" and planned rows follow it.
    expect(occurrences[0]?.key).toBe("tema@2027-03-10T09:30");
  });

  it("converts other zones and UTC to Stockholm time", () => {
    const { events } = parseIcsCalendar(
      "calendar/t.ics",
      ics(
        `BEGIN:VEVENT\r\nUID:ny\r\nSUMMARY:Videomöte\r\nDTSTART;TZID=America/New_York:20270615T090000\r\nEND:VEVENT\r\n` +
          `BEGIN:VEVENT\r\nUID:utc\r\nSUMMARY:UTC\r\nDTSTART:20271115T080000Z\r\nEND:VEVENT\r\n` +
          `BEGIN:VEVENT\r\nUID:win\r\nSUMMARY:Outlook\r\nDTSTART;TZID=W. Europe Standard Time:20270701T090000\r\nEND:VEVENT\r\n`,
      ),
    );
    expect(events.map((event) => starts(event)[0])).toEqual([
      "2027-06-15T15:00:00+02:00",
      "2027-11-15T09:00:00+01:00",
      "2027-07-01T09:00:00+02:00",
    ]);
  });

  it("uses a VTIMEZONE defined in the file for a custom TZID", () => {
    const vtimezone =
      "BEGIN:VTIMEZONE\r\nTZID:Custom Nordic\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";
    const { events } = parseIcsCalendar(
      "calendar/t.ics",
      ics(
        `${vtimezone}BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Custom\r\nDTSTART;TZID=Custom Nordic:20270329T090000\r\nEND:VEVENT\r\n`,
      ),
    );
    expect(starts(events[0])).toEqual(["2027-03-29T09:00:00+02:00"]);
  });
});
