import type { Group } from "../../knowledge/groups.ts";
import { properNames } from "../../retrieval/proper-names.ts";

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

/**
 * What joins the search when a question speaks of the group: its name. The organisations and the
 * description were tried too; their many words outweighed the question's own on the dev set.
 */
export function groupSearchContext(group: Group): string {
  return group.name;
}

/** Every name the group file gives the group: name, organisations, description and id. */
function groupNames(group: Group): string {
  return [group.name, ...group.organisations, group.description ?? "", group.id.replaceAll("-", " ")].join(
    " ",
  );
}

/**
 * Whether the question names a place or body the group file does not ("… i Laholm?" asked in
 * HälSam's channel): then it is about someone else, and other documents may answer it.
 */
export function namesAnotherBody(question: string, group: Group): boolean {
  const ownWords =
    groupNames(group)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  return properNames(question).some((name) => {
    const lower = name.toLowerCase();
    return !ownWords.some(
      (word) => word.startsWith(lower) || lower.startsWith(word.slice(0, Math.max(4, word.length - 2))),
    );
  });
}
