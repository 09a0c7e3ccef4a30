/**
 * Endings that make a noun of a stem ("distans", "förhandling", "jävighet", "ordförandeskap"), and
 * the adjective endings of a property asked about ("jävig", "ekonomisk").
 */
const NOUN_ENDING = /(?:ans|ens|het|ning|tion|sion|skap|itet|ism|ör|ig|isk)$/u;
/** Shorter words are mostly pronouns and particles ("nån", "ute"). */
const MIN_NOUN_LENGTH = 4;

/**
 * Whether a lower-case word is used as a noun (or a noun's adjective) in Swedish: the statute lexicon
 * has its definite form ("arvode" → "arvodet", "budget" → "budgeten"), or it has a noun's ending.
 * Verbs, adverbs and pronouns ("hamna", "sitter", "i förväg", "valt", "nån") have neither; a question
 * word of that kind that the documents never use is how the question is put, not what it asks.
 */
export function isNounLike(word: string, lexicon: ReadonlyMap<string, number>): boolean {
  if (word.length < MIN_NOUN_LENGTH) return false;
  const known = (form: string) => (lexicon.get(form) ?? 0) > 0;
  if (NOUN_ENDING.test(word)) return true;
  // Already definite: "ordföranden", "politikerna", "protokollet", "arvodet" (not the supine "betalt").
  const definite = [/na$/u, /en$/u, /et$/u, /(?<=[aeiouyåäö])n$/u, /(?<=e)t$/u];
  for (const ending of definite) {
    const base = word.replace(ending, "");
    if (base !== word && base.length >= MIN_NOUN_LENGTH && known(base) && known(word)) return true;
  }
  const forms = word.endsWith("a")
    ? [`${word}n`]
    : word.endsWith("e")
      ? [`${word}t`, `${word}n`]
      : [`${word}en`, `${word}et`];
  return forms.some(known);
}
