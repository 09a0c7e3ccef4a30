/** One ranked list to fuse, with its weight. */
export interface RankedList<K> {
  weight: number;
  /** Keys, best first. */
  keys: readonly K[];
}

/** Fused score and the rank each list gave the key (1-based; absent when the list did not have it). */
export interface FusedItem<K> {
  key: K;
  score: number;
  ranks: (number | null)[];
}

/**
 * Reciprocal-rank fusion: score(key) = Σ weight / (k + rank). Robust to lists whose raw scores are
 * on different scales (bm25 vs cosine), which is why hybrid retrieval uses it.
 */
export function reciprocalRankFusion<K>(lists: readonly RankedList<K>[], k = 60): FusedItem<K>[] {
  const fused = new Map<K, FusedItem<K>>();
  lists.forEach((list, listIndex) => {
    list.keys.forEach((key, position) => {
      let item = fused.get(key);
      if (!item) {
        item = { key, score: 0, ranks: lists.map(() => null) };
        fused.set(key, item);
      }
      if (item.ranks[listIndex] !== null) return;
      item.ranks[listIndex] = position + 1;
      item.score += list.weight / (k + position + 1);
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
