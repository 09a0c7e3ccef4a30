import { SamsynError } from "../errors.ts";
import { assignClusters } from "./assign-clusters.ts";
import { collectCorpusStatistics } from "./corpus-statistics.ts";
import { countCooccurrences, type DistanceWeighting, MAX_VOCABULARY } from "./count-cooccurrences.ts";
import { positivePmi } from "./positive-pmi.ts";
import { normalizeRows, quantizeVectors } from "./quantize-vectors.ts";
import { randomizedSvd } from "./randomized-svd.ts";
import { createSeededRandom } from "./seeded-random.ts";
import { selectVocabulary, type Vocabulary } from "./select-vocabulary.ts";
import { type DenseMatrix, multiplySparseDense, type SparseMatrix } from "./sparse-matrix.ts";
import { createWordVectorModel, type WordVectorModel, withNeighbourTable } from "./word-vector-model.ts";

/** Options of `trainWordVectors`; every field has a measured default. */
export interface TrainWordVectorsOptions {
  /** Vector length (may come out smaller for a tiny vocabulary). */
  dimensions?: number;
  /** Context window on each side of a word. */
  window?: number;
  /** How a co-occurrence at distance d counts: linear (w − d + 1)/w, or harmonic 1/d. */
  weighting?: DistanceWeighting;
  /** Terms seen fewer times get no vector. */
  minCount?: number;
  /** Largest vocabulary, most frequent terms first (at most 65,535). */
  maxVocabulary?: number;
  /** Context-distribution smoothing exponent α of PPMI. */
  contextSmoothing?: number;
  /** Exponent p of the singular values in the word vectors U·Σᵖ. */
  eigenvalueWeight?: number;
  powerIterations?: number;
  oversampling?: number;
  seed?: number;
  /** Model name in the id, e.g. "sv-statutes". */
  name?: string;
  /** The analyzer's `version`; a model only fits terms from that analyzer. */
  analyzerVersion?: string;
  provenance?: Record<string, string>;
  /** Called when a training phase begins, for progress output. */
  onPhase?: (phase: TrainingPhase) => void;
}

/** Phases of training, in order. */
export type TrainingPhase = "reading" | "counting" | "weighting" | "factorising" | "indexing" | "neighbours";

/**
 * Neighbours stored per term: query expansion asks for 2, `buildExpansionTable` for its `perTerm`
 * (3 by default) plus 5; more than this is searched at question time.
 */
export const STORED_NEIGHBOURS = 8;

/**
 * Trains word vectors on analysed documents: distance-weighted co-occurrence counts within a
 * window, PPMI with context-distribution smoothing, a randomized truncated SVD, vectors U·Σᵖ
 * scaled to unit length and quantised to int8, plus IDF over the documents and each term's nearest
 * neighbours. Deterministic for a given seed and document order.
 */
export async function trainWordVectors(
  documents: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
  options: TrainWordVectorsOptions = {},
): Promise<WordVectorModel> {
  const settings = {
    dimensions: options.dimensions ?? 256,
    window: options.window ?? 5,
    weighting: options.weighting ?? "linear",
    minCount: options.minCount ?? 3,
    maxVocabulary: Math.min(options.maxVocabulary ?? 50_000, MAX_VOCABULARY),
    contextSmoothing: options.contextSmoothing ?? 0.75,
    eigenvalueWeight: options.eigenvalueWeight ?? 0.5,
    powerIterations: options.powerIterations ?? 2,
    oversampling: options.oversampling ?? 16,
    seed: options.seed ?? 1,
  };
  const random = createSeededRandom(settings.seed);
  options.onPhase?.("reading");
  const statistics = await collectCorpusStatistics(documents);
  const vocabulary = selectVocabulary(statistics, settings.minCount, settings.maxVocabulary);
  if (vocabulary.terms.length < 2) {
    throw new SamsynError(
      "usage_invalid",
      `För lite text för att träna ordvektorer: ${vocabulary.terms.length} termer förekommer minst ` +
        `${settings.minCount} gånger. Lägg till fler dokument eller sänk minsta antal förekomster.`,
    );
  }
  options.onPhase?.("counting");
  const { tokens, documentStarts } = keepVocabularyTokens(
    statistics.tokens,
    statistics.documentStarts,
    vocabulary,
  );
  const counts = countCooccurrences(tokens, documentStarts, vocabulary.terms.length, {
    window: settings.window,
    weighting: settings.weighting,
  });
  options.onPhase?.("weighting");
  const ppmi = positivePmi(counts, { contextSmoothing: settings.contextSmoothing });
  options.onPhase?.("factorising");
  const svd = randomizedSvd(ppmi, {
    rank: settings.dimensions,
    oversampling: settings.oversampling,
    powerIterations: settings.powerIterations,
    random,
  });
  const dimensions = svd.u.columns;
  const signedSingularValues = signSingularValues(ppmi, svd.u, svd.singularValues);
  const vectors = svd.u.data;
  const weights = svd.singularValues.map((value) => value ** settings.eigenvalueWeight);
  for (let offset = 0; offset < vectors.length; offset += dimensions) {
    for (let d = 0; d < dimensions; d++) vectors[offset + d] = (vectors[offset + d] ?? 0) * (weights[d] ?? 0);
  }
  normalizeRows(vectors, dimensions);
  options.onPhase?.("indexing");
  const clusters = assignClusters(vectors, vocabulary.terms.length, dimensions, random);
  const documentCount = statistics.documentCount;
  const model = createWordVectorModel({
    metadata: {
      name: options.name ?? "word-vectors",
      analyzerVersion: options.analyzerVersion ?? "unknown",
      createdAt: new Date().toISOString(),
      documentCount,
      tokenCount: statistics.tokens.length,
      provenance: options.provenance ?? {},
      training: { method: "ppmi-svd", ...settings, vocabulary: vocabulary.terms.length },
    },
    dimensions,
    terms: vocabulary.terms,
    codes: quantizeVectors(vectors, dimensions),
    idf: Float32Array.from(vocabulary.documentFrequencies, (frequency) =>
      inverseDocumentFrequency(documentCount, frequency),
    ),
    unseenIdf: inverseDocumentFrequency(documentCount, 1),
    singularValues: signedSingularValues,
    clusters,
  });
  options.onPhase?.("neighbours");
  return withNeighbourTable(model, STORED_NEIGHBOURS);
}

/** IDF as ln(1 + N/df): positive even for a term in every document. */
export function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + documentCount / Math.max(documentFrequency, 1));
}

/**
 * Gives each singular value the sign of the matching eigenvalue of the (nearly symmetric) PPMI
 * matrix, the Rayleigh quotient uᵀAu: adaptation divides by these to fold new terms in, and a
 * direction with a negative eigenvalue would otherwise point the wrong way.
 */
function signSingularValues(ppmi: SparseMatrix, u: DenseMatrix, singularValues: Float64Array): Float32Array {
  const product = multiplySparseDense(ppmi, u);
  const quotients = new Float64Array(u.columns);
  for (let index = 0; index < u.data.length; index++) {
    const column = index % u.columns;
    quotients[column] = (quotients[column] ?? 0) + (u.data[index] ?? 0) * (product.data[index] ?? 0);
  }
  return Float32Array.from(singularValues, (value, column) =>
    (quotients[column] ?? 0) < 0 ? -value : value,
  );
}

/** Rewrites the corpus in vocabulary indices, dropping other terms (so windows close over them). */
function keepVocabularyTokens(
  corpusTokens: Int32Array,
  corpusStarts: Int32Array,
  vocabulary: Vocabulary,
): { tokens: Int32Array; documentStarts: Int32Array } {
  const tokens = new Int32Array(corpusTokens.length);
  const documentStarts = new Int32Array(corpusStarts.length);
  let kept = 0;
  for (let document = 0; document + 1 < corpusStarts.length; document++) {
    documentStarts[document] = kept;
    for (
      let position = corpusStarts[document] ?? 0;
      position < (corpusStarts[document + 1] ?? 0);
      position++
    ) {
      const index = vocabulary.indexOfCorpusId[corpusTokens[position] ?? 0] ?? -1;
      if (index >= 0) tokens[kept++] = index;
    }
  }
  documentStarts[corpusStarts.length - 1] = kept;
  return { tokens: tokens.subarray(0, kept), documentStarts };
}
