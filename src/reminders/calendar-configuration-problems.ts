import path from "node:path";
import type { Group } from "../knowledge/groups.ts";
import { type CalendarProblem, calendarProblem } from "./calendar-problem.ts";
import { loadCalendar } from "./load-calendar.ts";
import { groupReminderSettings } from "./reminder-settings.ts";

/**
 * Everything in the calendars a person must fix, in Swedish with file and line: calendar files and
 * events that cannot be used, calendar files a group lists that do not exist, and group reminder
 * settings that fall back to the defaults. The same list as the reminder service reports, for the
 * places that show configuration problems without running reminders (ingest summary, web status,
 * `npm run calendar`). A problem in one group or file leaves the others working.
 */
export async function calendarConfigurationProblems(
  knowledgeDir: string,
  groups: readonly Group[],
): Promise<CalendarProblem[]> {
  // A withheld group's settings are not its file's (reminders are off); its own warning covers it.
  const usable = groups.filter((group) => group.withheld === undefined);
  const settings = usable.flatMap((group) => {
    const { problem } = groupReminderSettings(group);
    return problem
      ? [calendarProblem(`groups/${group.id}.yaml`, null, null, problem.replace(/^[^:]*: /, ""))]
      : [];
  });
  const calendar = await loadCalendar(path.join(knowledgeDir, "calendar"), groups);
  return [...settings, ...calendar.problems];
}
