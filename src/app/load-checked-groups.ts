import path from "node:path";
import { groupWarnings } from "../knowledge/group-warnings.ts";
import { type Group, loadGroups } from "../knowledge/groups.ts";

/**
 * The groups of the knowledge folder with the Swedish warnings a person must see: group files that
 * cannot be used (their documents withheld) and listed documents missing from the index.
 */
export async function loadCheckedGroups(
  knowledgeDir: string,
  catalog: { documents(): readonly { id: string }[] },
): Promise<{ groups: Group[]; warnings: string[]; withheld: number }> {
  const { groups } = await loadGroups(path.join(knowledgeDir, "groups"));
  const ids = new Set(catalog.documents().map((document) => document.id));
  const withheld = groups.filter((group) => group.withheld !== undefined).length;
  return { groups, warnings: groupWarnings(groups, ids), withheld };
}
