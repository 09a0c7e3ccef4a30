import type { Group } from "../../knowledge/groups.ts";
import { EVERYTHING, type Scope, type ScopedDocument, scopeForGroups } from "../../retrieval/scope.ts";
import { WebRequestError } from "./web-http.ts";

/** The groups offered in the page's selector: all for the administrator, public ones for visitors. */
export function selectableGroups(groups: readonly Group[], admin: boolean): Group[] {
  return groups.filter((group) => admin || group.visibility === "public");
}

/**
 * The scope of a question asked on the page, as in Slack: a group's documents plus the public ones.
 * No group means "Alla dokument" for the administrator and the public documents for a visitor.
 */
export function webScope(
  groupId: string | null,
  admin: boolean,
  groups: readonly Group[],
  documents: readonly ScopedDocument[],
): Scope {
  if (groupId === null) return admin ? EVERYTHING : scopeForGroups([], groups, documents);
  checkGroup(groupId, admin, groups);
  return scopeForGroups([groupId], groups, documents);
}

/** Throws when the group does not exist or is not open to this user. */
export function checkGroup(groupId: string, admin: boolean, groups: readonly Group[]): Group {
  const group = selectableGroups(groups, admin).find((candidate) => candidate.id === groupId);
  if (group) return group;
  if (groups.some((candidate) => candidate.id === groupId)) {
    throw new WebRequestError(
      403,
      "group_forbidden",
      "Gruppens dokument är interna. Logga in med åtkomstkoden för att söka i dem.",
    );
  }
  throw new WebRequestError(404, "group_unknown", "Gruppen finns inte. Ladda om sidan.");
}
