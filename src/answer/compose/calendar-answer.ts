import type { DateTime } from "luxon";
import type { Group } from "../../knowledge/groups.ts";
import type { Occurrence } from "../../reminders/calendar-event.ts";
import { swedishClock, swedishDate } from "../../reminders/stockholm-time.ts";
import type { RetrievedPassage } from "../../retrieval/hybrid-retriever.ts";
import type { Answer, Citation } from "../answer.ts";
import { type CalendarEvidence, isMoved, nominalStart, type Period } from "../evidence/calendar-evidence.ts";
import type { CalendarRule } from "../evidence/calendar-rule.ts";
import { citationFor } from "../passage-reference.ts";
import type { CalendarKind } from "../understand/calendar-question.ts";

/** A long list is cut here, so the answer stays a few lines a member reads in chat. */
const MAX_LINES = 8;
/** The rule's sentence is left out when the answer would grow beyond this: the dates come first. */
const MAX_WITH_RULE = 700;

const LABELS: Record<CalendarKind, { one: string; many: string }> = {
  meeting: { one: "möte", many: "möten" },
  deadline: { one: "sista dag", many: "sista dagar och rapporter" },
  any: { one: "tillfälle", many: "möten och sista dagar" },
};

/** "torsdag 9 september 2027 kl. 09.30, Norrbottens Kommuners kansli, Luleå" – when and where of one occasion. */
export function occasionWhen(occurrence: Occurrence): string {
  const when = occurrence.allDay
    ? swedishDate(occurrence.start)
    : `${swedishDate(occurrence.start)} kl. ${swedishClock(occurrence.start)}`;
  return occurrence.location ? `${when}, ${occurrence.location}` : when;
}

/** One occasion as the answer shows and cites it: title, when, where, and a move. */
export function occasionLine(occurrence: Occurrence): string {
  const moved = isMoved(occurrence) ? ` (flyttat från ${swedishDate(nominalStart(occurrence))})` : "";
  return `${occurrence.title} – ${occasionWhen(occurrence)}${moved}`;
}

/**
 * A cited calendar answer (or, outside the calendar's range, an honest decline that says so). With
 * the rule a group document states ("minst fyra gånger per år"), that passage is cited beside the event.
 */
export function calendarAnswer(
  evidence: CalendarEvidence,
  group: Group,
  rule: CalendarRule | null = null,
): { answer: Answer; passages: RetrievedPassage[] } {
  const citations: Citation[] = [];
  const cite = (occurrence: Occurrence, quote: string): string => {
    const existing = citations.find((citation) => citation.chunkId === occurrence.key);
    if (existing) return `[${existing.n}]`;
    const n = citations.length + 1;
    citations.push({
      n,
      documentId: occurrence.event.origin.file,
      chunkId: occurrence.key,
      title: occurrence.title,
      section: null,
      page: null,
      quote,
      source: null,
      date: null,
    });
    return `[${n}]`;
  };
  let text = evidence.outOfRange ? outOfRangeText(evidence, group) : answerText(evidence, cite, rule);
  const ruleLine = rule
    ? `Enligt ${rule.passage.document.title}: ${rule.quote} [${citations.length + 1}]`
    : "";
  const withRule = rule !== null && !evidence.outOfRange && text.length + ruleLine.length < MAX_WITH_RULE;
  if (withRule) {
    text = `${text}${text.includes("\n") ? "\n" : " "}${ruleLine}`;
    citations.push(citationFor(rule.passage, citations.length + 1, rule.quote));
  }
  const answer: Answer = {
    text,
    citations: evidence.outOfRange ? [] : citations,
    abstained: evidence.outOfRange,
    closest: [],
    language: "sv",
  };
  const passages = answer.citations.map((citation) =>
    withRule && citation.chunkId === rule.passage.chunk.id ? rule.passage : calendarPassage(citation, group),
  );
  return { answer, passages };
}

function answerText(
  evidence: CalendarEvidence,
  cite: (occurrence: Occurrence, quote: string) => string,
  rule: CalendarRule | null,
): string {
  const label = LABELS[evidence.kind];
  const line = (occurrence: Occurrence) => {
    const shown = occasionLine(occurrence);
    return `${shown} ${cite(occurrence, shown)}`;
  };
  const { question } = evidence;
  const first = evidence.occurrences[0];
  // Cited after the occasions that take place, so the first source is one that does.
  const cancelledLines = () =>
    evidence.cancelled.map(
      (occurrence) =>
        `${occurrence.event.title} ${swedishDate(occurrence.start)} är inställt ${cite(occurrence, `${occurrence.event.title} – ${swedishDate(occurrence.start)} (inställt)`)}`,
    );
  if (question.ask === "next" || evidence.period === null) {
    const answer = nextText(evidence, first, line, cite, rule);
    const skipped = first ? cancelledLines() : [];
    return skipped.length > 0 ? `${answer} Observera: ${skipped.join("; ")}.` : answer;
  }
  const period = periodText(evidence.period);
  if (question.ask === "date") return dateText(evidence, evidence.period, line, cancelledLines, cite);
  // "Vilka möten är inställda?", "Är augustimötet inställt?": the cancelled ones, cited first.
  if (question.cancellation && evidence.cancelled.length > 0) {
    return [`Inställt ${period}:`, ...cancelledLines().map((text) => `• ${text}`)].join("\n");
  }
  const shown = evidence.occurrences.slice(0, MAX_LINES).map((occurrence) => `• ${line(occurrence)}`);
  const more = evidence.occurrences.length - shown.length;
  if (more > 0) shown.push(`… och ${more} till.`);
  if (question.cancellation) {
    return [`Inga ${label.many} ${period} är inställda i kalendern.`, ...shown].join("\n");
  }
  const cancelled = cancelledLines().map((text) => `• ${text}`);
  const lines = [...shown, ...cancelled];
  const movedNote =
    /flytta/iu.test(question.topicWords.join(" ")) || question.ask === "list" ? movedLead(evidence) : "";
  if (evidence.occurrences.length === 0) {
    return [`Kalendern har inga ${label.many} ${period}.`, ...lines].join("\n");
  }
  const head =
    question.ask === "count"
      ? `${evidence.occurrences.length} ${evidence.occurrences.length === 1 ? label.one : label.many} ${period}:`
      : `${capitalised(label.many)} ${period}:`;
  return [`${movedNote}${head}`, ...lines].join("\n");
}

/**
 * Whether there is an occasion on one date: held, cancelled or moved, answering "Blir det möte …?"
 * and "Är mötet … inställt?" alike, and where it is held when that is what the thread asks.
 */
function dateText(
  evidence: CalendarEvidence,
  period: Period,
  line: (occurrence: Occurrence) => string,
  cancelledLines: () => string[],
  cite: (occurrence: Occurrence, quote: string) => string,
): string {
  const label = LABELS[evidence.kind];
  const { question } = evidence;
  const day = swedishDate(period.from);
  const on = evidence.occurrences.filter((occurrence) => occurrence.start.hasSame(period.from, "day"));
  const away = evidence.occurrences.filter((occurrence) => !on.includes(occurrence));
  const held = on[0] ?? away[0];
  if (question.aspect === "where" && held) return placeText(held, cite);
  const parts: string[] = [];
  // "Är mötet inställt?" is answered yes when it is, "Blir det möte?" no.
  const [yes, no] = question.cancellation ? ["Nej", "Ja"] : ["Ja", "Nej"];
  if (on.length > 0) parts.push(`${yes}, ${day}: ${on.map(line).join("; ")}.`);
  else if (evidence.cancelled.length > 0) parts.push(`${no}. ${cancelledLines().join("; ")}.`);
  // Neither held that day nor cancelled: "Nej" to both "Blir det möte?" and "Är det inställt?".
  else if (away.length > 0) parts.push(`Nej, det är flyttat: ${away.map(line).join("; ")}.`);
  else parts.push(`${question.cancellation ? "K" : "Nej, k"}alendern har inget ${label.one} ${day}.`);
  const next = evidence.next;
  if (on.length === 0 && next && !away.some((occurrence) => occurrence.key === next.key)) {
    parts.push(`Nästa ${label.one} efter det: ${line(next)}.`);
  }
  return parts.join(" ");
}

/** "X hålls i Y: date time [n]" – where an occasion is held. */
function placeText(occurrence: Occurrence, cite: (occurrence: Occurrence, quote: string) => string): string {
  const where = occurrence.location
    ? `${occurrence.title} hålls i ${occurrence.location}`
    : `Kalendern anger ingen plats för ${occurrence.title}`;
  return `${where}: ${swedishDate(occurrence.start)}${occurrence.allDay ? "" : ` kl. ${swedishClock(occurrence.start)}`}. ${cite(occurrence, occasionLine(occurrence))}`;
}

/** The next occasion, or where it is held, or what it is about. */
function nextText(
  evidence: CalendarEvidence,
  first: Occurrence | undefined,
  line: (occurrence: Occurrence) => string,
  cite: (occurrence: Occurrence, quote: string) => string,
  rule: CalendarRule | null,
): string {
  const { question } = evidence;
  if (!first) return `Kalendern har inget kommande ${LABELS[evidence.kind].one}.`;
  if (question.aspect === "where") return placeText(first, cite);
  // The event's description, unless it is the rule's passage, which follows cited.
  const notes = first.event.notes;
  const about = question.aspect === "what" && notes && squeezed(notes) !== rule?.quote ? ` ${notes}` : "";
  return `Nästa ${LABELS[kindOf(first)].one}: ${line(first)}.${about}`;
}

/** "Ja, … är flyttat" when a listed occasion was moved; nothing otherwise. */
function movedLead(evidence: CalendarEvidence): string {
  const moved = evidence.occurrences.filter(isMoved);
  if (moved.length === 0) return "";
  return `Ja, ${moved.map((occurrence) => `${occurrence.event.title} är flyttat från ${swedishDate(nominalStart(occurrence))} till ${swedishDate(occurrence.start)}`).join("; ")}. `;
}

function outOfRangeText(evidence: CalendarEvidence, group: Group): string {
  const label = LABELS[evidence.kind];
  const asked = evidence.period ? periodText(evidence.period) : `efter ${swedishDate(evidence.now)}`;
  const range = evidence.range
    ? ` Kalendern sträcker sig från ${swedishDate(evidence.range.first.start)} till ${swedishDate(evidence.range.last.start)}.`
    : "";
  return `Kalendern för ${group.name} har inga ${label.many} ${asked}.${range} Datum som inte är inlagda ännu kan gruppens sekreterare svara på.`;
}

function periodText(period: Period): string {
  const mention = period.mention;
  const month = (time: DateTime) => swedishDate(time).split(" ").slice(2).join(" ");
  if (mention === null) return `resten av ${period.from.year}`;
  switch (mention.type) {
    case "date":
      return swedishDate(period.from);
    case "month":
    case "month-relative":
      return `i ${month(period.from)}`;
    case "year":
      return mention.remaining ? `resten av ${period.from.year}` : `under ${period.from.year}`;
    case "week":
      return `veckan ${swedishDate(period.from, { year: false })}–${swedishDate(period.to.minus({ days: 1 }))}`;
  }
}

function kindOf(occurrence: Occurrence): CalendarKind {
  return occurrence.event.kind === "deadline" || occurrence.event.kind === "report" ? "deadline" : "meeting";
}

function squeezed(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A cited occasion as a retrieved passage, so every surface lists it among the sources like a document's. */
function calendarPassage(citation: Citation, group: Group): RetrievedPassage {
  return {
    chunk: {
      rowid: -citation.n,
      id: citation.chunkId,
      documentId: citation.documentId,
      ordinal: citation.n,
      text: citation.quote,
      headingPath: [],
      page: null,
      start: 0,
      end: citation.quote.length,
    },
    document: {
      id: citation.documentId,
      title: citation.documentId,
      type: "schedule",
      organisations: [...group.organisations],
      groups: [group.id],
      date: null,
      source: null,
      contentHash: "",
      chunkCount: 0,
      indexedAt: "",
    },
    score: 1,
    keywordScore: null,
    vectorScore: null,
    names: [],
  };
}
