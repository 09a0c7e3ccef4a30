import { SWEDISH_MONTHS } from "../../text/index.ts";
import { isFollowUp } from "../is-follow-up.ts";
import { wordPattern } from "../word-pattern.ts";

/** What a calendar question wants: the next occasion, the occasions of a period, how many, or one date. */
export type CalendarAsk = "next" | "list" | "count" | "date";
/** Which side of the occasion the answer leads with. */
export type CalendarAspect = "when" | "where" | "what";
/** Meetings, deadlines and reports, or whatever is on ("Vad har vi på gång i oktober?"). */
export type CalendarKind = "meeting" | "deadline" | "any";

/** A period named in the question, still without a year where none was given. */
export type PeriodMention =
  | { type: "month"; month: number; year: number | null }
  | { type: "year"; year: number | null; remaining: boolean }
  | { type: "week" | "month-relative"; offset: number }
  | { type: "date"; day: number; month: number; year: number | null };

/** A question understood as one about the group's calendar, before it is read against a clock. */
export interface CalendarQuestion {
  ask: CalendarAsk;
  aspect: CalendarAspect;
  kind: CalendarKind;
  /** The question's own words that may name an event ("temamöte", "lägesrapport"), as written. */
  topicWords: string[];
  period: PeriodMention | null;
  /** Whether the question has a word that makes it about occasions at all (möte, sista dag, rapport …). */
  namesOccasion: boolean;
  /** Whether it asks if (or which) occasions are cancelled ("Är mötet den 10 juni inställt?"). */
  cancellation: boolean;
  /** Upcoming occasions passed over: 1 for "Och nästa efter det?" after "När är nästa möte?". */
  skip: number;
}

const MONTH = SWEDISH_MONTHS.join("|");
// "möte", "temamötet", "mötesdatum", but not "ledamöter" or "bemöter".
const MEETING = wordPattern(
  "\\b(?:\\w*möte(?:n|t|na|s\\w*)?|sammanträd\\w*|träff\\w*|ses|temadag\\w*|internat\\w*)\\b",
);
const DEADLINE = wordPattern(
  "\\b(?:sista\\s+dag\\w*|deadline\\w*|senast|lämnas|lämna|inlämnad\\w*|anmäla\\w*|\\w*rapport\\w*|redovis\\w*|justera\\w*)\\b",
);
const ANY = wordPattern("\\b(?:på\\s+gång|händer|inplanerat|i\\s+kalendern|datum)\\b");
/** Words that ask about time: without one, "möte" is a word about meetings, not a calendar question. */
const WHEN = wordPattern(
  "\\b(?:när|nästa|kommande|datum\\w*|vilken\\s+dag|vilket\\s+datum|kvar|flytta\\w*|inställ\\w*|ställ\\w*\\s+in|blir\\s+det|hur\\s+många\\s+(?:\\w*möten|sammanträden|\\w*rapporter)|vilka\\s+(?:\\w*möten|sammanträden|datum|tider|\\w*rapporter|sista\\s+dagar)|vad\\s+har\\s+vi|finns\\s+det\\s+(?:några|nåt|något)?\\s*(?:\\w*möte\\w*|sammanträde\\w*|mötesdatum))\\b",
);
const WHERE = wordPattern(
  "(?:^|\\b(?:och|men)\\s+)var\\b|\\bvar\\s+(?:hålls|är|ligger|blir|ska|sker)\\b|\\bvilken\\s+(?:plats|lokal|ort)\\b|\\bvar\\s*\\?",
);
const WHAT = wordPattern(
  "\\b(?:vilket|vilken|vad)\\s+(?:område\\w*|tema\\w*|möte|rapport\\w*|gäller|är\\s+det|ska\\s+lämnas)\\b|\\bvad\\s+\\w+\\s+det\\b",
);
/** Questions about rules ("Hur ofta …", "… per år", "Vem kallar …") belong to the documents. */
const RULE = wordPattern(
  "\\b(?:hur\\s+ofta|sedan\\s+när|per\\s+år|vem|vilka\\s+(?:sitter|ingår|deltar)|hur\\s+utses|varför|hur\\s+länge|protokoll\\w*\\s+på)\\b",
);
const COUNT = wordPattern("\\bhur\\s+många\\b");
const AFTER_THAT = wordPattern("\\b(?:efter\\s+(?:det|den|dem|det\\s+där)|därefter|därpå)\\b");
const NEXT = wordPattern("\\b(?:nästa|kommande)\\b");
const CANCELLED = wordPattern("\\b(?:inställ\\w*|ställ\\w*\\s+in|avlys\\w*|ställ\\w*\\s+av)\\b");
const LIST = wordPattern("\\b(?:vilka|vad\\s+har\\s+vi|lista|alla)\\b");
const DATE = wordPattern(`\\b(\\d{1,2})(?::e|:a)?\\s+(${MONTH})(?:\\s+(20\\d\\d))?\\b`);
const MONTH_WORD = wordPattern(`\\b(${MONTH})(?:möte\\w*|sammanträde\\w*)?(?:\\s+(20\\d\\d))?\\b`);
const YEAR = wordPattern("\\b(20\\d\\d)\\b");
const THIS_YEAR = wordPattern("\\b(?:i\\s+år|under\\s+året|resten\\s+av\\s+året|året\\s+ut)\\b");
const REMAINING = wordPattern("\\b(?:kvar|resten|återstår)\\b");
const NEXT_WEEK = wordPattern("\\bnästa\\s+vecka\\b");
const THIS_WEEK = wordPattern("\\b(?:denna|den\\s+här)\\s+veckan?\\b");
const NEXT_MONTH = wordPattern("\\bnästa\\s+månad\\b");
/** Words that only frame the question; what is left may name an event. */
const FRAME_WORDS = new Set(
  "och men när var vad vilka vilket vilken område områden tema plats lokal ort hur många är blir det finns har vi ni oss vår våra er ert era ska skall kan får nästa kommande den det de i på till för om med av från att nåt något några någon några än eller först efter sommaren hålls ligger sker gäller stämmer egentligen här dag datum vara inlämnad lämna lämnas gång händer kvar år året månad vecka veckan senast sista".split(
    " ",
  ),
);

/**
 * Reads a question as one about the group's calendar, or returns null when it is about something
 * else ("Hur ofta träffas vi?" asks for the rule, which the documents give). A follow-up in a thread
 * ("Och var?", "När är nästa?") takes the occasion asked about from the earlier turns.
 */
export function understandCalendarQuestion(
  question: string,
  history: readonly string[] = [],
): CalendarQuestion | null {
  const own = readFrame(question);
  const elliptic = isFollowUp(question) || (!own.namesOccasion && own.topicWords.length === 0);
  if (own.namesOccasion && isCalendar(question, own)) return own;
  if (history.length === 0 || !elliptic || RULE.test(question)) return null;
  // The occasion comes from the latest earlier turn that named one, read the same way.
  const earlier = resolveThread(history);
  if (!earlier) return null;
  // "Och i september?", "Och hur många är det?" ask the earlier turn's question of another period or as a count.
  const asksTime =
    WHEN.test(question) ||
    WHERE.test(question) ||
    WHAT.test(question) ||
    own.namesOccasion ||
    own.period !== null ||
    own.ask === "count";
  if (!asksTime) return null;
  // "När är nästa?" after a list or count asks for the next one; "Och var?" keeps the earlier ask.
  const explicitNext = NEXT.test(question);
  return {
    ask: own.period || explicitNext ? own.ask : own.ask === "next" ? earlier.ask : own.ask,
    aspect: own.aspect,
    kind: own.namesOccasion ? own.kind : earlier.kind,
    topicWords: own.topicWords.length > 0 ? own.topicWords : earlier.topicWords,
    period: own.period ?? earlier.period,
    namesOccasion: own.namesOccasion || earlier.namesOccasion,
    cancellation: own.cancellation,
    // "Och nästa efter det?": the one after the occasion the earlier turn was answered with.
    skip: AFTER_THAT.test(question) && earlier.ask === "next" ? earlier.skip + 1 : 0,
  };
}

/**
 * Whether a question names no occasion and no topic of its own but asks about time, place or a
 * period ("När är nästa?", "Och i september?", "Vilken tid?"): it means the occasion of the earlier turns.
 */
export function isEllipticCalendarQuestion(question: string): boolean {
  const own = readFrame(question);
  if (own.namesOccasion || own.topicWords.length > 0 || RULE.test(question)) return false;
  return WHEN.test(question) || WHERE.test(question) || own.period !== null || own.ask === "count";
}

/**
 * The occasion a thread is about: the latest turn that named one, or an elliptic turn resolved
 * against the turns before it; a turn about something else ("Vad är Välmående ger resultat?") ends it.
 */
function resolveThread(history: readonly string[]): CalendarQuestion | null {
  let current: CalendarQuestion | null = null;
  for (const [index, turn] of history.entries()) {
    const frame = readFrame(turn);
    if (frame.namesOccasion) current = frame;
    else if (frame.topicWords.length > 0) current = null;
    else current = understandCalendarQuestion(turn, history.slice(0, index)) ?? current;
  }
  // "Hur många temamöten har vi per år?" asks for a rule, but a "När är nästa?" after it means the next one.
  return current && { ...current, ask: current.ask === "count" && !current.period ? "next" : current.ask };
}

function isCalendar(question: string, frame: CalendarQuestion): boolean {
  if (RULE.test(question) && !frame.period) return false;
  return WHEN.test(question) || WHERE.test(question) || frame.period !== null;
}

function readFrame(question: string): CalendarQuestion {
  const text = question.toLowerCase();
  const meeting = MEETING.test(text);
  const deadline = DEADLINE.test(text);
  const any = ANY.test(text);
  const kind: CalendarKind =
    any || (meeting && deadline) ? "any" : deadline ? "deadline" : meeting ? "meeting" : "any";
  const period = periodOf(text);
  const cancellation = CANCELLED.test(text);
  let ask: CalendarAsk = "next";
  if (period?.type === "date") ask = "date";
  // "Vilka möten är inställda?", "Har något möte ställts in?": those of the rest of the year.
  else if (cancellation && period === null && !COUNT.test(text)) ask = "list";
  else if (COUNT.test(text)) ask = "count";
  else if (period !== null && (LIST.test(text) || /\bnär\b/u.test(text) || !/\bnästa\b/u.test(text)))
    ask = "list";
  else if (LIST.test(text) && REMAINING.test(text)) ask = "list";
  const aspect: CalendarAspect = WHERE.test(text) ? "where" : WHAT.test(text) ? "what" : "when";
  const topicWords = (text.match(/\p{L}+/gu) ?? []).filter(
    (word) =>
      word.length >= 4 && !FRAME_WORDS.has(word) && !(SWEDISH_MONTHS as readonly string[]).includes(word),
  );
  return {
    ask,
    aspect,
    kind,
    topicWords,
    period,
    namesOccasion: meeting || deadline || any,
    cancellation,
    skip: 0,
  };
}

function periodOf(text: string): PeriodMention | null {
  const date = DATE.exec(text);
  if (date) {
    return {
      type: "date",
      day: Number(date[1]),
      month: SWEDISH_MONTHS.indexOf(date[2] as (typeof SWEDISH_MONTHS)[number]) + 1,
      year: date[3] ? Number(date[3]) : null,
    };
  }
  const month = MONTH_WORD.exec(text);
  if (month) {
    return {
      type: "month",
      month: SWEDISH_MONTHS.indexOf(month[1] as (typeof SWEDISH_MONTHS)[number]) + 1,
      year: month[2] ? Number(month[2]) : null,
    };
  }
  const year = YEAR.exec(text);
  if (year) return { type: "year", year: Number(year[1]), remaining: false };
  if (THIS_YEAR.test(text)) return { type: "year", year: null, remaining: REMAINING.test(text) };
  if (NEXT_WEEK.test(text)) return { type: "week", offset: 1 };
  if (THIS_WEEK.test(text)) return { type: "week", offset: 0 };
  if (NEXT_MONTH.test(text)) return { type: "month-relative", offset: 1 };
  return null;
}
