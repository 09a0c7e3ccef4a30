/** Term counts and the whole corpus as term ids, gathered in one pass over the documents. */
export interface CorpusStatistics {
  /** Every distinct term, indexed by id. */
  terms: string[];
  /** Occurrences of each term. */
  counts: Float64Array;
  /** Number of documents each term occurs in. */
  documentFrequencies: Uint32Array;
  /** All documents' term ids, concatenated. */
  tokens: Int32Array;
  /** Where each document starts in `tokens`; one extra entry marks the end. */
  documentStarts: Int32Array;
  documentCount: number;
}

/** An Int32Array that grows, so the corpus is stored in 4 bytes per token instead of a JS array. */
class GrowableInt32 {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  toArray(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/** Reads every document once, interning terms; works with sync and async iterables. */
export async function collectCorpusStatistics(
  documents: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
): Promise<CorpusStatistics> {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const counts = new GrowableInt32();
  const frequencies = new GrowableInt32();
  const lastDocument = new GrowableInt32();
  const tokens = new GrowableInt32();
  const starts = new GrowableInt32();
  let documentCount = 0;
  for await (const document of documents) {
    starts.push(tokens.length);
    for (const term of document) {
      let id = ids.get(term);
      if (id === undefined) {
        id = terms.length;
        ids.set(term, id);
        terms.push(term);
        counts.push(0);
        frequencies.push(0);
        lastDocument.push(-1);
      }
      tokens.push(id);
      counts.values[id] = (counts.values[id] ?? 0) + 1;
      if (lastDocument.values[id] !== documentCount) {
        lastDocument.values[id] = documentCount;
        frequencies.values[id] = (frequencies.values[id] ?? 0) + 1;
      }
    }
    documentCount++;
  }
  starts.push(tokens.length);
  return {
    terms,
    counts: Float64Array.from(counts.toArray()),
    documentFrequencies: Uint32Array.from(frequencies.toArray()),
    tokens: tokens.toArray(),
    documentStarts: starts.toArray(),
    documentCount,
  };
}
