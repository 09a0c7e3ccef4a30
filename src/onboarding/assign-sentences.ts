import { type Entity, type SentenceSubject, subjectOf } from "./entities.ts";
import type { GroupMaterial, GroupPassage } from "./group-material.ts";
import { quoteInPassage } from "./quote-in-passage.ts";

/** A sentence of a passage with what it is about. */
export interface AssignedSentence extends SentenceSubject {
  text: string;
}

/** A lead-in cut shorter than this says nothing on its own. */
const MIN_WORDS = 6;
/** A sentence that does not name its subject must say more than "Uppdraget följer plan." to be useful. */
const MIN_UNNAMED_WORDS = 4;

/**
 * The passage's sentences with their subjects. A lead-in joined with its list ("X består av: A; B")
 * sometimes swallows following paragraphs about something else ("Den politiska samverkan har ett
 * presidium …"); such a sentence is cut before that part, so it is neither misattributed nor
 * counted as saying what the other sentence says. A lead-in left without its list is dropped.
 */
export function assignSentences(
  passage: GroupPassage,
  entities: readonly Entity[],
  material: Pick<GroupMaterial, "exclusive">,
): AssignedSentence[] {
  const subjects = passage.units
    .map((text) => ({ text, ...subjectOf(text, passage, entities, material) }))
    .filter(
      (sentence) =>
        sentence.via === "subject" ||
        sentence.via === "name" ||
        sentence.text.split(/\s+/).length >= MIN_UNNAMED_WORDS,
    );
  return subjects.flatMap((sentence) => {
    const contained = subjects
      .filter(
        (other) => other.text.length < sentence.text.length && quoteInPassage(other.text, sentence.text),
      )
      .map((other) => ({ other, at: sentence.text.indexOf(other.text.replace(/[.;,]+$/u, "")) }))
      .filter((entry) => entry.at > 0)
      .sort((left, right) => left.at - right.at);
    // The first item after a lead-in is its list; later ones may be paragraphs the list swallowed.
    const foreign = contained.find(
      ({ other }, index) =>
        other.entity !== sentence.entity && (index > 0 || other.via === "subject" || other.via === "name"),
    );
    if (!foreign) return [sentence];
    const text = sentence.text.slice(0, foreign.at).replace(/[\s;,]+$/u, "");
    if (text.endsWith(":") || text.split(/\s+/).length < MIN_WORDS) return [];
    return [{ ...sentence, text }];
  });
}
