import ICAL from "ical.js";
import { splitSentences } from "../knowledge/split-sentences.ts";
import type { CalendarEvent, EventKind } from "./calendar-event.ts";
import { MONTHS } from "./stockholm-time.ts";

/** A chunk of an indexed document, as the suggester reads it. */
export interface SuggestionChunk {
  chunkId: string;
  documentId: string;
  text: string;
}

/** What the suggester needs to know about a document. */
export interface SuggestionDocument {
  id: string;
  title: string;
  groups: readonly string[];
}

/** A calendar entry proposed from a cadence or deadline statement in a document, with its citation. */
export interface CalendarSuggestion {
  id: string;
  groupId: string | null;
  title: string;
  kind: EventKind;
  /** The statement in words, e.g. "minst fyra gånger per år". */
  cadence: string;
  recurrence: string | null;
  /** Proposed first date (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`); null when the text gives none. */
  date: string | null;
  /** Whether the date lies before `today` (a past one-off, shown for completeness). */
  past: boolean;
  notes: string;
  citation: { document: string; documentTitle: string; chunk: string; quote: string };
}

const NUMBER_WORDS: Record<string, number> = {
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
};
// Months spread over the year without the summer break, the usual rhythm of Swedish committees.
const MONTHS_FOR: Record<number, string> = {
  2: "3,10",
  3: "2,5,10",
  4: "2,4,9,11",
  5: "2,4,6,9,11",
  6: "1,3,5,8,10,12",
};
const SEASON_END: Record<string, string> = {
  våren: "06-30",
  sommaren: "08-31",
  hösten: "11-30",
  vintern: "12-31",
};
const COUNT = "(en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\\d{1,2})";
const MONTH = `(${MONTHS.join("|")})`;

interface Context {
  sentence: string;
  match: RegExpExecArray;
  document: SuggestionDocument;
  year: number;
}

type Proposal = Pick<CalendarSuggestion, "title" | "kind" | "cadence" | "recurrence" | "date" | "notes">;

const PATTERNS: { pattern: RegExp; propose: (context: Context) => Proposal | null }[] = [
  {
    pattern: new RegExp(
      `(minst |högst |cirka |ca )?${COUNT} (gånger|möten|sammanträden|träffar|temadagar) (per|om|i|varje) år(et)?`,
      "iu",
    ),
    propose: ({ match, sentence, year }) => {
      const count = numberOf(match[2] ?? "");
      if (!count || count > 12) return null;
      const months =
        count === 1 ? null : count === 12 ? "1,2,3,4,5,6,7,8,9,10,11,12" : (MONTHS_FOR[count] ?? null);
      const recurrence = months
        ? `FREQ=YEARLY;BYMONTH=${months};BYDAY=2TU`
        : "FREQ=YEARLY;BYMONTH=9;BYDAY=2TU";
      return {
        title: subjectOf(sentence, "Sammanträde"),
        kind: "meeting",
        cadence: match[0].trim(),
        recurrence,
        date: `${firstDate(recurrence, year)} 13:00`,
        notes: `Föreslaget utifrån "${match[0].trim()}". Justera månader, veckodag, tid och plats efter sammanträdesplanen.`,
      };
    },
  },
  {
    pattern: /(?<!\p{L})(vartannat år|vart tredje år)(?!\p{L})/iu,
    propose: ({ match, sentence, year }) => {
      const interval = /tredje/i.test(match[0]) ? 3 : 2;
      const followUp = /följ(a|er) upp|uppföljning|utvärder|revider/i.test(sentence);
      return {
        title: followUp ? "Uppföljning" : subjectOf(sentence, "Återkommande tillfälle"),
        kind: followUp ? "report" : "meeting",
        cadence: match[0],
        recurrence: `FREQ=YEARLY;INTERVAL=${interval}`,
        date: `${year}-11-30`,
        notes: `Föreslaget utifrån "${match[0]}". Sätt rätt datum för nästa tillfälle.`,
      };
    },
  },
  {
    pattern: new RegExp(
      `(träder i kraft|gäller från|börjar gälla)( den)? (\\d{1,2}) ${MONTH} (\\d{4})`,
      "iu",
    ),
    propose: ({ match }) => ({
      title: "Ikraftträdande",
      kind: "other",
      cadence: match[0],
      recurrence: null,
      date: isoDate(Number(match[5]), match[4] ?? "", Number(match[3])),
      notes: "Datum ur dokumentet.",
    }),
  },
  {
    pattern: new RegExp(`senast( den)? (\\d{1,2}) ${MONTH}( (\\d{4}))?`, "iu"),
    propose: ({ match, sentence, year }) => ({
      title: subjectOf(sentence, "Sista dag"),
      kind: "deadline",
      cadence: match[0],
      recurrence: match[5] ? null : "FREQ=YEARLY",
      date: isoDate(match[5] ? Number(match[5]) : year, match[3] ?? "", Number(match[2])),
      notes: match[5] ? "Datum ur dokumentet." : "Återkommande sista dag ur dokumentet.",
    }),
  },
  {
    pattern:
      /beräknas (vara )?(färdig|klar|klart|slutförd|slutfört) (våren|sommaren|hösten|vintern) (\d{4})/iu,
    propose: ({ match, sentence }) => ({
      title: subjectOf(sentence, "Beräknat klart"),
      kind: "deadline",
      cadence: match[0],
      recurrence: null,
      date: `${match[4]}-${SEASON_END[(match[3] ?? "").toLowerCase()] ?? "12-31"}`,
      notes: `"${match[3]} ${match[4]}" tolkat som slutet av perioden.`,
    }),
  },
  {
    pattern:
      /uppsägningstid (av|på) (en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d{1,2}) månader/iu,
    propose: ({ match }) => ({
      title: "Sista dag att säga upp överenskommelsen",
      kind: "deadline",
      cadence: match[0],
      recurrence: null,
      date: null,
      notes: `Uppsägningstiden är ${match[2]} månader: lägg sista dagen så långt före det datum då överenskommelsen ska upphöra.`,
    }),
  },
  {
    pattern: /(?<!\p{L})(årligen|varje år|en gång per år|årsvis|årliga|årlig)(?!\p{L})/iu,
    propose: ({ match, sentence, year }) => {
      const handIn = /lämna(s)?|redovisa|rapporter|överlämna/i.test(sentence);
      if (/växla/i.test(sentence)) {
        return {
          title: /ordförande/i.test(sentence) ? "Ordförandeskapet växlar" : "Årlig växling",
          kind: "other",
          cadence: match[0],
          recurrence: "FREQ=YEARLY",
          date: `${year}-01-01`,
          notes: `Föreslaget utifrån "${match[0]}". Sätt rätt datum för växlingen.`,
        };
      }
      return {
        title: subjectOf(sentence, handIn ? "Årlig redovisning" : "Årligt möte"),
        kind: handIn ? "deadline" : "meeting",
        cadence: match[0],
        recurrence: "FREQ=YEARLY",
        date: handIn ? `${year}-05-31` : `${firstDate("FREQ=YEARLY;BYMONTH=9;BYDAY=2TU", year)} 13:00`,
        notes: `Föreslaget utifrån "${match[0]}". Sätt rätt datum.`,
      };
    },
  },
];

/**
 * Scans document chunks for cadence and deadline statements ("minst fyra gånger per år",
 * "vartannat år", "träder i kraft 1 januari 2017", "senast 15 mars", "uppsägningstid av sex
 * månader", "beräknas vara färdig hösten 2018") and proposes calendar entries with citations.
 * Statements already cited by an existing event are left out, so an accepted suggestion disappears, and
 * so is anything the group's calendar already has: an event of the same kind whose title names the same
 * thing ("Temamöte" beside "Temamöte Barn och unga"), however it was entered.
 */
export function suggestCalendar(
  chunks: readonly SuggestionChunk[],
  documents: readonly SuggestionDocument[],
  options: {
    today: string;
    existing?: readonly CalendarEvent[];
    groupOfDocument?: (documentId: string) => string | null;
  },
): CalendarSuggestion[] {
  const year = Number(options.today.slice(0, 4)) + 1;
  const byId = new Map(documents.map((document) => [document.id, document]));
  const cited = (options.existing ?? []).flatMap((event) =>
    event.citation?.quote
      ? [{ document: event.citation.document, quote: normalized(event.citation.quote) }]
      : [],
  );
  const isCited = (documentId: string, sentence: string) =>
    cited.some(
      (citation) =>
        citation.document === documentId &&
        (normalized(sentence).includes(citation.quote) || citation.quote.includes(normalized(sentence))),
    );
  const seen = new Set<string>();
  const suggestions: CalendarSuggestion[] = [];
  for (const chunk of chunks) {
    const document = byId.get(chunk.documentId);
    if (!document) continue;
    for (const sentence of splitSentences(chunk.text.replace(/\s+/g, " "))) {
      const found = firstStatement({ sentence, document, year });
      if (!found || isCited(document.id, sentence)) continue;
      const groupId = document.groups[0] ?? options.groupOfDocument?.(document.id) ?? null;
      if (alreadyScheduled(options.existing ?? [], groupId, found)) continue;
      // Overlapping chunks repeat sentences, and two sentences may state the same rhythm: one suggestion each.
      const sameSentence = `${document.id}|${normalized(sentence)}`;
      const sameRhythm = `${groupId}|${found.title}|${found.kind}|${found.recurrence}|${found.date}`;
      if (seen.has(sameSentence) || seen.has(sameRhythm)) continue;
      seen.add(sameSentence);
      seen.add(sameRhythm);
      suggestions.push({
        ...found,
        id: uniqueId(`${groupId ?? document.id.replace(/\.[^.]+$/, "")}-${slug(found.title)}`, suggestions),
        groupId,
        past: found.date !== null && found.date.slice(0, 10) < options.today && found.recurrence === null,
        citation: {
          document: document.id,
          documentTitle: document.title,
          chunk: chunk.chunkId,
          quote: sentence,
        },
      });
    }
  }
  return suggestions;
}

/** Whether the group's calendar has an event of this kind whose title contains the proposed title as a word. */
function alreadyScheduled(
  existing: readonly CalendarEvent[],
  groupId: string | null,
  proposal: Pick<CalendarSuggestion, "title" | "kind">,
): boolean {
  const title = normalized(proposal.title);
  return existing.some(
    (event) =>
      event.groupId === groupId &&
      event.kind === proposal.kind &&
      normalized(event.title)
        .split(/[^\p{L}\p{N}]+/u)
        .some((word) => word.startsWith(title)),
  );
}

/** The first (most specific) statement in a sentence: "senast 15 mars varje år" is one deadline, not two. */
function firstStatement(context: Omit<Context, "match">): Proposal | null {
  for (const { pattern, propose } of PATTERNS) {
    const match = pattern.exec(context.sentence);
    const proposal = match ? propose({ ...context, match }) : null;
    if (proposal) return proposal;
  }
  return null;
}

/** A short title from the sentence's subject: "Sammanträden ska hållas …" → "Sammanträde". */
function subjectOf(sentence: string, fallback: string): string {
  const noun =
    /(?<!\p{L})(sammanträde|temamöte|möte|temadag|uppföljning|utvärdering|rapport|kunskapsunderlag|underlag|redovisning|bokslut)(?:n|en|et|ar|arna|na|er|erna)?(?!\p{L})/iu.exec(
      sentence,
    )?.[1];
  if (!noun) return fallback;
  const singular = noun.toLowerCase();
  return singular.charAt(0).toUpperCase() + singular.slice(1);
}

function numberOf(word: string): number | null {
  const lower = word.toLowerCase();
  return NUMBER_WORDS[lower] ?? (/^\d+$/.test(lower) ? Number(lower) : null);
}

function isoDate(year: number, month: string, day: number): string | null {
  const index = (MONTHS as readonly string[]).indexOf(month.toLowerCase());
  if (index < 0 || day < 1 || day > 31) return null;
  return `${year}-${String(index + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function firstDate(recurrence: string, year: number): string {
  const next = ICAL.Recur.fromString(recurrence)
    .iterator(ICAL.Time.fromData({ year, month: 1, day: 1, isDate: true }))
    .next();
  return next ? next.toString().slice(0, 10) : `${year}-01-01`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/å|ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function uniqueId(base: string, taken: readonly CalendarSuggestion[]): string {
  let id = base;
  for (let counter = 2; taken.some((suggestion) => suggestion.id === id); counter++)
    id = `${base}-${counter}`;
  return id;
}

function normalized(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}
