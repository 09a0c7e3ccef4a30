/** One scored list to fuse. */
export interface ScoredList<K> {
  weight: number;
  hits: readonly { key: K; score: number }[];
}

/**
 * Fuses scored lists by standardising each list's scores (z-scores over its own hits) and adding
 * them with weights; a key missing from a list gets that list's lowest standardised score (or 0).
 * Unlike reciprocal-rank fusion it keeps how far ahead a hit is, so one side that is sure
 * (a rare exact term, a near-paraphrase) can outvote a side that is only guessing.
 */
export function zScoreFusion<K>(lists: readonly ScoredList<K>[]): { key: K; score: number }[] {
  const standardised = lists.map((list) => standardise(list.hits));
  const keys = new Set<K>();
  for (const list of lists) for (const hit of list.hits) keys.add(hit.key);
  const floors = standardised.map((scores) => Math.min(0, ...scores.values()));
  return [...keys]
    .map((key) => ({
      key,
      score: lists.reduce(
        (sum, list, index) => sum + list.weight * (standardised[index]?.get(key) ?? floors[index] ?? 0),
        0,
      ),
    }))
    .sort((a, b) => b.score - a.score);
}

function standardise<K>(hits: readonly { key: K; score: number }[]): Map<K, number> {
  if (hits.length === 0) return new Map();
  const mean = hits.reduce((sum, hit) => sum + hit.score, 0) / hits.length;
  const variance = hits.reduce((sum, hit) => sum + (hit.score - mean) ** 2, 0) / hits.length;
  const deviation = Math.sqrt(variance) || 1;
  const result = new Map<K, number>();
  for (const hit of hits) if (!result.has(hit.key)) result.set(hit.key, (hit.score - mean) / deviation);
  return result;
}
