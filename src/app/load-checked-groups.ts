import path from "node:path";
import { groupWarnings } from "../knowledge/group-warnings.ts";
import { type Group, loadGroups } from "../knowledge/groups.ts";
import { calendarConfigurationProblems } from "../reminders/calendar-configuration-problems.ts";

/**
 * The groups of the knowledge folder with the Swedish warnings a person must see: group files that
 * cannot be used (their documents withheld), listed documents missing from the index, and the
 * calendar problems (files, lines and events that cannot be used, calendar files that do not exist).
 */
export async function loadCheckedGroups(
  knowledgeDir: string,
  catalog: { documents(): readonly { id: string }[] },
): Promise<{ groups: Group[]; warnings: string[]; calendarProblems: string[]; withheld: number }> {
  const { groups } = await loadGroups(path.join(knowledgeDir, "groups"));
  const ids = new Set(catalog.documents().map((document) => document.id));
  const withheld = groups.filter((group) => group.withheld !== undefined).length;
  const calendar = await calendarConfigurationProblems(knowledgeDir, groups);
  return {
    groups,
    warnings: groupWarnings(groups, ids),
    calendarProblems: calendar.map((problem) => problem.message),
    withheld,
  };
}
