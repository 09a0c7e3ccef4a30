import { UNASSIGNED_CLUSTER } from "./cluster-index.ts";
import { type CorpusStatistics, collectCorpusStatistics } from "./corpus-statistics.ts";
import { normalizeRows, quantizeVectors } from "./quantize-vectors.ts";
import { inverseDocumentFrequency } from "./train-word-vectors.ts";
import { createWordVectorModel, type WordVectorModel } from "./word-vector-model.ts";

/** Options of `adaptWordVectors`. */
export interface AdaptWordVectorsOptions {
  /** Context window on each side; defaults to the base model's training window. */
  window?: number;
  /** A new term needs at least this many occurrences to get a vector. */
  minCount?: number;
  /** Share of the user-corpus IDF in a new term's IDF; the rest is the base model's unseen-term IDF. */
  idfBlend?: number;
  /** Name of the user corpus, recorded in the metadata. */
  corpusName?: string;
}

/**
 * Gives terms of the user's own documents that the base model lacks (local names, new compounds)
 * a vector: the IDF- and distance-weighted mean of the base vectors of the words around them.
 * Known terms keep their vectors. A new term's IDF blends its IDF in the user corpus with the base
 * model's IDF for unseen terms.
 */
export async function adaptWordVectors(
  base: WordVectorModel,
  documents: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
  options: AdaptWordVectorsOptions = {},
): Promise<WordVectorModel> {
  const trainedWindow = base.metadata.training.window;
  const window = options.window ?? (typeof trainedWindow === "number" ? trainedWindow : 5);
  const minCount = options.minCount ?? 2;
  const idfBlend = options.idfBlend ?? 0.5;
  const statistics = await collectCorpusStatistics(documents);
  const newIds = statistics.terms.flatMap((term, id) =>
    !base.has(term) && (statistics.counts[id] ?? 0) >= minCount ? [id] : [],
  );
  const sums = contextSums(base, statistics, newIds, window);
  const dimensions = base.dimensions;
  rescaleToWordSpace(sums, base.data.singularValues);
  normalizeRows(sums, dimensions);
  // A term whose contexts are all unknown has no vector to give.
  const kept = newIds.flatMap((id, slot) =>
    sums.subarray(slot * dimensions, (slot + 1) * dimensions).some((value) => value !== 0)
      ? [{ id, slot }]
      : [],
  );
  const vectors = new Float32Array(kept.length * dimensions);
  kept.forEach(({ slot }, index) => {
    vectors.set(sums.subarray(slot * dimensions, (slot + 1) * dimensions), index * dimensions);
  });
  const codes = quantizeVectors(vectors, dimensions);
  const idf = kept.map(({ id }) => {
    const userIdf = inverseDocumentFrequency(
      statistics.documentCount,
      statistics.documentFrequencies[id] ?? 1,
    );
    return idfBlend * userIdf + (1 - idfBlend) * base.data.unseenIdf;
  });
  const data = base.data;
  const combinedCodes = new Int8Array(data.codes.length + codes.length);
  combinedCodes.set(data.codes);
  combinedCodes.set(codes, data.codes.length);
  return createWordVectorModel({
    ...data,
    metadata: {
      ...data.metadata,
      adaptation: {
        corpus: options.corpusName ?? "user-corpus",
        base: base.id,
        newTerms: kept.length,
        documents: statistics.documentCount,
        window,
        minCount,
        idfBlend,
      },
    },
    terms: [...data.terms, ...kept.map(({ id }) => statistics.terms[id] ?? "")],
    codes: combinedCodes,
    idf: Float32Array.from([...data.idf, ...idf]),
    // New terms join their closest cluster when the model is built.
    clusters: Uint16Array.from([...data.clusters, ...kept.map(() => UNASSIGNED_CLUSTER)]),
    // A new term may be nearer to a known one than its stored neighbours; searches go live instead.
    neighbours: undefined,
  });
}

/**
 * Folding-in: for the nearly symmetric PPMI matrix A ≈ U·Λ·Uᵀ, a new term's PPMI row a gives
 * u = a·U·Λ⁻¹, and its word vector u·|Λ|ᵖ is the weighted sum of context vectors divided by the
 * signed eigenvalues Λ. Without it the sum stays near the broad topic directions, and the new
 * term's neighbours become the words around it instead of the words used like it.
 */
function rescaleToWordSpace(sums: Float32Array, signedSingularValues: Float32Array): void {
  const dimensions = signedSingularValues.length;
  const largest = Math.max(...signedSingularValues.map(Math.abs), 0);
  if (largest === 0) return;
  // Dimensions with (numerically) no variance are zeroed rather than blown up.
  const factors = Array.from(signedSingularValues, (value) =>
    Math.abs(value) > largest * 1e-6 ? 1 / value : 0,
  );
  for (let offset = 0; offset < sums.length; offset += dimensions) {
    for (let d = 0; d < dimensions; d++) sums[offset + d] = (sums[offset + d] ?? 0) * (factors[d] ?? 0);
  }
}

/** Sum over every occurrence of each new term of the IDF- and distance-weighted context vectors. */
function contextSums(
  base: WordVectorModel,
  statistics: CorpusStatistics,
  newIds: readonly number[],
  window: number,
): Float32Array {
  const { terms, tokens, documentStarts } = statistics;
  const dimensions = base.dimensions;
  const slotOf = new Int32Array(terms.length).fill(-1);
  newIds.forEach((id, slot) => {
    slotOf[id] = slot;
  });
  const known = terms.map((term) => base.has(term));
  const contextIdf = terms.map((term) => base.idf(term));
  const sums = new Float32Array(newIds.length * dimensions);
  for (let document = 0; document + 1 < documentStarts.length; document++) {
    const start = documentStarts[document] ?? 0;
    const end = documentStarts[document + 1] ?? 0;
    for (let position = start; position < end; position++) {
      const slot = slotOf[tokens[position] ?? 0] ?? -1;
      if (slot < 0) continue;
      const target = sums.subarray(slot * dimensions, (slot + 1) * dimensions);
      for (
        let other = Math.max(start, position - window);
        other <= Math.min(end - 1, position + window);
        other++
      ) {
        const context = tokens[other] ?? 0;
        if (other === position || !known[context]) continue;
        const distanceWeight = (window - Math.abs(other - position) + 1) / window;
        base.addVector(terms[context] ?? "", target, (contextIdf[context] ?? 0) * distanceWeight);
      }
    }
  }
  return sums;
}
