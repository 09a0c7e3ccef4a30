/**
 * The known name a misspelt one most likely means ("visibilty" → "visibility", "titel" → "title"),
 * or null when none is close: at most one edit for short names, two for longer ones. Case and
 * surrounding spaces are ignored; `aliases` maps words people write instead (Swedish field names),
 * and a misspelt alias counts too ("reglemnte" → "regulation").
 */
export function didYouMean(
  written: string,
  known: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | null {
  const wanted = written.trim().toLowerCase();
  const alias = aliases[wanted];
  if (alias !== undefined) return alias;
  let best: { name: string; distance: number } | null = null;
  const candidates: [string, string][] = [
    ...known.map((name): [string, string] => [name.toLowerCase(), name]),
    ...Object.entries(aliases),
  ];
  for (const [spelling, name] of candidates) {
    const distance = editDistance(wanted, spelling);
    if (best === null || distance < best.distance) best = { name, distance };
  }
  if (best === null) return null;
  const allowed = wanted.length <= 4 ? 1 : 2;
  return best.distance <= allowed ? best.name : null;
}

/** Levenshtein distance with transpositions (a swapped pair counts as one edit). */
function editDistance(left: string, right: string): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  const at = (row: number, column: number) => table[row]?.[column] ?? Number.POSITIVE_INFINITY;
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let distance = Math.min(
        at(row - 1, column) + 1,
        at(row, column - 1) + 1,
        at(row - 1, column - 1) + cost,
      );
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1])
        distance = Math.min(distance, at(row - 2, column - 2) + 1);
      (table[row] as number[])[column] = distance;
    }
  }
  return at(rows - 1, columns - 1);
}
