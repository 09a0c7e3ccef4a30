import type { Chunk, LoadedDocument } from "../knowledge/document.ts";
import type { AcronymDefinition, Analyzer } from "../text/index.ts";
import { type ChunkTerms, contextText, joinedTerms, splitTerms } from "./chunk-terms.ts";
import type { IngestProgress } from "./ingest-knowledge.ts";
import { bufferToVector, type KnowledgeIndex } from "./knowledge-index.ts";

/**
 * What an ingest keeps of a document read: its whole text and blocks are dropped once its passages
 * are cut and its acronyms found (they held a third of a large ingest's memory until the commit).
 */
export interface IngestedDocument {
  document: Pick<LoadedDocument, "id" | "metadata" | "contentHash">;
  /** The acronyms defined in the document's text. */
  acronyms: AcronymDefinition[];
  chunks: Chunk[];
  terms: ChunkTerms[];
  isNew: boolean;
}

/**
 * A document read for ingest, with its passages' terms and a vector for each passage. When the
 * passages are embedded ahead of the commit, the vectors of the right size are views, in passage
 * order, of a slab shared with the documents before and after it, so the commit can hand slabs on to
 * the vector build instead of copies (see `slabPlaces`); when they are embedded at write, a passage
 * has no vector until the commit gives it one (`embedRemaining`).
 */
export interface PreparedDocument extends IngestedDocument {
  vectors: Float32Array[];
}

/**
 * Bytes of a full slab: above glibc's largest mmap threshold (32 MiB), so a slab is always mapped on
 * its own and unmapped when freed, never left in a free list.
 */
const SLAB_BYTES = 40 * 1024 * 1024;
/**
 * Bytes of the first slab; each next one is twice as large up to `SLAB_BYTES`. The graph build can
 * start only when a slab is complete, and it adds points more slowly than the commit writes them, so
 * doubling slabs keep it busy from the first few thousand passages on.
 */
const FIRST_SLAB_BYTES = 8 * 1024 * 1024;

/**
 * Vectors for the passages of the documents read, reusing stored ones for unchanged passage texts
 * unless they contain one of `changedTerms` (terms whose meaning the embedder's adaptation changed).
 */
export async function embedAll(
  index: KnowledgeIndex,
  loaded: IngestedDocument[],
  embedderChanged: boolean,
  changedTerms: ReadonlySet<string>,
  report: (progress: IngestProgress) => void,
): Promise<PreparedDocument[]> {
  const dimensions = index.embedder.dimensions;
  // Unchanged passages of a changed document keep their vectors (saves paid embedding calls).
  const reusable = embedderChanged ? new Map<string, Float32Array>() : storedVectorsByText(index, loaded);
  const stale = (terms: ChunkTerms | undefined) =>
    changedTerms.size > 0 &&
    (terms === undefined ||
      [terms.body, terms.context].some((joined) =>
        splitTerms(joined).some((term) => changedTerms.has(term)),
      ));
  // Positions only: a batch's texts or terms are put together when it is embedded, not all at once.
  const pending: { entry: PreparedDocument; position: number }[] = [];
  const prepared: PreparedDocument[] = loaded.map((item) => ({
    ...item,
    vectors: new Array<Float32Array>(item.chunks.length),
  }));
  // An embedder that computes locally embeds each passage as the commit writes it (`embedRemaining`):
  // no vector is held in between, and the vector graph is built while the passages are embedded.
  const atWrite = embedsAtWrite(index);
  const places: SlabPlaces = atWrite ? new Map() : slabPlaces(prepared, dimensions);
  const keep = (entry: PreparedDocument, position: number, vector: Float32Array) => {
    // Copied into the document's place in a slab: the embedder's array dies young, which V8 frees at
    // once. A vector of another size is kept as it is, so the vector index can reject it.
    const place = places.get(entry);
    if (!place || vector.length !== dimensions) {
      entry.vectors[position] = vector;
      return;
    }
    const start = (place.first + position) * dimensions;
    const view = place.slab.subarray(start, start + dimensions);
    view.set(vector);
    entry.vectors[position] = view;
  };
  for (const entry of prepared) {
    entry.chunks.forEach((chunk, position) => {
      const vector = reusable.get(chunk.text);
      if (vector && !stale(entry.terms[position])) keep(entry, position, vector);
      else pending.push({ entry, position });
    });
  }
  if (atWrite) return prepared;
  const embedder = index.embedder;
  const analyzer = index.analyzer;
  const fromTerms = embedder.embedTerms !== undefined && embedder.termsId === analyzer.version;
  const batchSize = Math.max(1, embedder.maxBatchSize);
  for (let offset = 0; offset < pending.length; offset += batchSize) {
    report({ phase: "embedding", done: offset, total: pending.length });
    const batch = pending.slice(offset, offset + batchSize);
    const vectors =
      fromTerms && embedder.embedTerms
        ? await embedder.embedTerms(
            batch.map(({ entry, position }) => embeddingTerms(analyzer, entry, position)),
            "passage",
          )
        : await embedder.embed(
            batch.map(({ entry, position }) =>
              embeddingText(entry.document.metadata.title, entry.chunks[position] as Chunk),
            ),
            "passage",
          );
    batch.forEach((item, position) => {
      const vector = vectors[position];
      if (vector) keep(item.entry, item.position, vector);
    });
  }
  report({ phase: "embedding", done: pending.length, total: pending.length });
  return prepared;
}

/** Each document's slab and the position of its first vector in it. */
type SlabPlaces = Map<PreparedDocument, { slab: Float32Array; first: number }>;

/**
 * Where each document's vectors go: back to back in slabs of up to `SLAB_BYTES`, documents in order.
 * Large buffers are mapped and unmapped whole by the allocator, so the memory of a slab the vector
 * build is done with goes back to the system at once (see `HnswBackgroundBuild.addAll`).
 */
function slabPlaces(prepared: readonly PreparedDocument[], dimensions: number): SlabPlaces {
  const vectorBytes = 4 * Math.max(1, dimensions);
  const places: SlabPlaces = new Map();
  for (
    let start = 0, bytes = FIRST_SLAB_BYTES;
    start < prepared.length;
    bytes = Math.min(2 * bytes, SLAB_BYTES)
  ) {
    const perSlab = Math.max(1, Math.floor(bytes / vectorBytes));
    let end = start;
    let vectors = 0;
    while (
      end < prepared.length &&
      (end === start || vectors + (prepared[end]?.chunks.length ?? 0) <= perSlab)
    )
      vectors += prepared[end++]?.chunks.length ?? 0;
    const slab = new Float32Array(vectors * dimensions);
    let first = 0;
    for (const entry of prepared.slice(start, end)) {
      places.set(entry, { slab, first });
      first += entry.chunks.length;
    }
    start = end;
  }
  return places;
}

/** True when ingest embeds passages as it writes them: the embedder computes locally, from the index's terms. */
export function embedsAtWrite(index: Pick<KnowledgeIndex, "embedder" | "analyzer">): boolean {
  return index.embedder.embedTermsNow !== undefined && index.embedder.termsId === index.analyzer.version;
}

/** Embeds, synchronously, the passages of `entry` that have no vector yet (see `embedsAtWrite`). */
export function embedRemaining(
  index: Pick<KnowledgeIndex, "embedder" | "analyzer">,
  entry: PreparedDocument,
): void {
  const missing = entry.chunks.flatMap((_, position) => (entry.vectors[position] ? [] : [position]));
  const embedNow = index.embedder.embedTermsNow;
  if (missing.length === 0 || !embedNow) return;
  const vectors = embedNow.call(
    index.embedder,
    missing.map((position) => embeddingTerms(index.analyzer, entry, position)),
    "passage",
  );
  missing.forEach((position, slot) => {
    const vector = vectors[slot];
    if (vector) entry.vectors[position] = vector;
  });
}

/** The terms of `embeddingText`, from the passage's analysed context and body. */
function embeddingTerms(analyzer: Analyzer, entry: PreparedDocument, position: number): string[] {
  const chunk = entry.chunks[position] as Chunk;
  const terms = entry.terms[position] ?? { body: "", context: "" };
  return joinedTerms(analyzer, [
    { text: contextText(entry.document.metadata.title, chunk), terms: terms.context },
    { text: chunk.text, terms: terms.body },
  ]);
}

/**
 * New vectors for the stored passages of unchanged documents that contain a term whose meaning
 * the adaptation changed; every other stored vector stays as it is.
 */
export async function reembedStale(
  index: KnowledgeIndex,
  changedTerms: ReadonlySet<string>,
  unchangedIds: readonly string[],
): Promise<{ rowid: number; vector: Float32Array }[]> {
  if (changedTerms.size === 0 || unchangedIds.length === 0) return [];
  const hits = index.keywords.search([...changedTerms], {
    limit: Number.MAX_SAFE_INTEGER,
    documentIds: unchangedIds,
  });
  const chunks = [...index.catalog.chunksByRowid(hits.map((hit) => hit.rowid)).values()];
  const result: { rowid: number; vector: Float32Array }[] = [];
  for (let start = 0; start < chunks.length; start += index.embedder.maxBatchSize) {
    const batch = chunks.slice(start, start + index.embedder.maxBatchSize);
    const texts = batch.map((chunk) =>
      embeddingText(index.catalog.document(chunk.documentId)?.title ?? "", chunk),
    );
    const vectors = await index.embedder.embed(texts, "passage");
    batch.forEach((chunk, position) => {
      const vector = vectors[position];
      if (vector) result.push({ rowid: chunk.rowid, vector });
    });
  }
  return result;
}

/** Text given to the embedder: the heading path gives a passage its topic. */
function embeddingText(title: string, chunk: Pick<Chunk, "headingPath" | "text">): string {
  return [title, ...chunk.headingPath, chunk.text].join("\n");
}

function storedVectorsByText(
  index: KnowledgeIndex,
  loaded: readonly IngestedDocument[],
): Map<string, Float32Array> {
  const result = new Map<string, Float32Array>();
  if (loaded.length === 0) return result;
  const rows = index.database
    .prepare(
      "SELECT text, embedding FROM chunks WHERE embedding IS NOT NULL AND document_id IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(loaded.map((item) => item.document.id))) as { text: string; embedding: Buffer }[];
  for (const row of rows) result.set(row.text, bufferToVector(row.embedding));
  return result;
}
