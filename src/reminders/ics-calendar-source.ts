import ICAL from "ical.js";
import type { DateTime } from "luxon";
import { z } from "zod";
import { type CalendarEvent, EVENT_KINDS, type EventKind, type Occurrence } from "./calendar-event.ts";
import { type CalendarProblem, calendarProblem } from "./calendar-problem.ts";
import { icalErrorText } from "./ical-error-text.ts";
import { ianaZone, icsDateProblems, icsTimeToStockholm } from "./ics-time.ts";
import { MAX_OCCURRENCES_PER_WINDOW, recurrenceProblem } from "./recurrence.ts";
import { type ReminderRule, reminderRuleSchema } from "./reminder-rule.ts";

const MAX_STEPS = 200_000;

interface Block {
  name: "VEVENT" | "VTIMEZONE";
  line: number;
  text: string;
}

interface ParsedVevent {
  component: ICAL.Component;
  line: number;
  uid: string;
  isException: boolean;
}

/**
 * Reads an iCalendar file (VEVENT with RRULE, EXDATE, RDATE, RECURRENCE-ID and TZID). Each VEVENT
 * is parsed on its own, so a broken one is reported with its line and skipped. Samsyn-specific
 * properties: X-SAMSYN-GROUP (also at calendar level), X-SAMSYN-KIND, X-SAMSYN-PREPARE,
 * X-SAMSYN-DOCUMENT and X-SAMSYN-REMINDERS ("7 dagar, 1 dag").
 */
export function parseIcsCalendar(
  file: string,
  source: string,
  defaultGroup: string | null = null,
): { events: CalendarEvent[]; problems: CalendarProblem[] } {
  const problems: CalendarProblem[] = [];
  const { blocks, header } = splitBlocks(source);
  if (!/^BEGIN:VCALENDAR\s*$/im.test(source)) {
    return {
      events: [],
      problems: [calendarProblem(file, 1, null, "filen är ingen iCalendar-fil (BEGIN:VCALENDAR saknas)")],
    };
  }
  const fileGroup = /^X-SAMSYN-GROUP:(.+)$/im.exec(header)?.[1]?.trim() ?? defaultGroup;

  for (const block of blocks.filter((candidate) => candidate.name === "VTIMEZONE")) {
    try {
      const component = wrap(block.text).getFirstSubcomponent("vtimezone");
      const tzid = component?.getFirstPropertyValue("tzid");
      // IANA names are converted by luxon; only custom definitions need ical.js's zone service.
      if (component && typeof tzid === "string" && !ianaZone(tzid)) ICAL.TimezoneService.register(component);
    } catch (error) {
      problems.push(calendarProblem(file, block.line, null, `ogiltig VTIMEZONE: ${icalErrorText(error)}`));
    }
  }

  const vevents: ParsedVevent[] = [];
  for (const block of blocks.filter((candidate) => candidate.name === "VEVENT")) {
    const badDates = icsDateProblems(block.text, block.line);
    if (badDates.length > 0) {
      for (const bad of badDates)
        problems.push(calendarProblem(file, bad.line, null, `${bad.message} – händelsen hoppas över`));
      continue;
    }
    try {
      const component = wrap(block.text).getFirstSubcomponent("vevent");
      if (!component) throw new Error("VEVENT saknas");
      const uid = String(component.getFirstPropertyValue("uid") ?? "").trim() || `${file}:rad-${block.line}`;
      const start = component.getFirstPropertyValue("dtstart");
      if (!(start instanceof ICAL.Time)) {
        problems.push(calendarProblem(file, block.line, uid, "DTSTART saknas – händelsen hoppas över"));
        continue;
      }
      // Parsing the rules and exception dates here makes a broken one fail now, not during planning.
      const refused = component
        .getAllProperties("rrule")
        .map((property) => recurrenceProblem(property.getFirstValue() as ICAL.Recur))
        .find((problem) => problem !== null);
      if (refused) {
        const line = propertyLine(block, "RRULE");
        problems.push(calendarProblem(file, line, uid, `RRULE ${refused} – händelsen hoppas över`));
        continue;
      }
      for (const property of component.getAllProperties("exdate")) property.getValues();
      // ical.js checks a rule's parts only when expanding it; a first step does that now.
      const trial = new ICAL.Event(component).iterator();
      for (let step = 0; step < 3 && trial.next(); step++);
      vevents.push({ component, line: block.line, uid, isException: component.hasProperty("recurrence-id") });
    } catch (error) {
      problems.push(
        calendarProblem(
          file,
          block.line,
          null,
          `trasig VEVENT: ${icalErrorText(error)} – händelsen hoppas över`,
        ),
      );
    }
  }

  const events: CalendarEvent[] = [];
  for (const master of vevents.filter((vevent) => !vevent.isException)) {
    const exceptions = vevents.filter((vevent) => vevent.isException && vevent.uid === master.uid);
    const built = icsEvent(file, master, exceptions, fileGroup);
    problems.push(...built.problems);
    events.push(built.event);
  }
  for (const orphan of vevents.filter(
    (vevent) =>
      vevent.isException && !vevents.some((other) => !other.isException && other.uid === vevent.uid),
  )) {
    const built = icsEvent(file, { ...orphan, isException: false }, [], fileGroup);
    problems.push(...built.problems);
    events.push(built.event);
  }
  return { events, problems };
}

function icsEvent(
  file: string,
  master: ParsedVevent,
  exceptions: ParsedVevent[],
  fileGroup: string | null,
): { event: CalendarEvent; problems: CalendarProblem[] } {
  const problems: CalendarProblem[] = [];
  const component = master.component;
  const property = (name: string) => {
    const value = component.getFirstPropertyValue(name);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  };
  const kindText = property("x-samsyn-kind")?.toLowerCase() ?? null;
  let kind: EventKind = "meeting";
  if (kindText && (EVENT_KINDS as readonly string[]).includes(kindText)) kind = kindText as EventKind;
  else if (kindText) {
    problems.push(
      calendarProblem(
        file,
        master.line,
        master.uid,
        `X-SAMSYN-KIND ska vara ett av ${EVENT_KINDS.join(", ")} (inte "${kindText}") – möte antas`,
      ),
    );
  }
  let reminders: ReminderRule[] | null = null;
  const reminderText = property("x-samsyn-reminders");
  if (reminderText) {
    const parsed = z.array(reminderRuleSchema).safeParse(reminderText.split(/\s*,\s*/).filter(Boolean));
    if (parsed.success) reminders = parsed.data;
    else
      problems.push(
        calendarProblem(
          file,
          master.line,
          master.uid,
          `X-SAMSYN-REMINDERS: ${parsed.error.issues[0]?.message} – gruppens regler används`,
        ),
      );
  }
  const icalEvent = new ICAL.Event(component, {
    exceptions: exceptions.map((exception) => exception.component),
  });
  const tzidOf = (item: ICAL.Event) => {
    const parameter = item.component.getFirstProperty("dtstart")?.getFirstParameter("tzid");
    return typeof parameter === "string" ? parameter : null;
  };
  const documents = component
    .getAllProperties("x-samsyn-document")
    .map((documentProperty) => String(documentProperty.getFirstValue() ?? "").trim())
    .filter(Boolean);
  const description = icalEvent.description?.trim() || null;
  const event: CalendarEvent = {
    id: master.uid,
    groupId: property("x-samsyn-group") ?? fileGroup,
    title: icalEvent.summary?.trim() || "(utan rubrik)",
    kind,
    location: icalEvent.location?.trim() || null,
    notes: description,
    prepare: property("x-samsyn-prepare"),
    documents,
    reminders,
    origin: { file, line: master.line },
    // A description next to a named document is taken as the passage the event comes from.
    citation: description && documents[0] ? { document: documents[0], quote: description } : null,
    occurrences(from: DateTime, to: DateTime) {
      const result: Occurrence[] = [];
      const iterator = icalEvent.iterator();
      for (let step = 0; step < MAX_STEPS && result.length < MAX_OCCURRENCES_PER_WINDOW; step++) {
        const next = nextOrNull(iterator);
        if (!next) break;
        const details = icalEvent.getOccurrenceDetails(next);
        const start = icsTimeToStockholm(details.startDate, tzidOf(details.item));
        const nominal = icsTimeToStockholm(next, tzidOf(icalEvent));
        if (nominal >= to.plus({ days: 31 }) && start >= to) break;
        if (start < from || start >= to) continue;
        const allDay = details.startDate.isDate;
        const end = details.endDate ? icsTimeToStockholm(details.endDate, tzidOf(details.item)) : null;
        const slot = allDay ? nominal.toISODate() : nominal.toFormat("yyyy-MM-dd'T'HH:mm");
        result.push({
          key: `${master.uid}@${slot}`,
          event,
          title: details.item.summary?.trim() || event.title,
          location: details.item.location?.trim() || event.location,
          start,
          end: end && end > start ? end : null,
          allDay,
          usefulUntil: allDay ? start.plus({ days: 1 }) : start,
        });
      }
      return result;
    },
  };
  return { event, problems };
}

/** Splits the file into VEVENT/VTIMEZONE blocks with their first line; the rest is the calendar header. */
function splitBlocks(source: string): { blocks: Block[]; header: string } {
  const lines = source.split(/\r?\n/);
  const blocks: Block[] = [];
  const header: string[] = [];
  let current: { name: Block["name"]; line: number; lines: string[] } | null = null;
  lines.forEach((line, index) => {
    const begin = /^BEGIN:(VEVENT|VTIMEZONE)\s*$/i.exec(line);
    if (!current && begin) {
      current = { name: (begin[1] ?? "").toUpperCase() as Block["name"], line: index + 1, lines: [] };
    }
    if (current) {
      current.lines.push(line);
      if (new RegExp(`^END:${current.name}\\s*$`, "i").test(line)) {
        blocks.push({ name: current.name, line: current.line, text: current.lines.join("\r\n") });
        current = null;
      }
    } else header.push(line);
  });
  const unfinished = current as { name: Block["name"]; line: number; lines: string[] } | null;
  if (unfinished)
    blocks.push({ name: unfinished.name, line: unfinished.line, text: unfinished.lines.join("\r\n") });
  return { blocks, header: header.join("\n") };
}

function wrap(block: string): ICAL.Component {
  return new ICAL.Component(
    ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:samsyn\r\n${block}\r\nEND:VCALENDAR`),
  );
}

/** The file line where a block's first property `name` starts (the block's own line when absent). */
function propertyLine(block: Block, name: string): number {
  const index = block.text
    .split("\r\n")
    .findIndex(
      (line) => line.toUpperCase().startsWith(`${name}:`) || line.toUpperCase().startsWith(`${name};`),
    );
  return index < 0 ? block.line : block.line + index;
}

/** The next occurrence, or null when the rule has none left or ical.js gives up on it. */
function nextOrNull(iterator: ICAL.RecurExpansion): ICAL.Time | null {
  try {
    return iterator.next() ?? null;
  } catch {
    // Parsing already tried the first steps; a rule that fails later ends its occurrences there.
    return null;
  }
}
