/** The outcome of checking a model's citation markers against the passages it was given. */
export interface CitationCheck {
  /** The text with unknown markers removed and valid ones renumbered 1, 2, … in order of appearance. */
  text: string;
  /** For each new number (index + 1), the 1-based number of the passage it cites. */
  passageNumbers: number[];
  /** Markers that pointed to no passage (removed). */
  removed: number[];
}

const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/**
 * Keeps only citation markers that point to a passage that was actually retrieved. Anything else a
 * model writes as [n] is removed, so no answer can cite a passage the user cannot open.
 */
export function checkCitations(text: string, passageCount: number): CitationCheck {
  const renumbered = new Map<number, number>();
  const removed: number[] = [];
  const cleaned = text.replace(MARKER, (_match, list: string) => {
    const kept: number[] = [];
    for (const piece of list.split(",")) {
      const original = Number(piece.trim());
      if (!Number.isInteger(original) || original < 1 || original > passageCount) {
        removed.push(original);
        continue;
      }
      let next = renumbered.get(original);
      if (next === undefined) {
        next = renumbered.size + 1;
        renumbered.set(original, next);
      }
      if (!kept.includes(next)) kept.push(next);
    }
    return kept.map((n) => `[${n}]`).join("");
  });
  const passageNumbers = [...renumbered.entries()].sort((a, b) => a[1] - b[1]).map(([original]) => original);
  return {
    text: cleaned
      .replace(/\s+([.,;:])/g, "$1")
      .replace(/[ \t]{2,}/g, " ")
      .trim(),
    passageNumbers,
    removed,
  };
}
