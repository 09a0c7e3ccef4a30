import type { Occurrence } from "../../reminders/calendar-event.ts";
import type { RetrievedPassage } from "../../retrieval/hybrid-retriever.ts";
import { satisfiesNeed } from "../answer-cues.ts";
import { answerUnits } from "../answer-units.ts";

/** The passage of a group document that states the rule behind a calendar event ("minst fyra gånger per år"). */
export interface CalendarRule {
  passage: RetrievedPassage;
  /** The sentence stating the rule, as the document writes it. */
  quote: string;
}

/** Searches passages within the given documents (the group's own), best first. */
export type SearchDocuments = (query: string, documentIds: readonly string[]) => Promise<RetrievedPassage[]>;

const squeezed = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The rule behind an occasion, from the group's own documents: the passage the event says it comes
 * from (YAML `source`, ICS `DESCRIPTION` with `X-SAMSYN-DOCUMENT`) when a document holds it, or else
 * the best-ranked sentence that states how often (or by when) and names what the event's title names
 * ("Samverkansberedningens sammanträde" → "… sammanträdesplan med fyra möten per år …"). Null when
 * no document states one: then the calendar answers alone.
 */
export async function findCalendarRule(
  occurrence: Occurrence,
  ownDocuments: readonly string[],
  search: SearchDocuments,
  stems: (text: string) => string[][],
): Promise<CalendarRule | null> {
  const { citation, title } = occurrence.event;
  if (citation?.quote && ownDocuments.includes(citation.document)) {
    const quote = squeezed(citation.quote);
    const passages = await search(quote, [citation.document]);
    const passage = passages.find((candidate) => squeezed(candidate.chunk.text).includes(quote));
    if (passage) return { passage, quote };
  }
  if (ownDocuments.length === 0) return null;
  // The title's words and their compound parts: "sammanträde", "temamöte" → "möte".
  const titleStems = new Set(stems(title).flat());
  const passages = await search(title, ownDocuments);
  for (const passage of passages) {
    for (const unit of answerUnits(passage.chunk.text)) {
      if (!satisfiesNeed("frequency", unit.text)) continue;
      const unitStems = stems(unit.text).flat();
      if (
        unitStems.some(
          (stem) => titleStems.has(stem) || [...titleStems].some((own) => startsAlike(stem, own)),
        )
      )
        return { passage, quote: squeezed(unit.text) };
    }
  }
  return null;
}

/** Shorter shared beginnings join unrelated words. */
const MIN_SHARED = 7;

/** "sammanträdesplan" and "sammanträd": one word begins with the other, long enough to mean the same. */
function startsAlike(a: string, b: string): boolean {
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  return shorter.length >= MIN_SHARED && longer.startsWith(shorter);
}
