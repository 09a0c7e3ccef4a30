/**
 * Person nouns in their gender-neutral and older forms name the same post: "tjänsteperson",
 * "tjänsteman", "tjänstemän"; "talesperson", "talesman". Stems as the analyzer gives them.
 */
const PERSON_ENDINGS = ["person", "man", "män"] as const;
/** Shorter bases make unrelated words ("man" alone, "hu-man"). */
const MIN_PERSON_BASE = 4;

/** The other forms of a person noun's stem ("tjänsteperson" → "tjänsteman", "tjänstemän"); empty for other words. */
export function personNounForms(stem: string): string[] {
  for (const ending of PERSON_ENDINGS) {
    if (!stem.endsWith(ending)) continue;
    const base = stem.slice(0, -ending.length);
    if (base.length < MIN_PERSON_BASE) return [];
    return PERSON_ENDINGS.filter((other) => other !== ending).map((other) => base + other);
  }
  return [];
}

/**
 * "samman-" before a verb says the acting is done together, not that another act is meant:
 * "sammankallande", "sammankallas" are forms of "kalla", "sammanställa" of "ställa". Other particles
 * make new words ("uppdrag" is no "drag", "avtal" no "tal"), so only this one is read through.
 */
const TOGETHER = "samman";
const MIN_VERB_STEM = 3;

/** Whether `term` is `stem` with the particle "samman" in front ("sammankall" for "kall"). */
export function isTogetherForm(term: string, stem: string): boolean {
  return (
    stem.length >= MIN_VERB_STEM &&
    term.length > TOGETHER.length + stem.length - 1 &&
    term.startsWith(TOGETHER) &&
    term.startsWith(stem, TOGETHER.length)
  );
}
