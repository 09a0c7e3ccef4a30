import type { CorpusStatistics } from "./corpus-statistics.ts";

/** The terms kept for training, most frequent first, and how corpus ids map onto them. */
export interface Vocabulary {
  terms: string[];
  counts: Float64Array;
  documentFrequencies: Uint32Array;
  /** Vocabulary index of each corpus term id, or -1 when the term was dropped. */
  indexOfCorpusId: Int32Array;
}

/** Keeps terms seen at least `minCount` times, at most `maxSize` of them (ties broken by spelling). */
export function selectVocabulary(
  statistics: CorpusStatistics,
  minCount: number,
  maxSize: number,
): Vocabulary {
  const { terms, counts, documentFrequencies } = statistics;
  const candidates: number[] = [];
  for (let id = 0; id < terms.length; id++) if ((counts[id] ?? 0) >= minCount) candidates.push(id);
  candidates.sort((a, b) => {
    const difference = (counts[b] ?? 0) - (counts[a] ?? 0);
    if (difference !== 0) return difference;
    const termA = terms[a] ?? "";
    const termB = terms[b] ?? "";
    return termA < termB ? -1 : termA > termB ? 1 : 0;
  });
  const kept = candidates.slice(0, maxSize);
  const indexOfCorpusId = new Int32Array(terms.length).fill(-1);
  kept.forEach((id, index) => {
    indexOfCorpusId[id] = index;
  });
  return {
    terms: kept.map((id) => terms[id] ?? ""),
    counts: Float64Array.from(kept, (id) => counts[id] ?? 0),
    documentFrequencies: Uint32Array.from(kept, (id) => documentFrequencies[id] ?? 0),
    indexOfCorpusId,
  };
}
