import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { IngestLimits } from "../config/ingest-limits.ts";
import { type ErrorCode, toSamsynError } from "../errors.ts";
import { CHUNKING_VERSION } from "../knowledge/chunk-document.ts";
import { encodeHeadings } from "../knowledge/chunking/chunk-sections.ts";
import type { Chunk, LoadedDocument } from "../knowledge/document.ts";
import { extractDefinitions } from "../knowledge/extract-definitions.ts";
import { listKnowledgeFiles } from "../knowledge/list-knowledge-files.ts";
import { knowledgeId } from "../knowledge/load-document.ts";
import { DocumentReader } from "../knowledge/reading/document-reader.ts";
import { type Logger, silentLogger } from "../logger.ts";
import { definitionKeys, extractAcronyms } from "../text/index.ts";
import { embedAll, type PreparedDocument, reembedStale } from "./embed-passages.ts";
import { HnswVectorIndex } from "./hnsw-vector-index.ts";
import {
  DATABASE_FILE,
  DEFINITIONS_VERSION,
  type KnowledgeIndex,
  vectorToBuffer,
} from "./knowledge-index.ts";
import { type RememberedFailure, rememberedFailures, rememberFailures } from "./remembered-failures.ts";
import { carryWarnings, type RememberedWarnings } from "./remembered-warnings.ts";
import { describeDatabaseFailure, readMeta, writeMeta } from "./sqlite-database.ts";

/** A file that could not be indexed, with the reason in Swedish. */
export interface IngestProblem {
  file: string;
  code: ErrorCode;
  message: string;
}

/** A file indexed with metadata that did not fit (left out or read leniently), with the reason in Swedish. */
export interface IngestWarning {
  file: string;
  /** The front matter field concerned; null for the front matter as a whole. */
  field: string | null;
  message: string;
}

/** What one ingest run did. */
export interface IngestSummary {
  documents: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  chunks: number;
  skipped: IngestProblem[];
  /** Every indexed file whose metadata needs fixing, changed in this run or not. */
  warnings: IngestWarning[];
  seconds: number;
}

/** Progress of a running ingest, for progress bars. */
export interface IngestProgress {
  phase: "reading" | "embedding" | "writing";
  done: number;
  total: number;
}

/** Options of an ingest run. */
export interface IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
  logger?: Logger;
  /** What one file may cost to read; default: the index's limits (from the environment). */
  limits?: IngestLimits;
}

/** Meta key of the knowledge fingerprint the stored vectors were embedded under. */
const KNOWLEDGE_FINGERPRINT = "knowledge_fingerprint";

/**
 * Brings the index in line with the knowledge folder: new and changed files are loaded, chunked,
 * analysed and embedded; deleted files disappear; unchanged files are left alone. All writes happen
 * in one SQLite transaction together with the switch to a new vector file, so a crash at any point
 * leaves the previous index usable.
 */
export async function ingestKnowledge(
  index: KnowledgeIndex,
  knowledgeDir: string,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const report = options.onProgress ?? (() => {});
  const listing = await listKnowledgeFiles(knowledgeDir);
  const skipped: IngestProblem[] = listing.unsupported.map((file) => ({
    file: knowledgeId(file, knowledgeDir),
    code: "ingest_unsupported_format",
    message: `${knowledgeId(file, knowledgeDir)}: filformatet stöds inte (använd .md, .txt, .pdf, .docx eller .html).`,
  }));

  const limits = options.limits ?? index.ingestLimits;
  const known = new Map(index.catalog.documents().map((document) => [document.id, document]));
  const files = listing.files.map((file) => ({
    file,
    id: knowledgeId(file, knowledgeDir),
    hash: hashFile(file, limits),
  }));
  const seen = new Set(files.map((item) => item.id));
  const removedIds = [...known.keys()].filter((id) => !seen.has(id));
  const sameContent = (item: { id: string; hash: string }) => known.get(item.id)?.contentHash === item.hash;

  const loaded: { document: LoadedDocument; chunks: Chunk[]; isNew: boolean }[] = [];
  const reader = new DocumentReader(limits, logger);
  const remembered = rememberedFailures(index.database, limits);
  const failures = new Map<string, RememberedFailure>();
  const warned = new Map<string, RememberedWarnings>();
  const load = async (items: { file: string; id: string; hash: string }[]) => {
    for (const [position, item] of items.entries()) {
      report({ phase: "reading", done: position, total: items.length });
      const before = remembered.get(item.id);
      if (before?.hash === item.hash) {
        logger.warn("skipping file, unchanged since it failed", { file: item.id, code: before.code });
        failures.set(item.id, before);
        skipped.push({ file: item.id, code: before.code, message: before.message });
        continue;
      }
      const outcome = await reader.read(item.file, knowledgeDir, item.id).catch((error: unknown) => {
        throw toSamsynError(error, "ingest_failed");
      });
      if (outcome.ok) {
        loaded.push({ document: outcome.document, chunks: outcome.chunks, isNew: !known.has(item.id) });
        if (outcome.warnings.length > 0) warned.set(item.id, { hash: item.hash, warnings: outcome.warnings });
        if (outcome.encoding)
          logger.warn("read as a legacy encoding", { file: item.id, encoding: outcome.encoding });
      } else {
        logger.warn("skipping file", { file: item.id, code: outcome.code });
        skipped.push({ file: item.id, code: outcome.code, message: outcome.message });
        failures.set(item.id, { hash: item.hash, code: outcome.code, message: outcome.message });
      }
    }
    report({ phase: "reading", done: items.length, total: items.length });
  };
  const unchangedFiles = files.filter(sameContent);
  const fingerprint = knowledgeFingerprint(files);
  let changedTerms: ReadonlySet<string>;
  let current: boolean;
  try {
    await load(files.filter((item) => !sameContent(item)));
    changedTerms = await adaptEmbedder(index, fingerprint, unchangedFiles, loaded);
    // After a change of analysis or embedder every document is read again, changed or not.
    current = index.isCurrent();
    if (!current) await load(unchangedFiles);
  } finally {
    await reader.close();
  }
  const unchanged = current ? unchangedFiles.length : 0;
  const embedderChanged = readMeta(index.database, "embedder_id") !== index.embedder.id;
  const refreshed = current
    ? await reembedStale(
        index,
        changedTerms,
        unchangedFiles.map((item) => item.id),
      )
    : [];

  const prepared = await embedAll(index, loaded, embedderChanged, report);

  report({ phase: "writing", done: 0, total: 1 });
  const totals = writeAll(
    index,
    prepared,
    removedIds,
    embedderChanged,
    [...known.keys()],
    refreshed,
    fingerprint,
    logger,
  );
  rememberFailures(index.database, limits, failures);
  const read = new Set(loaded.map((item) => item.document.id));
  const warnings = carryWarnings(
    index.database,
    warned,
    unchangedFiles.filter((item) => !read.has(item.id)),
  );
  report({ phase: "writing", done: 1, total: 1 });

  const added = prepared.filter((item) => item.isNew).length;
  return {
    documents: totals.documents,
    added,
    updated: prepared.length - added,
    removed: removedIds.length,
    unchanged,
    chunks: totals.chunks,
    skipped,
    warnings,
    seconds: (performance.now() - started) / 1000,
  };
}

function writeAll(
  index: KnowledgeIndex,
  prepared: PreparedDocument[],
  removedIds: string[],
  embedderChanged: boolean,
  knownIds: string[],
  refreshed: readonly { rowid: number; vector: Float32Array }[],
  fingerprint: string,
  logger: Logger,
): { documents: number; chunks: number } {
  const database = index.database;
  const vectors = embedderChanged
    ? HnswVectorIndex.create(index.embedder.dimensions, {
        initialCapacity: Math.max(
          16,
          prepared.reduce((sum, item) => sum + item.chunks.length, 0),
        ),
      })
    : index.mutableVectors;
  const insertDocument = database.prepare(
    `INSERT INTO documents(id, content_hash, title, type, organisations, groups, date, source, chunk_count, indexed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertChunk = database.prepare(
    `INSERT INTO chunks(id, document_id, ordinal, text, heading_path, page, start_offset, end_offset, embedding)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAcronym = database.prepare(
    "INSERT OR IGNORE INTO acronyms(acronym, long_form, document_id) VALUES (?, ?, ?)",
  );
  const insertDefinition = database.prepare(
    "INSERT INTO definitions(term_key, chunk_rowid, document_id, term) VALUES (?, ?, ?, ?)",
  );
  const updateEmbedding = database.prepare("UPDATE chunks SET embedding = ? WHERE rowid = ?");
  const deleteDocument = database.prepare("DELETE FROM documents WHERE id = ?");
  const now = new Date().toISOString();
  const previousFile = readMeta(database, "vector_file");
  const generation = Number(readMeta(database, "generation") ?? "0") + 1;
  const vectorFile = `vectors-${generation}.hnsw`;

  const replaced = new Set([...removedIds, ...prepared.map((item) => item.document.id)]);
  // When the analysis changed, every stored document is re-read, so all old rows go.
  const toDelete = knownIds.filter((id) => replaced.has(id));

  let savesVectors = true;
  const transaction = database.transaction(() => {
    for (const rowid of index.catalog.chunkRowidsOfDocuments(toDelete)) {
      index.keywords.remove(rowid);
      if (!embedderChanged) vectors.remove(rowid);
    }
    for (const id of toDelete) deleteDocument.run(id);
    for (const { rowid, vector } of refreshed) {
      updateEmbedding.run(vectorToBuffer(vector), rowid);
      vectors.upsert(rowid, vector);
    }
    for (const item of prepared) {
      const { document, chunks } = item;
      const metadata = document.metadata;
      insertDocument.run(
        document.id,
        document.contentHash,
        metadata.title,
        metadata.type,
        JSON.stringify(metadata.organisations),
        JSON.stringify(metadata.groups),
        metadata.date,
        metadata.source,
        chunks.length,
        now,
      );
      chunks.forEach((chunk, position) => {
        const vector = item.vectors[position];
        const result = insertChunk.run(
          chunk.id,
          document.id,
          chunk.ordinal,
          chunk.text,
          encodeHeadings(chunk),
          chunk.page,
          chunk.start,
          chunk.end,
          vector ? vectorToBuffer(vector) : null,
        );
        const rowid = Number(result.lastInsertRowid);
        index.keywords.write(
          rowid,
          index.analyzer.analyze(chunk.text),
          index.analyzer.analyze([metadata.title, ...chunk.headingPath].join("\n")),
        );
        if (vector) vectors.upsert(rowid, vector);
        for (const definition of extractDefinitions(chunk.text)) {
          for (const key of definitionKeys(index.analyzer, definition.term)) {
            insertDefinition.run(key, rowid, document.id, definition.term);
          }
        }
      });
      for (const definition of extractAcronyms(document.text)) {
        insertAcronym.run(definition.acronym, definition.longForm, document.id);
      }
    }
    // Before the generation is written: the keyword postings are stamped with the one committed here.
    if (index.keywords.flush(String(generation)) === "rebuilt")
      logger.info("rebuilt the keyword postings (done once for data from an older version)");
    writeMeta(database, "analyzer_version", index.analyzer.version);
    writeMeta(database, "embedder_id", index.embedder.id);
    writeMeta(database, "definitions_version", DEFINITIONS_VERSION);
    writeMeta(database, "chunking_version", CHUNKING_VERSION);
    writeMeta(database, "generation", String(generation));
    writeMeta(database, "last_ingest_at", now);
    // Committed with the vectors it describes, so the embedder's adaptation cache counts only from here.
    writeMeta(database, KNOWLEDGE_FINGERPRINT, fingerprint);
    savesVectors =
      vectors.hasUnsavedChanges ||
      previousFile === undefined ||
      !fs.existsSync(path.join(index.dataDir, previousFile));
    // The vector file is written before the commit; until the commit, the database still names the old
    // one. Unchanged vectors keep their file: rewriting it costs as much as the corpus is large.
    if (savesVectors) {
      vectors.save(path.join(index.dataDir, vectorFile));
      writeMeta(database, "vector_file", vectorFile);
    }
  });

  try {
    transaction();
  } catch (error) {
    fs.rmSync(path.join(index.dataDir, vectorFile), { force: true });
    index.keywords.discard();
    index.reloadVectors();
    const code = String((error as { code?: unknown }).code ?? "");
    if (/^(SQLITE_|E[A-Z]+$)/.test(code))
      throw describeDatabaseFailure(error, path.join(index.dataDir, DATABASE_FILE));
    throw toSamsynError(error, "ingest_failed");
  }
  if (embedderChanged) index.replaceVectors(vectors);
  index.catalog.invalidate();
  if (savesVectors && previousFile && previousFile !== vectorFile)
    fs.rmSync(path.join(index.dataDir, previousFile), { force: true });
  const stats = index.catalog.stats();
  return { documents: stats.documents, chunks: stats.chunks };
}

/** Changes exactly when a knowledge file is added, removed or changed. */
function knowledgeFingerprint(files: readonly { id: string; hash: string }[]): string {
  const fingerprint = createHash("sha256");
  for (const item of [...files].sort((a, b) => a.id.localeCompare(b.id))) {
    fingerprint.update(`${item.id}\t${item.hash}\n`);
  }
  return fingerprint.digest("hex");
}

/**
 * Lets the embedder learn from the whole knowledge base before anything is embedded: unchanged
 * documents are read back from the catalog, new and changed ones from the files just loaded.
 */
async function adaptEmbedder(
  index: KnowledgeIndex,
  fingerprint: string,
  unchangedFiles: readonly { id: string }[],
  loaded: readonly { chunks: readonly Chunk[] }[],
): Promise<ReadonlySet<string>> {
  if (!index.embedder.adaptTo) return new Set();
  const storedText = index.database.prepare("SELECT text FROM chunks WHERE document_id = ? ORDER BY ordinal");
  return index.embedder.adaptTo({
    fingerprint,
    committedFingerprint: readMeta(index.database, KNOWLEDGE_FINGERPRINT) ?? null,
    cacheDir: index.dataDir,
    *documents() {
      for (const item of unchangedFiles) {
        const rows = storedText.all(item.id) as { text: string }[];
        yield rows.map((row) => row.text).join("\n");
      }
      for (const item of loaded) yield item.chunks.map((chunk) => chunk.text).join("\n");
    },
  });
}

/** Content hash of a file; one over the size limit is not read (it is skipped anyway) but keyed by size and time. */
function hashFile(file: string, limits: IngestLimits): string {
  const stats = fs.statSync(file);
  if (stats.size > limits.maxFileBytes) return `oversize-${stats.size}-${stats.mtimeMs}`;
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}
