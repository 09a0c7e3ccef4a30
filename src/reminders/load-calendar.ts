import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { type Group, listedLine } from "../knowledge/groups.ts";
import type { CalendarEvent } from "./calendar-event.ts";
import { type CalendarProblem, calendarProblem } from "./calendar-problem.ts";
import { parseIcsCalendar } from "./ics-calendar-source.ts";
import { parseYamlCalendar } from "./yaml-calendar-source.ts";

const CALENDAR_FILE = /\.(ya?ml|ics)$/i;

/** The events of the calendar folder, and everything that had to be skipped. */
export interface LoadedCalendar {
  events: CalendarEvent[];
  problems: CalendarProblem[];
  /** Changes when a calendar file is added, removed or edited; lets callers cache. */
  signature: string;
}

/** Parses one calendar file by its extension; `file` is the name used in problems. */
export function parseCalendarFile(
  file: string,
  source: string,
  defaultGroup: string | null = null,
): { events: CalendarEvent[]; problems: CalendarProblem[] } {
  return /\.ics$/i.test(file)
    ? parseIcsCalendar(file, source, defaultGroup)
    : parseYamlCalendar(file, source, defaultGroup);
}

/**
 * Reads every YAML and ICS file under `calendarDir`. Events get their group from the event, the
 * file, or the group file whose `calendar:` lists the file; events without a known group, with a
 * duplicate id, or that fail validation are reported and skipped. A missing folder is an empty calendar.
 */
export async function loadCalendar(calendarDir: string, groups: readonly Group[]): Promise<LoadedCalendar> {
  const files = await listCalendarFiles(calendarDir);
  const problems: CalendarProblem[] = [];
  const groupOfFile = new Map<string, string>();
  for (const group of groups) {
    for (const reference of group.calendar ?? []) {
      const file = reference.replace(/^calendar\//, "");
      if (!files.some((entry) => entry.name === file)) {
        problems.push(
          calendarProblem(
            `groups/${group.id}.yaml`,
            listedLine(group, "calendar", reference),
            null,
            `kalenderfilen "${reference}" finns inte i knowledge/calendar/`,
          ),
        );
      } else if (!groupOfFile.has(file)) groupOfFile.set(file, group.id);
    }
  }
  const groupIds = new Set(groups.map((group) => group.id));
  const events: CalendarEvent[] = [];
  const seen = new Map<string, string>();
  for (const entry of files) {
    const display = `calendar/${entry.name}`;
    let source: string;
    try {
      source = await readFile(entry.path, "utf8");
    } catch (error) {
      // One unreadable file must not cost the rest of the calendar.
      const code = (error as NodeJS.ErrnoException).code ?? "okänt fel";
      problems.push(
        calendarProblem(display, null, null, `filen kunde inte läsas (${code}) – hela filen hoppas över`),
      );
      continue;
    }
    const parsed = parseCalendarFile(display, source, groupOfFile.get(entry.name) ?? null);
    problems.push(...parsed.problems);
    for (const event of parsed.events) {
      const line = event.origin.line;
      if (event.groupId === null) {
        problems.push(
          calendarProblem(
            display,
            line,
            event.id,
            'händelsen hör inte till någon grupp; ange "group:" eller lista filen under "calendar:" i gruppfilen – hoppas över',
          ),
        );
      } else if (!groupIds.has(event.groupId)) {
        problems.push(
          calendarProblem(
            display,
            line,
            event.id,
            `okänd grupp "${event.groupId}" (finns: ${[...groupIds].join(", ")}) – hoppas över`,
          ),
        );
      } else if (seen.has(event.id)) {
        problems.push(
          calendarProblem(
            display,
            line,
            event.id,
            `id:t används redan i ${seen.get(event.id)} – hoppas över`,
          ),
        );
      } else {
        seen.set(event.id, display);
        events.push(event);
      }
    }
  }
  return { events, problems, signature: files.map((entry) => `${entry.name}:${entry.signature}`).join("|") };
}

/** The calendar files and a cheap change signature (size and modification time), without reading them. */
export async function calendarSignature(calendarDir: string): Promise<string> {
  return (await listCalendarFiles(calendarDir)).map((entry) => `${entry.name}:${entry.signature}`).join("|");
}

async function listCalendarFiles(
  calendarDir: string,
): Promise<{ name: string; path: string; signature: string }[]> {
  let names: string[];
  try {
    names = (await readdir(calendarDir, { recursive: true })).map(String);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files = [];
  for (const name of names.sort()) {
    const base = path.basename(name);
    if (!CALENDAR_FILE.test(base) || base.startsWith(".")) continue;
    const file = path.join(calendarDir, name);
    const info = await stat(file);
    if (info.isFile())
      files.push({
        name: name.split(path.sep).join("/"),
        path: file,
        signature: `${info.size}:${info.mtimeMs}`,
      });
  }
  return files;
}
