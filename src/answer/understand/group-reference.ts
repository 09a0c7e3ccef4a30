import type { Group } from "../../knowledge/groups.ts";

/**
 * Words by which members speak of their own group: "vi", "vår överenskommelse", "beredningen",
 * "nämnden". Asked in a group's channel they mean that group, not any body a document names.
 */
const GROUP_WORDS = new Set([
  "vi",
  "ni",
  "oss",
  "er",
  "vår",
  "vårt",
  "våra",
  "ert",
  "era",
  "beredningen",
  "beredningens",
  "nämnden",
  "nämndens",
  "gruppen",
  "gruppens",
  "samverkan",
  "samverkansberedningen",
  "samverkansberedningens",
]);

/** Whether the question speaks of the group it is asked in ("Hur ofta träffas vi?", "Vem kallar till beredningen?"). */
export function refersToGroup(question: string): boolean {
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((word) => GROUP_WORDS.has(word));
}

/** A group that may steer answers: a withheld group (its file could not be read) steers nothing. */
export function usableGroup(group: Group | undefined): Group | null {
  if (!group) return null;
  return (group as { withheld?: unknown }).withheld ? null : group;
}

/** The group file's words that help retrieval find the group's own passages: name, organisations, description. */
export function groupContextText(group: Group): string {
  return [group.name, ...group.organisations, group.description ?? ""].filter(Boolean).join(". ");
}
