import type { AdaptationChanges } from "../index/embedder.ts";
import { collectCorpusStatistics } from "./corpus-statistics.ts";
import { inverseDocumentFrequency } from "./train-word-vectors.ts";
import type { WordVectorModel } from "./word-vector-model.ts";

/** Occurrences of a term the base model lacks, and in how many documents it occurs. */
export interface NewTermCount {
  occurrences: number;
  documents: number;
}

/**
 * What adapting a base model to a knowledge base learned, in a form that can be updated document by
 * document: the counts of every term the base model lacks, and for those frequent enough to get a
 * vector, the sum of their weighted context vectors. Every part is a sum over documents, so a
 * changed document is taken out as it was and put in as it is, and the rest is not read again.
 */
export interface AdaptationState {
  /** Context window on each side. */
  window: number;
  /** A new term needs at least this many occurrences to get a vector. */
  minCount: number;
  documentCount: number;
  counts: Map<string, NewTermCount>;
  /** Context sums (before folding-in), of exactly the terms with at least `minCount` occurrences. */
  sums: Map<string, Float64Array>;
  /** The IDF each term of `sums` is embedded with (see `IDF_TOLERANCE`). */
  idf: Map<string, number>;
}

/**
 * A new term's IDF follows the knowledge base's size, so every added document moves it a little;
 * it is taken over only when it has moved more than this share. Otherwise every passage that uses
 * one of the knowledge base's own words would be embedded again on every change, and passages not
 * embedded again would carry an IDF that no longer matches the one questions are embedded with.
 */
export const IDF_TOLERANCE = 0.01;

/** Share of the user-corpus IDF in a new term's IDF; the rest is the base model's unseen-term IDF. */
const IDF_BLEND = 0.5;

/** A document's analysed terms, in order. */
export type DocumentTerms = readonly string[];

/** Learns the state from every document of the knowledge base (each read once). */
export async function learnAdaptationState(
  base: WordVectorModel,
  documents: Iterable<DocumentTerms> | AsyncIterable<DocumentTerms>,
  options: { window: number; minCount: number },
): Promise<AdaptationState> {
  const statistics = await collectCorpusStatistics(documents);
  const { terms, tokens, documentStarts } = statistics;
  const counts = new Map<string, NewTermCount>();
  const summed = new Uint8Array(terms.length);
  terms.forEach((term, id) => {
    if (base.has(term)) return;
    const occurrences = statistics.counts[id] ?? 0;
    counts.set(term, { occurrences, documents: statistics.documentFrequencies[id] ?? 0 });
    if (occurrences >= options.minCount) summed[id] = 1;
  });
  const sums = new Map<string, Float64Array>();
  for (const [term, count] of counts)
    if (count.occurrences >= options.minCount) sums.set(term, new Float64Array(base.dimensions));
  const contexts = new ContextAccumulator(base, options.window);
  for (let document = 0; document + 1 < documentStarts.length; document++) {
    const ids = tokens.subarray(documentStarts[document] ?? 0, documentStarts[document + 1] ?? 0);
    if (!ids.some((id) => summed[id] === 1)) continue;
    contexts.add(
      Array.from(ids, (id) => terms[id] ?? ""),
      sums,
      1,
    );
  }
  const documentCount = statistics.documentCount;
  return {
    ...options,
    documentCount,
    counts,
    sums,
    idf: termIdf(base, documentCount, counts, sums, new Map()),
  };
}

/**
 * The state for the knowledge base after `change`, from the state before it: counts move by the
 * documents taken out and put in; a term that keeps its vector has its context sum moved the same
 * way; a term that now reaches `minCount` gets its sum from the documents that contain it.
 */
export function updateAdaptationState(
  base: WordVectorModel,
  previous: AdaptationState,
  change: Pick<AdaptationChanges, "before" | "after" | "containing">,
): AdaptationState {
  const { window, minCount } = previous;
  const counts = new Map([...previous.counts].map(([term, count]) => [term, { ...count }]));
  const sums = new Map<string, Float64Array>(
    [...previous.sums].map(([term, sum]) => [term, Float64Array.from(sum)]),
  );
  const contexts = new ContextAccumulator(base, window);
  let documentCount = previous.documentCount;
  const move = (documents: Iterable<DocumentTerms>, sign: 1 | -1) => {
    for (const terms of documents) {
      documentCount += sign;
      countNewTerms(base, terms, counts, sign);
      contexts.add(terms, sums, sign);
    }
  };
  move(change.before(), -1);
  move(change.after(), 1);

  for (const term of sums.keys()) {
    if ((counts.get(term)?.occurrences ?? 0) < minCount) sums.delete(term);
  }
  const reached = new Map<string, Float64Array>();
  for (const [term, count] of counts) {
    if (count.occurrences >= minCount && !sums.has(term))
      reached.set(term, new Float64Array(base.dimensions));
  }
  if (reached.size > 0) {
    for (const terms of change.containing(new Set(reached.keys()))) contexts.add(terms, reached, 1);
    for (const [term, sum] of reached) sums.set(term, sum);
  }
  return {
    window,
    minCount,
    documentCount,
    counts,
    sums,
    idf: termIdf(base, documentCount, counts, sums, previous.idf),
  };
}

/**
 * The IDF of each term of `sums`: its IDF in the knowledge base blended with the base model's IDF
 * for unseen terms, or the one in `previous` while the new one is within `IDF_TOLERANCE` of it.
 */
function termIdf(
  base: WordVectorModel,
  documentCount: number,
  counts: ReadonlyMap<string, NewTermCount>,
  sums: ReadonlyMap<string, Float64Array>,
  previous: ReadonlyMap<string, number>,
): Map<string, number> {
  const idf = new Map<string, number>();
  for (const term of sums.keys()) {
    const userIdf = inverseDocumentFrequency(documentCount, counts.get(term)?.documents ?? 1);
    const current = IDF_BLEND * userIdf + (1 - IDF_BLEND) * base.data.unseenIdf;
    const before = previous.get(term);
    idf.set(
      term,
      before !== undefined && Math.abs(current - before) <= IDF_TOLERANCE * before ? before : current,
    );
  }
  return idf;
}

function countNewTerms(
  base: WordVectorModel,
  terms: DocumentTerms,
  counts: Map<string, NewTermCount>,
  sign: 1 | -1,
): void {
  const inDocument = new Map<string, number>();
  for (const term of terms) {
    if (!base.has(term)) inDocument.set(term, (inDocument.get(term) ?? 0) + 1);
  }
  for (const [term, occurrences] of inDocument) {
    const count = counts.get(term) ?? { occurrences: 0, documents: 0 };
    count.occurrences += sign * occurrences;
    count.documents += sign;
    if (count.occurrences <= 0) counts.delete(term);
    else counts.set(term, count);
  }
}

/**
 * Adds, for every occurrence of a term in `sums`, the IDF- and distance-weighted base vectors of the
 * known words around it (within one document) to that term's sum.
 */
class ContextAccumulator {
  private readonly occurrence: Float32Array;

  constructor(
    private readonly base: WordVectorModel,
    private readonly window: number,
  ) {
    this.occurrence = new Float32Array(base.dimensions);
  }

  add(terms: DocumentTerms, sums: ReadonlyMap<string, Float64Array>, sign: 1 | -1): void {
    const { base, window, occurrence } = this;
    for (let position = 0; position < terms.length; position++) {
      const target = sums.get(terms[position] ?? "");
      if (!target) continue;
      occurrence.fill(0);
      const last = Math.min(terms.length - 1, position + window);
      for (let other = Math.max(0, position - window); other <= last; other++) {
        const context = terms[other] ?? "";
        if (other === position || !base.has(context)) continue;
        const distanceWeight = (window - Math.abs(other - position) + 1) / window;
        base.addVector(context, occurrence, base.idf(context) * distanceWeight);
      }
      for (let d = 0; d < occurrence.length; d++) target[d] = (target[d] ?? 0) + sign * (occurrence[d] ?? 0);
    }
  }
}
