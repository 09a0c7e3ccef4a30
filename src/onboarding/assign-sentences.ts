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
 * sometimes swallows the next paragraph about another body ("Den politiska samverkan har ett
 * presidium …"); such a sentence is cut before that part, so it is neither misattributed nor
 * counted as saying what the other body's sentence says.
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
    let cut = sentence.text.length;
    for (const other of subjects) {
      const named = other.via === "subject" || other.via === "name";
      if (other === sentence || !named || other.entity === sentence.entity) continue;
      if (other.text.length >= sentence.text.length || !quoteInPassage(other.text, sentence.text)) continue;
      const at = sentence.text.indexOf(other.text.replace(/[.;,]+$/u, ""));
      if (at > 0 && at < cut) cut = at;
    }
    if (cut === sentence.text.length) return [sentence];
    const text = sentence.text.slice(0, cut).replace(/[\s;,:]+$/u, "");
    return text.split(/\s+/).length >= MIN_WORDS ? [{ ...sentence, text }] : [];
  });
}
