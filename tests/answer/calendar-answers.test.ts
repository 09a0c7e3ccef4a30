import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskOptions } from "../../src/answer/answer-service.ts";
import { understandCalendarQuestion } from "../../src/answer/understand/calendar-question.ts";
import type { Core } from "../../src/app/compose.ts";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import type { Occurrence } from "../../src/reminders/calendar-event.ts";
import { loadCalendar } from "../../src/reminders/load-calendar.ts";
import { STOCKHOLM, swedishClock, swedishDate } from "../../src/reminders/stockholm-time.ts";
import { scopeForGroups } from "../../src/retrieval/scope.ts";
import { ingestedCore, temporaryFolder } from "../builders/core.ts";

// Second Thursday of every other month, one date cancelled (EXDATE), one moved (RECURRENCE-ID),
// a DST change in between, and a deadline a week before each meeting.
const ICS = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//SV
X-SAMSYN-GROUP:ekby
BEGIN:VEVENT
UID:ekby-sammantrade@test
DTSTAMP:20261201T090000Z
SUMMARY:Beredningens sammanträde
LOCATION:Kommunhuset\\, Ekby
DTSTART;TZID=Europe/Stockholm:20270211T093000
DTEND;TZID=Europe/Stockholm:20270211T120000
RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TH;UNTIL=20271231T225959Z
EXDATE;TZID=Europe/Stockholm:20270610T093000
X-SAMSYN-KIND:meeting
END:VEVENT
BEGIN:VEVENT
UID:ekby-sammantrade@test
DTSTAMP:20270301T090000Z
RECURRENCE-ID;TZID=Europe/Stockholm:20271014T093000
SUMMARY:Beredningens sammanträde (flyttat)
LOCATION:Biblioteket\\, Ekby
DTSTART;TZID=Europe/Stockholm:20271021T130000
DTEND;TZID=Europe/Stockholm:20271021T150000
END:VEVENT
BEGIN:VEVENT
UID:ekby-arenden@test
DTSTAMP:20261201T090000Z
SUMMARY:Sista dag att anmäla ärenden till beredningen
DTSTART;VALUE=DATE:20270204
DTEND;VALUE=DATE:20270205
RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=1TH;UNTIL=20271231
X-SAMSYN-KIND:deadline
END:VEVENT
END:VCALENDAR
`;
const DOCUMENT = `# Överenskommelse om samverkan i Ekby

Beredningen sammanträder minst fyra gånger per år. Kallelse skickas av kommunstyrelsens ordförande.
`;

let core: Core;
let group: Group;
let cleanup: () => void;
let meetings: Occurrence[];
let calendarDir: string;

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  const knowledge = path.join(folder.dir, "knowledge");
  fs.mkdirSync(path.join(knowledge, "groups"), { recursive: true });
  fs.mkdirSync(path.join(knowledge, "calendar"));
  fs.writeFileSync(path.join(knowledge, "ekby.md"), DOCUMENT);
  fs.writeFileSync(
    path.join(knowledge, "groups", "ekby.yaml"),
    "name: Samverkansberedningen i Ekby\ndocuments: [ekby.md]\nvisibility: public\ncalendar: [ekby.ics]\n",
  );
  fs.writeFileSync(path.join(knowledge, "calendar", "ekby.ics"), ICS);
  const { groups } = await loadGroups(path.join(knowledge, "groups"));
  group = groups[0] as Group;
  calendarDir = path.join(knowledge, "calendar");
  // The expected occasions come from the calendar module itself, as the reminders read them.
  const { events } = await loadCalendar(calendarDir, groups);
  const year = (y: number) => DateTime.fromObject({ year: y }, { zone: STOCKHOLM });
  meetings = events
    .filter((event) => event.kind === "meeting")
    .flatMap((event) => event.occurrences(year(2027), year(2028)))
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
  ({ core } = await ingestedCore(knowledge, path.join(folder.dir, "data")));
}, 60_000);
afterAll(() => {
  core?.close();
  cleanup?.();
});

const ask = (question: string, now: string, extra: Partial<AskOptions> = {}) =>
  core.answers.ask(question, {
    scope: scopeForGroups([group.id], [group], core.index.catalog.documents()),
    group,
    now: new Date(now),
    ...extra,
  });
const when = (occurrence: Occurrence) =>
  `${swedishDate(occurrence.start)} kl. ${swedishClock(occurrence.start)}`;
const firstAfter = (instant: string) =>
  meetings.find((occurrence) => occurrence.start.toMillis() > Date.parse(instant));

describe("meeting questions in a group's channel are answered from its calendar", () => {
  it("gives the next meeting's weekday, date, time and place and cites the calendar event", async () => {
    const now = "2027-02-20T10:00:00+01:00";
    const next = firstAfter(now) as Occurrence;
    const { answer } = await ask("När är nästa möte?", now);
    expect(answer.abstained).toBe(false);
    expect(answer.text).toContain(`${when(next)}, ${next.location}`);
    expect(answer.citations[0]).toMatchObject({ documentId: "calendar/ekby.ics", title: next.title });
    expect(answer.citations[0]?.quote).toContain(next.title);
  });

  it("skips a cancelled date (EXDATE) and says so when that date is asked about", async () => {
    const now = "2027-05-20T10:00:00+02:00";
    const next = firstAfter(now) as Occurrence;
    expect(next.start.month).not.toBe(6); // the module drops the cancelled June meeting
    const { answer: nextAnswer } = await ask("När har vi nästa sammanträde?", now);
    expect(nextAnswer.text).toContain(when(next));

    const { answer } = await ask("Blir det något möte den 10 juni?", now);
    expect(answer.text).toMatch(/^Nej\. Beredningens sammanträde torsdag 10 juni 2027 är inställt/);
    expect(answer.text).toContain(`Nästa möte efter det: ${next.title} – ${when(next)}`);
  });

  it("tells a moved occurrence (RECURRENCE-ID) from where it was and gives its new time and place", async () => {
    const moved = meetings.find((occurrence) => occurrence.title.includes("flyttat")) as Occurrence;
    const { answer } = await ask("Stämmer det att oktobermötet är flyttat?", "2027-09-01T10:00:00+02:00");
    expect(answer.text).toContain(
      `Ja, Beredningens sammanträde är flyttat från torsdag 14 oktober 2027 till ${swedishDate(moved.start)}`,
    );
    expect(answer.text).toContain(`${when(moved)}, ${moved.location}`);
  });

  it("answers the moved meeting's original date with its new one once, and where it is held in the thread", async () => {
    const moved = meetings.find((occurrence) => occurrence.title.includes("flyttat")) as Occurrence;
    const now = "2027-09-01T10:00:00+02:00";
    const { answer } = await ask("Blir det möte den 14 oktober?", now);
    expect(answer.text).toMatch(/^Nej, det är flyttat: /);
    expect(answer.text.split(when(moved)).length - 1).toBe(1);
    const { answer: where } = await ask("Och var?", now, { history: ["Blir det möte den 14 oktober?"] });
    expect(where.text).toContain(`hålls i ${moved.location}: ${when(moved)}`);
  });

  it("counts the meetings left this year as the calendar module expands them", async () => {
    const now = "2027-03-01T10:00:00+01:00";
    const left = meetings.filter((occurrence) => occurrence.start.toMillis() > Date.parse(now));
    const { answer } = await ask("Hur många möten har vi kvar i år?", now);
    expect(answer.text.startsWith(`${left.length} möten resten av 2027:`)).toBe(true);
    for (const occurrence of left) expect(answer.text).toContain(when(occurrence));
  });

  it("lists a month's deadlines and meetings", async () => {
    const { answer } = await ask("Vad har vi på gång i augusti?", "2027-07-01T10:00:00+02:00");
    expect(answer.text).toContain("torsdag 5 augusti 2027");
    expect(answer.text).toContain("Sista dag att anmäla ärenden");
    expect(answer.text).toContain(
      when(meetings.find((occurrence) => occurrence.start.month === 8) as Occurrence),
    );
  });

  it("says the calendar does not reach a year it has no dates for, and declines", async () => {
    const { answer } = await ask("Finns det några mötesdatum för 2029?", "2027-11-15T10:00:00+01:00");
    expect(answer.abstained).toBe(true);
    expect(answer.text).toContain("har inga möten under 2029");
    expect(answer.text).toContain(`till ${swedishDate((meetings.at(-1) as Occurrence).start)}`);
  });

  it("answers a follow-up in the thread about the same meeting", async () => {
    const now = "2027-01-10T10:00:00+01:00";
    const next = firstAfter(now) as Occurrence;
    const { answer } = await ask("Och var?", now, { history: ["När är nästa sammanträde?"] });
    expect(answer.text).toContain(`hålls i ${next.location}`);
  });

  it("leaves the rule to the documents", async () => {
    const { answer } = await ask("Hur ofta sammanträder beredningen?", "2027-01-10T10:00:00+01:00");
    expect(answer.text).toContain("minst fyra gånger per år");
    expect(answer.citations.every((citation) => citation.documentId === "ekby.md")).toBe(true);
  });
});

describe("reading a question as a calendar question", () => {
  it.each([
    ["När är nästa möte?", "next"],
    ["Vilka möten har vi i november?", "list"],
    ["Hur många sammanträden har vi kvar i år?", "count"],
    ["Blir det nåt möte den 6 augusti?", "date"],
    ["När ska nästa uppföljningsrapport vara inlämnad?", "next"],
    ["Har något möte ställts in?", "list"],
  ])("%s → %s", (question, ask) => {
    expect(understandCalendarQuestion(question)?.ask).toBe(ask);
  });

  it.each([
    "Hur ofta träffas vi?",
    "Vem kallar till våra möten?",
    "Vilka tjänstepersoner har vi som stöd på mötena?",
    "Hur många ledamöter utser kommunerna?",
    "Kan man vara med på distans på våra sammanträden?",
  ])("%s is not about the calendar", (question) => {
    expect(understandCalendarQuestion(question)).toBeNull();
  });
});
