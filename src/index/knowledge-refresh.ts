import { toSamsynError } from "../errors.ts";
import { DocumentReader } from "../knowledge/reading/document-reader.ts";
import type { Logger } from "../logger.ts";
import {
  type ExtraDocument,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingestKnowledge,
} from "./ingest-knowledge.ts";
import type { KnowledgeIndex } from "./knowledge-index.ts";

/** How long the reading worker stays after an ingest: edits and uploads tend to come in runs. */
const READER_IDLE_MS = 5 * 60_000;

/** Where the index stands, as a status line or an answer tells a person. */
export interface RefreshStatus {
  /** An ingest is running (at start-up, after an upload …). */
  running: boolean;
  /** Progress of the running ingest; null before its first report. */
  progress: IngestProgress | null;
  /** Summary of the last finished ingest in this process; null before the first. */
  last: IngestSummary | null;
  /** When the last ingest failed: its Swedish message (the previous index stays in use). */
  lastError: string | null;
}

/**
 * Brings the index in line with the knowledge folder, one ingest at a time in this process: start-up,
 * uploads and later refreshes queue behind each other instead of writing the same rows twice. The
 * index stays readable while an ingest runs (its writes land in one transaction at the end), so a
 * server answers from the previous index meanwhile, and `status()` says how far the ingest has come.
 */
export class KnowledgeRefresh {
  private queue: Promise<unknown> = Promise.resolve();
  private state: RefreshStatus = { running: false, progress: null, last: null, lastError: null };
  /** Kept between ingests that follow each other (a watcher's, uploads) once `keepReader` was called. */
  private reader: DocumentReader | undefined;
  private keepsReader = false;
  private idleTimer: NodeJS.Timeout | undefined;
  /** The look for another process's index under way; a second caller waits for it instead of going on. */
  private syncing: Promise<boolean> | null = null;

  constructor(
    private readonly index: KnowledgeIndex,
    private readonly knowledgeDir: string,
    /** Called after every successful ingest (the retriever drops what it cached). */
    private readonly onRefreshed: () => void,
    /** Documents indexed beside the knowledge folder's (the sources' copies). */
    private readonly extraDocuments?: () => Promise<ExtraDocument[]>,
  ) {}

  /** Runs an ingest after those already queued; rejects (as a `SamsynError`) when it fails. */
  refresh(options: Pick<IngestOptions, "onProgress" | "logger" | "onWait"> = {}): Promise<IngestSummary> {
    const run = this.queue.then(() => this.run(options));
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * Keeps the file-reading worker between ingests (for a long-running server), so a saved file does
   * not wait for one to start; it stops after some idle minutes. A live worker keeps the process
   * running, so call `stopReader` before exiting.
   */
  keepReader(): void {
    this.keepsReader = true;
  }

  /** Stops the kept reading worker and keeps none from now on. */
  async stopReader(): Promise<void> {
    this.keepsReader = false;
    clearTimeout(this.idleTimer);
    await this.reader?.close();
  }

  /**
   * Loads the index another process (`npm run ingest`, a second server) committed since the last
   * look, and drops what was cached from the old one; true when there was one. Cheap when nothing
   * changed (one `PRAGMA data_version`), so it can run on a short timer and before every question.
   */
  sync(logger?: Logger): Promise<boolean> {
    if (!this.syncing) {
      this.syncing = this.load(logger).finally(() => {
        this.syncing = null;
      });
    }
    return this.syncing;
  }

  private async load(logger?: Logger): Promise<boolean> {
    if (!(await this.index.syncWithDatabase())) return false;
    this.onRefreshed();
    logger?.info("loaded the index another process wrote", {
      generation: this.index.generation,
      documents: this.index.catalog.stats().documents,
    });
    return true;
  }

  /** Calls `sync` every `intervalMs` until the returned function is called. */
  followOtherProcesses(intervalMs: number, logger?: Logger): () => void {
    let checking = false;
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      this.sync(logger)
        .catch((error: unknown) => {
          // Whatever could not be read now is read again on the next tick.
          logger?.warn("could not load the index another process wrote", { error });
        })
        .finally(() => {
          checking = false;
        });
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** The current state, for status lines and for answers given while the first ingest runs. */
  status(): RefreshStatus {
    return { ...this.state };
  }

  private async run(
    options: Pick<IngestOptions, "onProgress" | "logger" | "onWait">,
  ): Promise<IngestSummary> {
    this.state = { ...this.state, running: true, progress: null };
    clearTimeout(this.idleTimer);
    // Made by the first ingest, so that it logs where that one logs.
    if (this.keepsReader && !this.reader)
      this.reader = new DocumentReader(this.index.ingestLimits, options.logger);
    const reader = this.keepsReader ? this.reader : undefined;
    try {
      const summary = await ingestKnowledge(this.index, this.knowledgeDir, {
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.onWait ? { onWait: options.onWait } : {}),
        ...(reader ? { reader } : {}),
        ...(this.extraDocuments ? { extraDocuments: this.extraDocuments } : {}),
        onProgress: (progress) => {
          this.state = { ...this.state, progress };
          options.onProgress?.(progress);
        },
      });
      this.onRefreshed();
      this.state = { running: false, progress: null, last: summary, lastError: null };
      return summary;
    } catch (error) {
      // The ingest may have loaded another process's index before it failed.
      this.onRefreshed();
      const wrapped = toSamsynError(error, "ingest_failed");
      this.state = { ...this.state, running: false, progress: null, lastError: wrapped.message };
      throw wrapped;
    } finally {
      // An idle reading worker holds the heap of the largest file it read; it is started again when needed.
      if (reader) this.idleTimer = setTimeout(() => void reader.close(), READER_IDLE_MS).unref();
    }
  }
}

const PHASES: Record<IngestProgress["phase"], (done: number, total: number) => string> = {
  reading: (done, total) => `läser fil ${done} av ${total}`,
  embedding: (done, total) => `beräknar vektorer, ${done} av ${total} avsnitt`,
  writing: () => "skriver indexet",
};

/** The state in Swedish for a status line; null when no ingest is running. */
export function describeRefresh(status: RefreshStatus, documents: number): string | null {
  if (!status.running) return null;
  const progress = status.progress;
  const counted = progress ? ` (${PHASES[progress.phase](progress.done, progress.total)})` : "";
  return documents === 0
    ? `Indexerar kunskapsmappen${counted}. Frågor kan besvaras när indexeringen är klar.`
    : `Läser in ändringar i kunskapsmappen${counted}. Svaren bygger på det förra indexet tills dess.`;
}
