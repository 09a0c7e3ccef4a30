import { type AdaptationState, learnAdaptationState } from "./adaptation-state.ts";
import { UNASSIGNED_CLUSTER } from "./cluster-index.ts";
import { normalizeRows, quantizeVectors } from "./quantize-vectors.ts";
import { createWordVectorModel, type WordVectorModel } from "./word-vector-model.ts";

/** Options of `adaptWordVectors`. */
export interface AdaptWordVectorsOptions {
  /** Context window on each side; defaults to the base model's training window. */
  window?: number;
  /** A new term needs at least this many occurrences to get a vector. */
  minCount?: number;
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
  const state = await learnAdaptationState(base, documents, {
    window: options.window ?? adaptationWindow(base),
    minCount: options.minCount ?? 2,
  });
  return adaptedModel(base, state, options);
}

/** The context window adaptation uses by default: the base model's training window. */
export function adaptationWindow(base: WordVectorModel): number {
  const trained = base.metadata.training.window;
  return typeof trained === "number" ? trained : 5;
}

/** The base model with a vector for every new term of `state` that has known words around it. */
export function adaptedModel(
  base: WordVectorModel,
  state: AdaptationState,
  options: Pick<AdaptWordVectorsOptions, "corpusName"> = {},
): WordVectorModel {
  const dimensions = base.dimensions;
  // Sorted, so a state learned at once and one updated document by document give the same model.
  const newTerms = [...state.sums.keys()].sort();
  const sums = new Float32Array(newTerms.length * dimensions);
  newTerms.forEach((term, slot) => {
    sums.set(state.sums.get(term) ?? [], slot * dimensions);
  });
  rescaleToWordSpace(sums, base.data.singularValues);
  normalizeRows(sums, dimensions);
  // A term whose contexts are all unknown has no vector to give.
  const kept = newTerms.flatMap((term, slot) =>
    sums.subarray(slot * dimensions, (slot + 1) * dimensions).some((value) => value !== 0)
      ? [{ term, slot }]
      : [],
  );
  const vectors = new Float32Array(kept.length * dimensions);
  kept.forEach(({ slot }, index) => {
    vectors.set(sums.subarray(slot * dimensions, (slot + 1) * dimensions), index * dimensions);
  });
  const codes = quantizeVectors(vectors, dimensions);
  const idf = kept.map(({ term }) => state.idf.get(term) ?? base.data.unseenIdf);
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
        documents: state.documentCount,
        window: state.window,
        minCount: state.minCount,
      },
    },
    terms: [...data.terms, ...kept.map(({ term }) => term)],
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
