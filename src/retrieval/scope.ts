import type { Group } from "../knowledge/groups.ts";

/** Which documents a question may draw on; `null` means every document (local administration). */
export interface Scope {
  documentIds: readonly string[] | null;
}

/** The unrestricted scope, for local use by whoever owns the knowledge folder. */
export const EVERYTHING: Scope = { documentIds: null };

/** What the scope resolver needs to know about a document. */
export interface ScopedDocument {
  id: string;
  /** Groups named in the document's own front matter. */
  groups: readonly string[];
}

/**
 * Resolves group memberships to a scope: the documents of the given groups plus every public
 * document. A document is public when no group claims it or when one of its groups is public.
 */
export function scopeForGroups(
  groupIds: readonly string[],
  groups: readonly Group[],
  documents: readonly ScopedDocument[],
): Scope {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const claims = new Map<string, Set<string>>();
  const claim = (documentId: string, groupId: string) => {
    let set = claims.get(documentId);
    if (!set) {
      set = new Set();
      claims.set(documentId, set);
    }
    set.add(groupId);
  };
  for (const group of groups) for (const documentId of group.documents) claim(documentId, group.id);
  for (const document of documents) for (const groupId of document.groups) claim(document.id, groupId);

  const wanted = new Set(groupIds);
  const allowed = documents
    .filter((document) => {
      const owners = claims.get(document.id);
      if (!owners || owners.size === 0) return true;
      for (const owner of owners) {
        if (wanted.has(owner)) return true;
        if (byId.get(owner)?.visibility === "public") return true;
      }
      return false;
    })
    .map((document) => document.id);
  return { documentIds: allowed };
}
