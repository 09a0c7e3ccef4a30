import type { Citation } from "../../answer/answer.ts";
import type { Group } from "../../knowledge/groups.ts";
import { type Scope, scopeAllows } from "../../retrieval/scope.ts";
import type { PassageInContext } from "./passage-in-context.ts";

const CALENDAR_PREFIX = "calendar/";

/** Whether a cited or offered "document" is an event of a group calendar (`calendar/<file>`). */
export function isCalendarSource(documentId: string): boolean {
  return documentId.startsWith(CALENDAR_PREFIX);
}

/**
 * Whether a scope may see a calendar file: the file belongs to a public group, or to a group one of
 * whose documents the scope allows. The calendar is not indexed, so the document scope alone cannot tell.
 */
export function calendarReadable(documentId: string, scope: Scope, groups: readonly Group[]): boolean {
  const file = documentId.slice(CALENDAR_PREFIX.length);
  return groups.some(
    (group) =>
      (group.calendar ?? []).some((entry) => entry.replace(/^calendar\//, "") === file) &&
      (group.visibility === "public" || group.documents.some((id) => scopeAllows(scope, id))),
  );
}

/** A cited calendar event shown as its own passage: the event as the answer showed it. */
export function calendarPassage(citation: Citation): PassageInContext {
  return {
    documentId: citation.documentId,
    chunkId: citation.chunkId,
    title: citation.title,
    section: null,
    page: null,
    source: null,
    before: null,
    text: citation.quote,
    after: null,
  };
}
