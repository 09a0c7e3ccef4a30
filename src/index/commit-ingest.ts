import fs from "node:fs";
import path from "node:path";
import { SamsynError, toSamsynError } from "../errors.ts";
import { CHUNKING_VERSION } from "../knowledge/chunk-document.ts";
import { encodeHeadings } from "../knowledge/chunking/chunk-sections.ts";
import { extractDefinitions } from "../knowledge/extract-definitions.ts";
import type { Logger } from "../logger.ts";
import { definitionKeys } from "../text/index.ts";
import { contextText, splitTerms } from "./chunk-terms.ts";
import { embedRemaining, type PreparedDocument } from "./embed-passages.ts";
import { HnswBackgroundBuild } from "./hnsw-background-build.ts";
import { HnswVectorIndex } from "./hnsw-vector-index.ts";
import type { IngestLease } from "./ingest-lease.ts";
import {
  DATABASE_FILE,
  DEFINITIONS_VERSION,
  KNOWLEDGE_FINGERPRINT,
  type KnowledgeIndex,
  vectorToBuffer,
} from "./knowledge-index.ts";
import { describeDatabaseFailure, readMeta, writeMeta } from "./sqlite-database.ts";
import type { VectorChange } from "./vector-changes.ts";

/** What an ingest found to change, ready to be written. */
export interface IngestChanges {
  /** The documents to write; each one's passages, terms and vectors are let go once written. */
  prepared: PreparedDocument[];
  removedIds: string[];
  embedderChanged: boolean;
  /** Every document id the catalog held when the ingest started. */
  knownIds: string[];
  /** Passages of unchanged documents with new vectors (the embedder learned new words). */
  refreshed: readonly { rowid: number; vector: Float32Array }[];
  fingerprint: string;
}

/**
 * Writes an ingest's changes in one transaction that commits the next generation with its vector
 * file; an ingest that changed nothing commits no generation, so other processes need not reload.
 * Fails without writing when this process no longer holds the lease or another generation was
 * committed since the ingest began.
 */
export function commitIngest(
  index: KnowledgeIndex,
  changes: IngestChanges,
  lease: IngestLease,
  logger: Logger,
): { documents: number; chunks: number } {
  if (changesNothing(index, changes)) {
    writeMeta(index.database, "last_ingest_at", new Date().toISOString());
    const stats = index.catalog.stats();
    return { documents: stats.documents, chunks: stats.chunks };
  }
  const { prepared, removedIds, embedderChanged, knownIds, refreshed, fingerprint } = changes;
  const database = index.database;
  // A new embedder means a new graph: it is built in a worker thread while this one writes SQLite.
  const building = embedderChanged
    ? new HnswBackgroundBuild(
        index.embedder.dimensions,
        Math.max(
          16,
          prepared.reduce((sum, item) => sum + item.chunks.length, 0),
        ),
      )
    : null;
  const vectors = index.mutableVectors;
  // Changes to the live graph, recorded instead of rewriting its file when they are few.
  const vectorChanges: VectorChange[] = [];
  const put = (rowid: number, vector: Float32Array) => {
    if (building) building.add(rowid, vector);
    else {
      vectors.upsert(rowid, vector);
      vectorChanges.push({ rowid, removed: false });
    }
  };
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
    lease.assertHeld();
    if ((readMeta(database, "generation") ?? "0") !== index.generation) {
      throw new SamsynError(
        "ingest_failed",
        "Indexet ändrades av en annan process under inläsningen; ingenting skrevs. Kör inläsningen igen (npm run ingest).",
      );
    }
    for (const rowid of index.catalog.chunkRowidsOfDocuments(toDelete)) {
      index.keywords.remove(rowid);
      if (!embedderChanged) {
        vectors.remove(rowid);
        vectorChanges.push({ rowid, removed: true });
      }
    }
    for (const id of toDelete) deleteDocument.run(id);
    for (const { rowid, vector } of refreshed) {
      updateEmbedding.run(vectorToBuffer(vector), rowid);
      put(rowid, vector);
    }
    for (const item of prepared) {
      embedRemaining(index, item);
      const { document, chunks } = item;
      // The document's points go to the background build together, so its vector buffer can move there.
      const labels: number[] = [];
      const labelled: Float32Array[] = [];
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
        const terms = item.terms[position];
        index.keywords.write(
          rowid,
          terms ? splitTerms(terms.body) : index.analyzer.analyze(chunk.text),
          terms ? splitTerms(terms.context) : index.analyzer.analyze(contextText(metadata.title, chunk)),
        );
        if (vector && building) {
          labels.push(rowid);
          labelled.push(vector);
        } else if (vector) put(rowid, vector);
        for (const definition of extractDefinitions(chunk.text)) {
          for (const key of definitionKeys(index.analyzer, definition.term)) {
            insertDefinition.run(key, rowid, document.id, definition.term);
          }
        }
      });
      building?.addAll(labels, labelled);
      for (const definition of item.acronyms) {
        insertAcronym.run(definition.acronym, definition.longForm, document.id);
      }
      // Written: a large ingest must not hold every passage until the end (see `IngestChanges.prepared`).
      release(item);
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
    const fileExists = previousFile !== undefined && fs.existsSync(path.join(index.dataDir, previousFile));
    // A few changed vectors are recorded beside the file: rewriting it costs as much as the corpus is large.
    const recordsChanges =
      building === null && fileExists && index.vectorChanges.fits(vectorChanges.length, vectors.size);
    savesVectors = !recordsChanges && (building !== null || vectors.hasUnsavedChanges || !fileExists);
    if (recordsChanges) index.vectorChanges.record(vectorChanges);
    // The vector file is written before the commit; until the commit, the database still names the old one.
    if (savesVectors) {
      if (building) building.save(path.join(index.dataDir, vectorFile));
      else vectors.save(path.join(index.dataDir, vectorFile));
      writeMeta(database, "vector_file", vectorFile);
      index.vectorChanges.clear();
    }
  });

  try {
    transaction();
  } catch (error) {
    building?.close();
    fs.rmSync(path.join(index.dataDir, vectorFile), { force: true });
    index.keywords.discard();
    index.reloadVectors();
    const code = String((error as { code?: unknown }).code ?? "");
    if (/^(SQLITE_|E[A-Z]+$)/.test(code))
      throw describeDatabaseFailure(error, path.join(index.dataDir, DATABASE_FILE));
    throw toSamsynError(error, "ingest_failed");
  }
  if (building) {
    const file = path.join(index.dataDir, vectorFile);
    index.replaceVectors(() => HnswVectorIndex.load(file, index.embedder.dimensions));
  }
  index.committed(String(generation));
  index.catalog.invalidate();
  if (savesVectors && previousFile && previousFile !== vectorFile)
    fs.rmSync(path.join(index.dataDir, previousFile), { force: true });
  const stats = index.catalog.stats();
  return { documents: stats.documents, chunks: stats.chunks };
}

/** Drops a written document's passages, terms and vectors; its id and `isNew` stay for the summary. */
function release(item: PreparedDocument): void {
  item.acronyms = [];
  item.chunks = [];
  item.terms = [];
  item.vectors = [];
}

/** True when the stored index already is what this ingest would write. */
function changesNothing(index: KnowledgeIndex, changes: IngestChanges): boolean {
  const vectorFile = readMeta(index.database, "vector_file");
  return (
    changes.prepared.length === 0 &&
    changes.removedIds.length === 0 &&
    changes.refreshed.length === 0 &&
    !changes.embedderChanged &&
    index.isCurrent() &&
    index.keywords.postingsUpToDate &&
    readMeta(index.database, KNOWLEDGE_FINGERPRINT) === changes.fingerprint &&
    vectorFile !== undefined &&
    fs.existsSync(path.join(index.dataDir, vectorFile))
  );
}
