import { createHash } from "node:crypto";
import type { IngestLimits } from "../config/ingest-limits.ts";
import { type ErrorCode, toSamsynError } from "../errors.ts";
import type { LoadedDocument } from "../knowledge/document.ts";
import { listKnowledgeFiles } from "../knowledge/list-knowledge-files.ts";
import { knowledgeId } from "../knowledge/load-document.ts";
import { DocumentReader, type ReadOutcome } from "../knowledge/reading/document-reader.ts";
import { type Logger, silentLogger } from "../logger.ts";
import { extractAcronyms } from "../text/index.ts";
import { analyseChunks, joinedTerms } from "./chunk-terms.ts";
import { commitIngest } from "./commit-ingest.ts";
import { embedAll, type IngestedDocument, reembedStale } from "./embed-passages.ts";
import { FileHashes } from "./file-hashes.ts";
import { IngestLease, type IngestLeaseOptions, type LeaseHolder } from "./ingest-lease.ts";
import { KNOWLEDGE_FINGERPRINT, type KnowledgeIndex } from "./knowledge-index.ts";
import { type RememberedFailure, rememberedFailures, rememberFailures } from "./remembered-failures.ts";
import { carryWarnings, type RememberedWarnings } from "./remembered-warnings.ts";
import { readMeta } from "./sqlite-database.ts";

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
  /** Called once when another process is ingesting into the same data folder and this one waits. */
  onWait?: (holder: LeaseHolder) => void;
  /**
   * Reads the files; a long-running process passes one it keeps between ingests, so a saved file
   * does not wait for a reading worker to start. Default: a new one, stopped at the end.
   */
  reader?: DocumentReader;
  /** Documents to index beside the knowledge folder's, listed at the start of every ingest. */
  extraDocuments?: () => Promise<ExtraDocument[]>;
  /** Timing of the cross-process write lease (tests shorten it). */
  lease?: Omit<IngestLeaseOptions, "onWait">;
}

/** A file to index: from the knowledge folder, or an extra document (which brings its own root and metadata). */
type ListedFile = { file: string; id: string; hash: string; root?: string } | ExtraDocument;

/**
 * A document kept outside the knowledge folder and indexed with it (a source's copy): where it is,
 * its id relative to `root`, a hash that changes when it or what `adjust` adds changes, and how its
 * loaded metadata is adjusted (a source's link, group and title over the file's own).
 */
export interface ExtraDocument {
  file: string;
  id: string;
  root: string;
  hash: string;
  adjust(document: LoadedDocument): LoadedDocument;
}

/** Heartbeats sent from progress reports at most this often. */
const PROGRESS_BEAT_MS = 1000;
/** More files read than this, and a kept reader is stopped once they are read (see `ingestUnderLease`). */
const LARGE_READ = 100;
/** Files asked of the reading worker ahead of the one being analysed. */
const READ_AHEAD = 4;

/** A file read for this ingest: its document (without its whole text), passages and their analysed terms. */
type LoadedFile = IngestedDocument;

/**
 * Brings the index in line with the knowledge folder: new and changed files are loaded, chunked,
 * analysed and embedded; deleted files disappear; unchanged files are left alone. All writes happen
 * in one SQLite transaction together with the switch to a new vector file, so a crash at any point
 * leaves the previous index usable. Processes sharing the data folder take turns (`IngestLease`),
 * and each starts from the generation the one before it committed.
 */
export async function ingestKnowledge(
  index: KnowledgeIndex,
  knowledgeDir: string,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const lease = await IngestLease.acquire(index.database, {
    ...options.lease,
    onWait: (holder) => {
      logger.info("waiting for another process's ingest", { pid: holder.pid, host: holder.host });
      options.onWait?.(holder);
    },
  });
  try {
    // Another process may have committed since this one last looked: ingest from its generation.
    await index.syncWithDatabase();
    let lastBeat = performance.now();
    const report = (progress: IngestProgress) => {
      if (performance.now() - lastBeat > PROGRESS_BEAT_MS) {
        lease.beat();
        lastBeat = performance.now();
      }
      options.onProgress?.(progress);
    };
    return await ingestUnderLease(index, knowledgeDir, options, { started, logger, report, lease });
  } finally {
    lease.release();
  }
}

async function ingestUnderLease(
  index: KnowledgeIndex,
  knowledgeDir: string,
  options: IngestOptions,
  run: {
    started: number;
    logger: Logger;
    report: (progress: IngestProgress) => void;
    lease: IngestLease;
  },
): Promise<IngestSummary> {
  const { started, logger, report, lease } = run;
  const listing = await listKnowledgeFiles(knowledgeDir);
  const skipped: IngestProblem[] = listing.unsupported.map((file) => ({
    file: knowledgeId(file, knowledgeDir),
    code: "ingest_unsupported_format",
    message: `${knowledgeId(file, knowledgeDir)}: filformatet stöds inte (använd .md, .txt, .pdf, .docx eller .html).`,
  }));

  const limits = options.limits ?? index.ingestLimits;
  const known = new Map(index.catalog.documents().map((document) => [document.id, document]));
  const hashes = new FileHashes(index.database, limits);
  const files: ListedFile[] = listing.files.map((file) => ({
    file,
    id: knowledgeId(file, knowledgeDir),
    hash: hashes.of(file, knowledgeId(file, knowledgeDir)),
  }));
  // Copies of web, SharePoint and Slack documents, kept in the data folder by the sources' syncs.
  files.push(...((await options.extraDocuments?.()) ?? []));
  const seen = new Set(files.map((item) => item.id));
  const removedIds = [...known.keys()].filter((id) => !seen.has(id));
  const sameContent = (item: { id: string; hash: string }) => known.get(item.id)?.contentHash === item.hash;

  const loaded: LoadedFile[] = [];
  const reader = options.reader ?? new DocumentReader(limits, logger);
  const remembered = rememberedFailures(index.database, limits);
  const failures = new Map<string, RememberedFailure>();
  const warned = new Map<string, RememberedWarnings>();
  const load = async (items: ListedFile[]) => {
    reader.expect(items.length);
    // Reads are queued a few files ahead, so the worker reads the next file while this thread analyses.
    const reads = new Map<number, Promise<ReadOutcome>>();
    const readAhead = (position: number) => {
      const item = items[position];
      if (!item || reads.has(position) || remembered.get(item.id)?.hash === item.hash) return;
      reads.set(
        position,
        reader.read(item.file, item.root ?? knowledgeDir, item.id).catch((error: unknown) => {
          throw toSamsynError(error, "ingest_failed");
        }),
      );
    };
    try {
      for (const [position, item] of items.entries()) {
        report({ phase: "reading", done: position, total: items.length });
        for (let ahead = position; ahead <= position + READ_AHEAD; ahead++) readAhead(ahead);
        const before = remembered.get(item.id);
        if (before?.hash === item.hash) {
          logger.warn("skipping file, unchanged since it failed", { file: item.id, code: before.code });
          failures.set(item.id, before);
          skipped.push({ file: item.id, code: before.code, message: before.message });
          continue;
        }
        const outcome = await (reads.get(position) as Promise<ReadOutcome>);
        reads.delete(position);
        if (outcome.ok) {
          const { chunks } = outcome;
          const document = "adjust" in item ? item.adjust(outcome.document) : outcome.document;
          const terms = analyseChunks(index.analyzer, document.metadata.title, chunks);
          // Only what the commit writes is kept: the whole text and its blocks would double the passages.
          loaded.push({
            document: { id: document.id, metadata: document.metadata, contentHash: document.contentHash },
            acronyms: extractAcronyms(document.text),
            chunks,
            terms,
            isNew: !known.has(item.id),
          });
          if (outcome.warnings.length > 0)
            warned.set(item.id, { hash: item.hash, warnings: outcome.warnings });
          if (outcome.encoding)
            logger.warn("read as a legacy encoding", { file: item.id, encoding: outcome.encoding });
        } else {
          logger.warn("skipping file", { file: item.id, code: outcome.code });
          skipped.push({ file: item.id, code: outcome.code, message: outcome.message });
          failures.set(item.id, { hash: item.hash, code: outcome.code, message: outcome.message });
        }
      }
    } finally {
      // A read that failed after another did must not become an unhandled rejection.
      for (const pending of reads.values()) pending.catch(() => undefined);
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
    // A kept reader's workers hold the heap of everything they read (~200 MB for the statute
    // corpus), which the rest of a large ingest needs more; the next saved file starts a fresh one.
    if (!options.reader || loaded.length > LARGE_READ) await reader.close();
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

  const prepared = await embedAll(index, loaded, embedderChanged, changedTerms, report);
  const read = new Set(loaded.map((item) => item.document.id));
  // From here `prepared` holds the documents read; the commit lets go of each one once it is written.
  loaded.length = 0;

  report({ phase: "writing", done: 0, total: 1 });
  const totals = commitIngest(
    index,
    { prepared, removedIds, embedderChanged, knownIds: [...known.keys()], refreshed, fingerprint },
    lease,
    logger,
  );
  rememberFailures(index.database, limits, failures);
  hashes.save(seen);
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
 * documents are read back from the catalog, new and changed ones from the files just loaded. When
 * the stored terms are this analyzer's, it is also told what changed since the last commit, so it
 * can update what it learned then instead of reading every document again.
 */
async function adaptEmbedder(
  index: KnowledgeIndex,
  fingerprint: string,
  unchangedFiles: readonly { id: string }[],
  loaded: readonly LoadedFile[],
): Promise<ReadonlySet<string>> {
  if (!index.embedder.adaptTo) return new Set();
  const storedText = index.database.prepare("SELECT text FROM chunks WHERE document_id = ? ORDER BY ordinal");
  // The keyword table keeps each passage's terms; when they are this analyzer's, nothing is analysed again.
  const storedTerms = index.database.prepare(
    "SELECT c.text AS text, f.body AS terms FROM chunks c JOIN chunks_fts f ON f.rowid = c.rowid WHERE c.document_id = ? ORDER BY c.ordinal",
  );
  const analyzer = index.analyzer;
  const storedAnalysisCurrent = readMeta(index.database, "analyzer_version") === analyzer.version;
  const termsOfStored = (id: string): string[] => {
    const rows = storedTerms.all(id) as { text: string; terms: string | null }[];
    return storedAnalysisCurrent
      ? joinedTerms(
          analyzer,
          rows.map((row) => ({ text: row.text, terms: row.terms ?? "" })),
        )
      : analyzer.analyze(rows.map((row) => row.text).join("\n"));
  };
  const termsOfLoaded = (item: LoadedFile): string[] =>
    joinedTerms(
      analyzer,
      item.chunks.map((chunk, position) => ({ text: chunk.text, terms: item.terms[position]?.body ?? "" })),
    );
  const unchangedIds = new Set(unchangedFiles.map((item) => item.id));
  const changes = {
    termsId: analyzer.version,
    *before() {
      for (const document of index.catalog.documents())
        if (!unchangedIds.has(document.id)) yield termsOfStored(document.id);
    },
    *after() {
      for (const item of loaded) yield termsOfLoaded(item);
    },
    *containing(terms: ReadonlySet<string>) {
      const ids = new Set<string>();
      for (const term of terms)
        for (const id of index.keywords.documentsContaining(term)) if (unchangedIds.has(id)) ids.add(id);
      for (const id of ids) yield termsOfStored(id);
      for (const item of loaded) {
        const itemTerms = termsOfLoaded(item);
        if (itemTerms.some((term) => terms.has(term))) yield itemTerms;
      }
    },
  };
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
    analysed: {
      termsId: analyzer.version,
      *documents() {
        for (const item of unchangedFiles) yield termsOfStored(item.id);
        for (const item of loaded) yield termsOfLoaded(item);
      },
    },
    // Stored terms of another analysis, cut or embedded otherwise, are all read again anyway.
    ...(storedAnalysisCurrent && index.isCurrent() ? { changes } : {}),
  });
}
