import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { SamsynError } from "../errors.ts";
import { HNSW_DEFAULTS } from "./hnsw-vector-index.ts";

const WORKER_ENTRY = new URL("./hnsw-build-worker.mjs", import.meta.url);
/** Points sent to the worker at once: fewer messages, and little held twice. */
const BATCH = 512;
/** How long `save` waits for the worker before giving up; a whole statute corpus takes well under a minute. */
const SAVE_TIMEOUT_MS = 15 * 60_000;

/**
 * Builds a new vector index in a worker thread while the caller goes on (an ingest writes its
 * passages to SQLite meanwhile): the graph build was a third of a large ingest. The result is the
 * file `HnswVectorIndex.create` + `upsert` + `save` would write for the same points in the same
 * order; `save` blocks until it is on disk, so it can end a synchronous SQLite transaction.
 */
export class HnswBackgroundBuild {
  private readonly worker: Worker;
  private readonly status = new SharedArrayBuffer(4);
  private readonly results: MessagePort;
  private labels: number[] = [];
  private vectors: Float32Array;
  private count = 0;
  private closed = false;

  constructor(
    readonly dimensions: number,
    capacity: number,
  ) {
    const channel = new MessageChannel();
    this.results = channel.port1;
    this.worker = new Worker(WORKER_ENTRY, {
      workerData: {
        dimensions,
        capacity,
        m: HNSW_DEFAULTS.m,
        efConstruction: HNSW_DEFAULTS.efConstruction,
        status: this.status,
        results: channel.port2,
      },
      transferList: [channel.port2],
    });
    this.worker.unref();
    this.vectors = new Float32Array(BATCH * dimensions);
  }

  /** Adds a point (labels must be new); it is normalised as `HnswVectorIndex.upsert` does. */
  add(label: number, vector: Float32Array): void {
    if (vector.length !== this.dimensions) {
      throw new SamsynError(
        "index_embedder_mismatch",
        `Vektorn har ${vector.length} dimensioner men indexet ${this.dimensions}. Bygg om indexet (npm run ingest).`,
      );
    }
    this.vectors.set(vector, this.labels.length * this.dimensions);
    this.labels.push(label);
    this.count++;
    if (this.labels.length === BATCH) this.send();
  }

  /**
   * Adds points in order, as `add` does for each. When the vectors are consecutive views that fill
   * one buffer, that buffer is moved to the worker instead of copied: the vectors are then detached
   * (empty) and the memory they held is the worker's, so it is not held twice until a collection.
   */
  addAll(labels: readonly number[], vectors: readonly Float32Array[]): void {
    if (labels.length !== vectors.length || !fillsOneBuffer(vectors, this.dimensions)) {
      for (const [position, label] of labels.entries()) this.add(label, vectors[position] as Float32Array);
      return;
    }
    const buffer = (vectors[0] as Float32Array).buffer as ArrayBuffer;
    // Points added one by one before these go first, so the graph gets them in the same order.
    this.send();
    this.worker.postMessage(
      { type: "add", labels: Float64Array.from(labels), vectors: new Float32Array(buffer) },
      [buffer],
    );
    this.count += labels.length;
  }

  /** Points added so far. */
  get size(): number {
    return this.count;
  }

  /** Writes the finished index to `file` (through a temporary file and a rename) and stops the worker. */
  save(file: string): void {
    this.send();
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.tmp-${process.pid}`;
    this.worker.postMessage({ type: "save", file: temporary });
    const state = new Int32Array(this.status);
    const result = Atomics.wait(state, 0, 0, SAVE_TIMEOUT_MS);
    const reply = receiveMessageOnPort(this.results)?.message as
      | { ok: boolean; message?: string }
      | undefined;
    this.close();
    try {
      if (result === "timed-out" || !reply?.ok)
        throw new Error(reply?.message ?? "the vector build timed out");
      const handle = openSync(temporary, "r+");
      try {
        fsyncSync(handle);
      } finally {
        closeSync(handle);
      }
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new SamsynError("index_unavailable", `Vektorindexet kunde inte sparas till ${file}.`, {
        cause: error,
      });
    }
  }

  /** Stops the worker without saving (the ingest failed). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.results.close();
    void this.worker.terminate();
  }

  private send(): void {
    if (this.labels.length === 0) return;
    const vectors = this.vectors.slice(0, this.labels.length * this.dimensions);
    this.worker.postMessage({ type: "add", labels: Float64Array.from(this.labels), vectors }, [
      vectors.buffer,
    ]);
    this.labels = [];
  }
}

/** True when `vectors` are views of `dimensions` numbers that lie back to back over one whole buffer. */
function fillsOneBuffer(vectors: readonly Float32Array[], dimensions: number): boolean {
  const buffer = vectors[0]?.buffer;
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength !== vectors.length * dimensions * 4) return false;
  return vectors.every(
    (vector, position) =>
      vector.buffer === buffer &&
      vector.length === dimensions &&
      vector.byteOffset === position * dimensions * 4,
  );
}
