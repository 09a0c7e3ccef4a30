/** Shorter stems begin or end too many unrelated words; they must appear as words of their own. */
const MIN_AFFIX_LENGTH = 4;

/**
 * Whether analysed text names what a compound names in other words: each of its parts appears as a
 * word, or begins or ends one. "Adoptionsnämnden" is named by "nämnden för internationella
 * adoptionsfrågor", "trafiknämnden" by "kollektivtrafiknämnden", "hemslöjdsnämnden" by "nämnden för
 * hemslöjdsfrågor" — the ways a statute or an agreement writes a body its members call by a compound.
 */
export function compoundNamed(
  word: { readonly whole: string; readonly parts: readonly string[] },
  terms: ReadonlySet<string>,
): boolean {
  if (terms.has(word.whole)) return true;
  if (word.parts.length < 2) return false;
  return word.parts.every((part) => partNamed(part, terms));
}

function partNamed(part: string, terms: ReadonlySet<string>): boolean {
  if (terms.has(part)) return true;
  if (part.length < MIN_AFFIX_LENGTH) return false;
  for (const term of terms) if (term.startsWith(part) || term.endsWith(part)) return true;
  return false;
}
