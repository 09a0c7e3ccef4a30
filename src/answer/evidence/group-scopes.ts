import type { Group } from "../../knowledge/groups.ts";
import type { Scope } from "../../retrieval/scope.ts";

/** The scope split in two: the group's own documents, and everything else the asker may see. */
export interface GroupScopes {
  own: Scope;
  /** The rest of the scope; null when nothing is left outside the group's documents. */
  outside: Scope | null;
}

/**
 * Splits a scope into the group's own documents and the rest. Returns null when none of the
 * group's documents is in scope (then the group cannot steer the answer). An unrestricted scope
 * (local administration) stays unrestricted outside: the group's own documents already said nothing.
 */
export function groupScopes(scope: Scope, group: Group): GroupScopes | null {
  const mine = new Set(group.documents);
  if (scope.documentIds === null) {
    return mine.size === 0 ? null : { own: { documentIds: [...mine] }, outside: scope };
  }
  const own = scope.documentIds.filter((id) => mine.has(id));
  if (own.length === 0) return null;
  const rest = scope.documentIds.filter((id) => !mine.has(id));
  return { own: { documentIds: own }, outside: rest.length > 0 ? { documentIds: rest } : null };
}
