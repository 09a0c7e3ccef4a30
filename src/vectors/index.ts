// Swedish distributional word vectors: training (PPMI + randomized SVD), files, adaptation to a
// user's corpus, an offline Embedder and query-term expansion. Import from here, not from the files.
export { type AdaptWordVectorsOptions, adaptWordVectors } from "./adapt-word-vectors.ts";
export { corpusDocuments, listCorpusFiles, readCorpusText } from "./corpus-directory.ts";
export { DEFAULT_WORD_VECTORS_PATH, loadDefaultWordVectors } from "./default-word-vectors.ts";
export {
  buildExpansionTable,
  type ExpandTermsOptions,
  expandTerms,
  type TermExpansion,
} from "./expand-terms.ts";
export {
  inverseDocumentFrequency,
  STORED_NEIGHBOURS,
  type TrainingPhase,
  type TrainWordVectorsOptions,
  trainWordVectors,
} from "./train-word-vectors.ts";
export { WordVectorEmbedder } from "./word-vector-embedder.ts";
export { loadWordVectors, saveWordVectors, WORD_VECTOR_FORMAT_VERSION } from "./word-vector-file.ts";
export {
  createWordVectorModel,
  type WordNeighbour,
  type WordVectorData,
  type WordVectorMetadata,
  type WordVectorModel,
  withNeighbourTable,
} from "./word-vector-model.ts";
