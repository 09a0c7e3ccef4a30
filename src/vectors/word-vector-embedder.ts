import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AdaptationCorpus, Embedder } from "../index/embedder.ts";
import { adaptationWindow, adaptedModel } from "./adapt-word-vectors.ts";
import { type AdaptationState, learnAdaptationState, updateAdaptationState } from "./adaptation-state.ts";
import { loadAdaptationState, saveAdaptationState } from "./adaptation-state-file.ts";
import type { WordVectorModel } from "./word-vector-model.ts";

/**
 * What the adaptation learned is kept as `word-vectors-adapted-<key>.state` (see `AdaptationState`):
 * the current one and the committed one. The adapted model is built from it in milliseconds.
 */
const CACHE_PREFIX = "word-vectors-adapted-";
const CACHE_EXTENSION = ".state";
const CACHE_NAME = /^word-vectors-adapted-([0-9a-f]{16})\.state$/;
/**
 * A word of the knowledge base gets a vector when it occurs this often. Rarer words' vectors rest on
 * too few contexts: at 2 they cost dev-law a hit@1 question; from 5 on neither dev set changed.
 */
const MIN_NEW_TERM_COUNT = 5;
/**
 * Offline `Embedder` from word vectors: a text's vector is the IDF- and sublinear-TF-weighted mean
 * of its terms' vectors, L2-normalised, so paraphrases with different but related words land close.
 * Terms the model does not know are skipped; a text with no known term gets the zero vector (its
 * similarity to everything is 0, so it never outranks a real match).
 */
export class WordVectorEmbedder implements Embedder {
  readonly dimensions: number;
  private model: WordVectorModel;
  /** The adaptation cache key `model` belongs to; null for the base model before any adaptation. */
  private modelKey: string | null = null;
  /** What the adaptation for `modelKey` learned; the next ingest updates it. */
  private state: AdaptationState | null = null;
  // Embedding is synchronous CPU work; this bounds how long one call holds the event loop.
  readonly maxBatchSize = 256;

  /**
   * `termsOf` should be the analyzer the model was trained with (`model.metadata.analyzerVersion`);
   * `termsId` (e.g. the analyzer's version) goes into `id`, so a new analyzer forces a rebuild too.
   */
  constructor(
    private readonly base: WordVectorModel,
    private readonly termsOf: (text: string) => string[],
    readonly termsId?: string,
  ) {
    this.model = base;
    this.dimensions = base.dimensions;
  }

  /** Names the base model: adapting to the knowledge base refines it without making it another model. */
  get id(): string {
    return `word-vectors-v1-${this.base.id}-${this.dimensions}${this.termsId ? `-${this.termsId}` : ""}`;
  }

  /** The model in use: the base model, or the base model adapted to the knowledge base. */
  get activeModel(): WordVectorModel {
    return this.model;
  }

  /**
   * Gives the knowledge base's own words (HälSam, utskrivningsklar) vectors from their contexts
   * (see `adaptWordVectors`) and returns the terms whose vectors differ from the adaptation the
   * stored passages were embedded with (the one for `corpus.committedFingerprint`). What it learned
   * is kept in `cacheDir` under the corpus fingerprint: a restart with unchanged documents reads it,
   * and the next ingest updates it from the changed documents alone (`corpus.changes`).
   */
  async adaptTo(corpus: AdaptationCorpus): Promise<ReadonlySet<string>> {
    const { cacheDir } = corpus;
    const key = this.cacheKey(corpus.fingerprint);
    // Data from before fingerprints were committed has no record; its one older cache file is the committed one.
    const committedKey =
      corpus.committedFingerprint === null
        ? this.cachedKeys(cacheDir).find((other) => other !== key)
        : this.cacheKey(corpus.committedFingerprint);
    const cached = this.stateFor(cacheDir, key);
    this.removeCachesExcept(cacheDir, committedKey === undefined ? [key] : [key, committedKey]);
    if (cached && key === committedKey) {
      this.use(key, cached);
      return new Set();
    }
    // A cache for `key` without a commit means an ingest died after adapting: the stored passages
    // still carry the committed adaptation, so the change is measured against that one.
    const committed = committedKey === undefined ? null : this.stateFor(cacheDir, committedKey);
    const previous =
      committedKey !== undefined && committedKey === this.modelKey
        ? this.model
        : committed
          ? this.modelOf(committed)
          : this.base;
    const state = cached ?? (await this.learn(corpus, committed));
    if (!cached) saveAdaptationState(state, this.cacheFile(cacheDir, key), this.dimensions);
    this.use(key, state);
    return this.changedTerms(previous, this.model);
  }

  /** Updates the committed state from the changed documents when it can, else learns from all documents. */
  private async learn(corpus: AdaptationCorpus, committed: AdaptationState | null): Promise<AdaptationState> {
    const changes = corpus.changes;
    if (committed && changes && changes.termsId === this.termsId && committed.minCount === MIN_NEW_TERM_COUNT)
      return updateAdaptationState(this.base, committed, changes);
    const termsOf = this.termsOf;
    const analysed = corpus.analysed?.termsId === this.termsId ? corpus.analysed : undefined;
    return learnAdaptationState(
      this.base,
      analysed
        ? analysed.documents()
        : (function* () {
            for (const text of corpus.documents()) yield termsOf(text);
          })(),
      { window: adaptationWindow(this.base), minCount: MIN_NEW_TERM_COUNT },
    );
  }

  private use(key: string, state: AdaptationState): void {
    if (key === this.modelKey) return;
    this.model = this.modelOf(state);
    this.modelKey = key;
    this.state = state;
  }

  private modelOf(state: AdaptationState): WordVectorModel {
    if (state.sums.size === 0) return this.base;
    const adapted = adaptedModel(this.base, state, { corpusName: "knowledge" });
    return adapted.size > this.base.size ? adapted : this.base;
  }

  private cacheKey(fingerprint: string): string {
    return createHash("sha256")
      .update(`${this.base.id}\n${this.termsId ?? ""}\n${fingerprint}`)
      .digest("hex")
      .slice(0, 16);
  }

  private cacheFile(cacheDir: string, key: string): string {
    return path.join(cacheDir, `${CACHE_PREFIX}${key}${CACHE_EXTENSION}`);
  }

  /** The state for `key`: the one in use when it is that one (not read again), else the cached one. */
  private stateFor(cacheDir: string, key: string): AdaptationState | null {
    if (key === this.modelKey && this.state) return this.state;
    return loadAdaptationState(this.cacheFile(cacheDir, key), this.dimensions);
  }

  private cachedKeys(cacheDir: string): string[] {
    if (!fs.existsSync(cacheDir)) return [];
    return fs
      .readdirSync(cacheDir)
      .map((name) => CACHE_NAME.exec(name)?.[1])
      .filter((key) => key !== undefined);
  }

  /** Removes other cached states, and the whole adapted models that older versions kept instead. */
  private removeCachesExcept(cacheDir: string, keys: readonly string[]): void {
    fs.mkdirSync(cacheDir, { recursive: true });
    const kept = new Set(keys.map((key) => `${CACHE_PREFIX}${key}${CACHE_EXTENSION}`));
    for (const name of fs.readdirSync(cacheDir)) {
      if (name.startsWith(CACHE_PREFIX) && !kept.has(name))
        fs.rmSync(path.join(cacheDir, name), { force: true });
    }
  }

  /** Terms beyond the base vocabulary that one model has and the other lacks, places elsewhere or weighs otherwise. */
  private changedTerms(before: WordVectorModel, after: WordVectorModel): Set<string> {
    const changed = new Set<string>();
    const added = (model: WordVectorModel) => model.data.terms.slice(this.base.size);
    for (const term of new Set([...added(before), ...added(after)])) {
      const a = before.vector(term);
      const b = after.vector(term);
      if (
        !a ||
        !b ||
        a.some((value, index) => Math.abs(value - (b[index] ?? 0)) > 1e-6) ||
        Math.abs(before.idf(term) - after.idf(term)) > 1e-6
      )
        changed.add(term);
    }
    return changed;
  }

  async embed(texts: readonly string[], _kind: "passage" | "query"): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  async embedTerms(
    terms: readonly (readonly string[])[],
    kind: "passage" | "query",
  ): Promise<Float32Array[]> {
    return this.embedTermsNow(terms, kind);
  }

  readonly embedTermsNow = (
    terms: readonly (readonly string[])[],
    _kind: "passage" | "query",
  ): Float32Array[] => terms.map((textTerms) => this.embedTermsOne(textTerms));

  /** The vector of one text, synchronously; queries and passages are embedded alike. */
  embedOne(text: string): Float32Array {
    return this.embedTermsOne(this.termsOf(text));
  }

  private embedTermsOne(terms: readonly string[]): Float32Array {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Float32Array(this.dimensions);
    for (const [term, count] of counts) {
      this.model.addVector(term, vector, this.model.idf(term) * (1 + Math.log(count)));
    }
    let sum = 0;
    for (const value of vector) sum += value * value;
    if (sum === 0) return vector;
    const scale = 1 / Math.sqrt(sum);
    for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] ?? 0) * scale;
    return vector;
  }
}
