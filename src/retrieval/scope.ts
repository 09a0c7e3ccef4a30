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

/**
 * Who is asking, as far as groups go. Every surface turns its place (a Slack channel, a Teams
 * personal chat, the web page with or without the access code, the terminal) into an audience, and
 * every command decides from it alone what to show: answers, introductions, glossaries, meetings,
 * reminders, årshjul, panels, stored answers and counts.
 */
export interface Audience {
  /** Groups whose internal material may be shown besides public groups'; null for the local administrator (all). */
  readonly memberOf: readonly string[] | null;
  /** The groups the place itself belongs to or has chosen; commands without a named group are about these. */
  readonly home: readonly string[];
}

/** The local administrator: the terminal, or the web page with the access code (or on loopback without one). */
export const ADMINISTRATOR: Audience = { memberOf: null, home: [] };

/** A chat conversation: it may see, and is about, the groups it belongs to (a channel's, or the person's in a DM). */
export function conversationAudience(groupIds: readonly string[]): Audience {
  return { memberOf: [...groupIds], home: [...groupIds] };
}

/** The audience narrowed to a group it chose (web selector, terminal `grupp`); the group must be shown to it. */
export function withChosenGroup(audience: Audience, groupId: string | null): Audience {
  return { memberOf: audience.memberOf, home: groupId === null ? [] : [groupId] };
}

/**
 * Whether anything of a group (name, introduction, glossary, calendar) may be shown: public groups
 * to everyone, internal ones to their members and the administrator, withheld ones to nobody.
 */
export function mayShowGroup(audience: Audience, group: Group): boolean {
  if (group.withheld !== undefined) return false;
  if (audience.memberOf === null || group.visibility === "public") return true;
  return audience.memberOf.includes(group.id);
}

/** The groups an audience may be offered and shown, in file order. */
export function shownGroups(audience: Audience, groups: readonly Group[]): Group[] {
  return groups.filter((group) => mayShowGroup(audience, group));
}

/** The groups a command that names none is about: the audience's own groups, else every group shown to it. */
export function groupsInView(audience: Audience, groups: readonly Group[]): Group[] {
  const shown = shownGroups(audience, groups);
  const home = shown.filter((group) => audience.home.includes(group.id));
  return home.length > 0 ? home : shown;
}

/**
 * The documents an audience may draw on: its own groups' plus the public ones; the administrator
 * without a chosen group sees everything (withheld documents included: the files are its own).
 */
export function audienceScope(
  audience: Audience,
  groups: readonly Group[],
  documents: readonly ScopedDocument[],
): Scope {
  const home = audience.home.filter((id) =>
    groups.some((group) => group.id === id && mayShowGroup(audience, group)),
  );
  if (home.length > 0) return scopeForGroups(home, groups, documents);
  if (audience.memberOf === null) return EVERYTHING;
  return scopeForGroups(audience.memberOf, groups, documents);
}

/** Whether a scope lets a document be read. */
export function scopeAllows(scope: Scope, documentId: string): boolean {
  return scope.documentIds === null || scope.documentIds.includes(documentId);
}
