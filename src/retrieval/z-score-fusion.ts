/** One scored list to fuse. */
export interface ScoredList<K> {
  weight: number;
  hits: readonly { key: K; score: number }[];
  /**
   * The list holds every match (it was not cut at a limit), so a key missing from it scored this
   * (0 for bm25): it lies that far below the hits, not just below the last one.
   */
  absentScore?: number;
}

/** The lowest standardised score a missing key gets, so one list cannot outvote all others alone. */
const ABSENT_FLOOR = -2;
/** Near-equal hits ("KS" in two passages) are not spread apart as if they were far from each other. */
const MIN_DEVIATION_SHARE = 0.2;

/**
 * Fuses scored lists by standardising each list's scores (z-scores over its own hits) and adding
 * them with weights; a key missing from a list gets that list's lowest standardised score (or 0),
 * or, when the list is complete, the standardised `absentScore` (at least `ABSENT_FLOOR`).
 * Unlike reciprocal-rank fusion it keeps how far ahead a hit is, so one side that is sure
 * (a rare exact term, a near-paraphrase) can outvote a side that is only guessing.
 */
export function zScoreFusion<K>(lists: readonly ScoredList<K>[]): { key: K; score: number }[] {
  const standardised = lists.map((list) => standardise(list.hits, list.absentScore !== undefined));
  const keys = new Set<K>();
  for (const list of lists) for (const hit of list.hits) keys.add(hit.key);
  const floors = lists.map((list, index) => {
    const { scores, mean, deviation } = standardised[index] ?? standardise([], false);
    const lowest = Math.min(0, ...scores.values());
    if (list.absentScore === undefined || scores.size === 0) return lowest;
    return Math.min(lowest, Math.max(ABSENT_FLOOR, (list.absentScore - mean) / deviation));
  });
  return [...keys]
    .map((key) => ({
      key,
      score: lists.reduce(
        (sum, list, index) =>
          sum + list.weight * (standardised[index]?.scores.get(key) ?? floors[index] ?? 0),
        0,
      ),
    }))
    .sort((a, b) => b.score - a.score);
}

function standardise<K>(
  hits: readonly { key: K; score: number }[],
  fromZero: boolean,
): {
  scores: Map<K, number>;
  mean: number;
  deviation: number;
} {
  if (hits.length === 0) return { scores: new Map(), mean: 0, deviation: 1 };
  const mean = hits.reduce((sum, hit) => sum + hit.score, 0) / hits.length;
  const variance = hits.reduce((sum, hit) => sum + (hit.score - mean) ** 2, 0) / hits.length;
  // Scores measured from zero (bm25) spread relative to their size; similarities do not.
  const least = fromZero ? MIN_DEVIATION_SHARE * Math.abs(mean) : 0;
  const deviation = Math.max(Math.sqrt(variance), least) || 1;
  const scores = new Map<K, number>();
  for (const hit of hits) if (!scores.has(hit.key)) scores.set(hit.key, (hit.score - mean) / deviation);
  return { scores, mean, deviation };
}
