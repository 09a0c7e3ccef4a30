import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../../src/app/compose.ts";
import { type Group, loadGroups } from "../../../src/knowledge/groups.ts";
import type { Occurrence } from "../../../src/reminders/calendar-event.ts";
import { loadCalendar } from "../../../src/reminders/load-calendar.ts";
import { STOCKHOLM, swedishClock, swedishDate } from "../../../src/reminders/stockholm-time.ts";
import { scopeForGroups } from "../../../src/retrieval/scope.ts";
import { ingestedCore, temporaryFolder } from "../../builders/core.ts";

// A YAML calendar: monthly meetings with one cancelled date (`exceptions`), the meeting citing the
// agreement's rule (`source`); a report deadline without a source, whose rule the agreement states too.
const CANCELLED = "2027-06-09 13:00";
const YAML = `group: fjallby
events:
  - id: fjallby-sammantrade
    title: Samverkansrådets sammanträde
    start: 2027-01-13 13:00
    end: 2027-01-13 15:00
    recurrence: FREQ=MONTHLY;BYDAY=2WE;UNTIL=20271231T225959Z
    exceptions: ["${CANCELLED}"]
    location: Kommunhuset, Fjällby
    source:
      document: fjallby.md
      quote: Samverkansrådet sammanträder varje månad utom i juli.
  - id: fjallby-rapport
    title: Lägesrapport till kommunstyrelsen
    kind: deadline
    due: 2027-04-30
    recurrence: FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1;UNTIL=20271231
`;
const DOCUMENT = `# Överenskommelse om samverkansrådet i Fjällby

## Möten

Samverkansrådet sammanträder varje månad utom i juli. Kallelse skickas av rådets ordförande.

## Uppföljning

En lägesrapport lämnas till kommunstyrelsen två gånger per år.
`;

let core: Core;
let group: Group;
let cleanup: () => void;
let meetings: Occurrence[];

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  const knowledge = path.join(folder.dir, "knowledge");
  fs.mkdirSync(path.join(knowledge, "groups"), { recursive: true });
  fs.mkdirSync(path.join(knowledge, "calendar"));
  fs.writeFileSync(path.join(knowledge, "fjallby.md"), DOCUMENT);
  fs.writeFileSync(
    path.join(knowledge, "groups", "fjallby.yaml"),
    "name: Samverkansrådet i Fjällby\ndocuments: [fjallby.md]\nvisibility: public\ncalendar: [fjallby.yaml]\n",
  );
  fs.writeFileSync(path.join(knowledge, "calendar", "fjallby.yaml"), YAML);
  const { groups } = await loadGroups(path.join(knowledge, "groups"));
  group = groups[0] as Group;
  // The occasions the reminders would send for, from the calendar module itself.
  const { events } = await loadCalendar(path.join(knowledge, "calendar"), groups);
  const year = (y: number) => DateTime.fromObject({ year: y }, { zone: STOCKHOLM });
  meetings = events
    .filter((event) => event.kind === "meeting")
    .flatMap((event) => event.occurrences(year(2027), year(2028)));
  ({ core } = await ingestedCore(knowledge, path.join(folder.dir, "data")));
}, 60_000);
afterAll(() => {
  core?.close();
  cleanup?.();
});

const ask = (question: string, now: string) =>
  core.answers.ask(question, {
    scope: scopeForGroups([group.id], [group], core.index.catalog.documents()),
    group,
    now: new Date(now),
  });
const cancelledDay = DateTime.fromISO(CANCELLED.replace(" ", "T"), { zone: STOCKHOLM });

describe("cancellations declared in a YAML calendar", () => {
  it("are left out by the calendar module", () => {
    expect(meetings.some((occurrence) => occurrence.start.hasSame(cancelledDay, "day"))).toBe(false);
    expect(meetings.some((occurrence) => occurrence.start.month === 6)).toBe(false);
  });

  it("are answered as cancelled when the date is asked about, with the next meeting after it", async () => {
    const { answer } = await ask("Blir det sammanträde den 9 juni?", "2027-05-20T10:00:00+02:00");
    const next = meetings.find((occurrence) => occurrence.start > cancelledDay) as Occurrence;
    expect(answer.text).toMatch(
      new RegExp(`^Nej\\. Samverkansrådets sammanträde ${swedishDate(cancelledDay)} är inställt`),
    );
    expect(answer.text).toContain(`${swedishDate(next.start)} kl. ${swedishClock(next.start)}`);
    expect(answer.citations[0]).toMatchObject({ documentId: "calendar/fjallby.yaml" });
  });

  it("are named when the next meeting comes after one", async () => {
    const now = "2027-05-20T10:00:00+02:00";
    const next = meetings.find((occurrence) => occurrence.start.toMillis() > Date.parse(now)) as Occurrence;
    const { answer } = await ask("När är nästa sammanträde?", now);
    expect(answer.text).toContain(`Nästa möte: ${next.title} – ${swedishDate(next.start)}`);
    expect(answer.text).toContain(
      `Observera: Samverkansrådets sammanträde ${swedishDate(cancelledDay)} är inställt`,
    );
  });

  it("are confirmed when the question asks whether the date is cancelled", async () => {
    const { answer } = await ask("Är mötet den 9 juni inställt?", "2027-05-20T10:00:00+02:00");
    expect(answer.text).toMatch(
      new RegExp(`^Ja\\. Samverkansrådets sammanträde ${swedishDate(cancelledDay)} är inställt \\[1\\]`),
    );
    const held = meetings.find((occurrence) => occurrence.start.month === 5) as Occurrence;
    const { answer: notCancelled } = await ask(
      `Är mötet den ${held.start.day} maj inställt?`,
      "2027-05-01T10:00:00+02:00",
    );
    expect(notCancelled.text).toMatch(/^Nej, /);
    expect(notCancelled.text).toContain(`${swedishDate(held.start)} kl. ${swedishClock(held.start)}`);
  });

  it("are what 'Vilka möten är inställda?' lists, each cited", async () => {
    const { answer } = await ask("Vilka möten är inställda?", "2027-03-01T10:00:00+01:00");
    expect(answer.text).toMatch(/^Inställt resten av 2027:/);
    expect(answer.text).toContain(
      `Samverkansrådets sammanträde ${swedishDate(cancelledDay)} är inställt [1]`,
    );
    expect(answer.citations[0]?.quote).toContain("(inställt)");
  });

  it("are listed for the month asked about", async () => {
    const { answer } = await ask("Vilka möten har vi i juni?", "2027-05-20T10:00:00+02:00");
    expect(answer.text).toContain(`Samverkansrådets sammanträde ${swedishDate(cancelledDay)} är inställt`);
  });
});

describe("the rule behind a calendar event", () => {
  it("is cited beside the event from the passage the calendar names", async () => {
    const { answer } = await ask("När är nästa möte?", "2027-02-01T10:00:00+01:00");
    expect(answer.citations[0]?.documentId).toBe("calendar/fjallby.yaml");
    const rule = answer.citations.find((citation) => citation.documentId === "fjallby.md");
    expect(rule?.quote).toBe("Samverkansrådet sammanträder varje månad utom i juli.");
    expect(answer.text).toContain("sammanträder varje månad utom i juli.");
  });

  it("is found in the group's document when the calendar names no passage", async () => {
    const { answer } = await ask("När ska nästa lägesrapport lämnas?", "2027-02-01T10:00:00+01:00");
    expect(answer.text).toMatch(/^Nästa sista dag: Lägesrapport till kommunstyrelsen/);
    const rule = answer.citations.find((citation) => citation.documentId === "fjallby.md");
    expect(rule?.quote).toContain("två gånger per år");
  });

  it("is not given when the calendar has no dates for the time asked about", async () => {
    const { answer } = await ask("Finns det några mötesdatum för 2029?", "2027-11-15T10:00:00+01:00");
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
  });
});
