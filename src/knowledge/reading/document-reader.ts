import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { IngestLimits } from "../../config/ingest-limits.ts";
import type { ErrorCode } from "../../errors.ts";
import { type Logger, silentLogger } from "../../logger.ts";
import type { ReadReply, ReadRequest } from "./document-worker-messages.ts";
import type { ReadKnowledgeFile } from "./read-knowledge-file.ts";

/** The outcome of reading one file: its passages, or why it was skipped (in Swedish). */
export type ReadOutcome =
  | ({ ok: true } & ReadKnowledgeFile)
  | { ok: false; code: ErrorCode; message: string };

const WORKER_ENTRY = new URL("./document-worker-entry.mjs", import.meta.url);
/** Starting the worker loads TypeScript and the parsers; on a busy machine that takes seconds. */
const START_TIMEOUT_MS = 120_000;

interface Pending {
  id: number;
  file: string;
  resolve: (outcome: ReadOutcome) => void;
  timer: NodeJS.Timeout;
}

/** Worker threads reading at once: reading and chunking was the slowest part of a large ingest's first phase. */
const MAX_WORKERS = Math.min(2, Math.max(1, availableParallelism()));
/** Files read in one go from which a second worker is worth starting. */
const MANY_FILES = 50;
/**
 * An extra worker stops after this long without a file: each holds the heap of the largest file it
 * read (~90 MB for the statute corpus), which the rest of a large ingest needs more.
 */
const EXTRA_WORKER_IDLE_MS = 2_000;

/**
 * Reads knowledge files in worker threads, so that no file can stall or sink ingest: a worker is
 * stopped when a file takes longer than the time budget or needs more memory than its heap limit,
 * the file is reported, and a fresh worker reads the next one. Workers live across files, so
 * small files do not pay their start-up; a second one starts only when many files are to be read
 * (`expect`) and reads queue up behind the first, never for a single saved file.
 */
export class DocumentReader {
  private readonly lanes: ReaderLane[];
  private spread = false;

  constructor(limits: IngestLimits, logger: Logger = silentLogger, workers = MAX_WORKERS) {
    this.lanes = Array.from(
      { length: Math.max(1, workers) },
      (_, position) => new ReaderLane(limits, logger, position === 0 ? null : EXTRA_WORKER_IDLE_MS),
    );
  }

  /**
   * Says how many files are about to be read: only a batch of at least `MANY_FILES` spreads over more
   * than one worker (a second one's start costs more than it saves on a few files).
   */
  expect(files: number): void {
    this.spread = files >= MANY_FILES;
  }

  /** Reads one file (`id` names it in messages); rejects only when a worker cannot start at all. */
  read(file: string, knowledgeRoot: string, id: string): Promise<ReadOutcome> {
    // The first worker unless many files are coming, it is busy and another is less so.
    let lane = this.lanes[0] as ReaderLane;
    if (this.spread) for (const other of this.lanes) if (other.queued < lane.queued) lane = other;
    return lane.read(file, knowledgeRoot, id);
  }

  /** Stops the workers; a later `read` starts new ones. */
  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.close()));
  }
}

/** One worker thread and the reads queued for it, one at a time. */
class ReaderLane {
  /** Reads asked of this lane and not yet settled. */
  queued = 0;
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limits: IngestLimits,
    private readonly logger: Logger,
    /** Stop the worker after this long without a read; null: keep it until `close`. */
    private readonly idleStopMs: number | null,
  ) {}

  read(file: string, knowledgeRoot: string, id: string): Promise<ReadOutcome> {
    this.queued++;
    clearTimeout(this.idleTimer);
    const next = this.queue
      .then(() => this.readNow(file, knowledgeRoot, id))
      .finally(() => {
        this.queued--;
        if (this.queued === 0 && this.idleStopMs !== null)
          this.idleTimer = setTimeout(() => this.stopIdle(), this.idleStopMs).unref();
      });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stops the worker; a later `read` starts a new one. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.queue;
    const worker = this.worker;
    this.worker = null;
    this.starting = null;
    if (worker) await worker.terminate();
  }

  /** Stops the worker if no read is queued (one asked meanwhile starts a new worker). */
  private stopIdle(): void {
    if (this.queued > 0 || this.starting) return;
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
  }

  private async readNow(file: string, knowledgeRoot: string, id: string): Promise<ReadOutcome> {
    const worker = await this.ensureWorker();
    return new Promise<ReadOutcome>((resolve) => {
      const request: ReadRequest = { id: this.nextId++, file, knowledgeRoot, limits: this.limits };
      const timer = setTimeout(() => {
        this.logger.warn("reading a file took too long; worker stopped", { file: id });
        this.settle(timedOut(id, this.limits));
        void this.discard(worker);
      }, this.limits.fileTimeoutMs);
      this.pending = { id: request.id, file: id, resolve, timer };
      worker.postMessage(request);
    });
  }

  private ensureWorker(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= this.startWorker().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private startWorker(): Promise<Worker> {
    const worker = new Worker(WORKER_ENTRY, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.workerMemoryMb,
      },
    });
    // The pending read's timer keeps the process alive; an idle worker must not.
    worker.unref();
    return new Promise<Worker>((resolve, reject) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error("the document reading worker did not start in time"));
      }, START_TIMEOUT_MS);
      worker.on("message", (reply: ReadReply) => {
        if (reply.type === "ready") {
          clearTimeout(timer);
          this.worker = worker;
          resolve(worker);
        } else this.onReply(reply);
      });
      worker.on("error", (error: Error & { code?: string }) => {
        clearTimeout(timer);
        if (this.worker !== worker) {
          reject(error);
          return;
        }
        this.worker = null;
        const file = this.pending?.file ?? "";
        this.logger.warn("document reading worker failed", { file, code: error.code ?? error.name });
        this.settle(workerFailed(file, error, this.limits));
      });
      worker.on("exit", () => {
        clearTimeout(timer);
        if (this.worker !== worker) return;
        this.worker = null;
        const file = this.pending?.file ?? "";
        this.settle({
          ok: false,
          code: "ingest_unreadable_file",
          message: `${file}: inläsningen avbröts oväntat. Försök igen; kvarstår felet, ta bort filen ur kunskapsmappen.`,
        });
      });
    });
  }

  private onReply(reply: Exclude<ReadReply, { type: "ready" }>): void {
    if (this.pending?.id !== reply.id) return;
    if (reply.type === "read") this.settle({ ok: true, ...reply.result });
    else this.settle({ ok: false, code: reply.code, message: reply.message });
  }

  private settle(outcome: ReadOutcome): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }

  private async discard(worker: Worker): Promise<void> {
    if (this.worker === worker) this.worker = null;
    await worker.terminate();
  }
}

function timedOut(file: string, limits: IngestLimits): ReadOutcome {
  const seconds = Math.round(limits.fileTimeoutMs / 1000);
  return {
    ok: false,
    code: "ingest_file_timeout",
    message: `${file}: inläsningen tog för lång tid (mer än ${seconds} s, SAMSYN_INGEST_FILE_TIMEOUT_SECONDS) och avbröts. Filen är troligen mycket stor eller ovanligt uppbyggd – dela upp den eller spara om den, eller höj gränsen.`,
  };
}

function workerFailed(file: string, error: Error & { code?: string }, limits: IngestLimits): ReadOutcome {
  if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
    return {
      ok: false,
      code: "ingest_file_too_large",
      message: `${file}: filen är för stor för att läsas in – den behövde mer än ${limits.workerMemoryMb} MB minne (SAMSYN_INGEST_WORKER_MEMORY_MB). Dela upp den i mindre filer, eller höj gränsen.`,
    };
  }
  return {
    ok: false,
    code: "ingest_unreadable_file",
    message: `${file}: filen kunde inte läsas (${error.message.slice(0, 200)}). Kontrollera att den är hel, eller ta bort den ur kunskapsmappen.`,
  };
}
