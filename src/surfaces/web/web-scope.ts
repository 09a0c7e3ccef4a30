import type { Group } from "../../knowledge/groups.ts";
import {
  ADMINISTRATOR,
  type Audience,
  conversationAudience,
  mayShowGroup,
  shownGroups,
  withChosenGroup,
} from "../../retrieval/scope.ts";
import { WebRequestError } from "./web-http.ts";

/** A visitor without the access code: public groups and documents only. */
const VISITOR: Audience = conversationAudience([]);

/** Who uses the page: the administrator (with the access code, or on loopback without one) or a visitor. */
export function pageAudience(admin: boolean): Audience {
  return admin ? ADMINISTRATOR : VISITOR;
}

/** The groups offered in the page's selector: all usable ones for the administrator, public ones for visitors. */
export function selectableGroups(groups: readonly Group[], admin: boolean): Group[] {
  return shownGroups(pageAudience(admin), groups);
}

/**
 * The page's audience with the group chosen in the selector as its home. No group means "Alla
 * dokument" for the administrator and the public documents for a visitor. Throws when the group
 * does not exist or is not open to this user.
 */
export function webAudience(groupId: string | null, admin: boolean, groups: readonly Group[]): Audience {
  const audience = pageAudience(admin);
  if (groupId === null) return audience;
  checkGroup(groupId, audience, groups);
  return withChosenGroup(audience, groupId);
}

/** Throws when the group does not exist or may not be shown to this audience. */
function checkGroup(groupId: string, audience: Audience, groups: readonly Group[]): Group {
  const group = groups.find((candidate) => candidate.id === groupId);
  if (group && mayShowGroup(audience, group)) return group;
  // A withheld group is answered like an unknown one: it is not offered anywhere.
  if (group && group.withheld === undefined) {
    throw new WebRequestError(
      403,
      "group_forbidden",
      "Gruppens dokument är interna. Logga in med åtkomstkoden för att söka i dem.",
    );
  }
  throw new WebRequestError(404, "group_unknown", "Gruppen finns inte. Ladda om sidan.");
}
