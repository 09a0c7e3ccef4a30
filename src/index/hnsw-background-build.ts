import { mkdirSync } from "node:fs";
import path from "node:path";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { replaceFileDurably } from "../durable-file.ts";
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
  /** The buffer whose vectors `addAll` is collecting, with their labels and where the last one ends. */
  private slab: { buffer: ArrayBuffer; labels: number[]; end: number } | null = null;

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
    // Points of a buffer not yet moved go first, so the graph gets every point in the order added.
    if (this.slab) this.sendSlabCopy();
    this.vectors.set(vector, this.labels.length * this.dimensions);
    this.labels.push(label);
    this.count++;
    if (this.labels.length === BATCH) this.send();
  }

  /**
   * Adds points in order, as `add` does for each. Vectors that are consecutive views of one buffer,
   * from its start, are not copied: once calls have covered the whole buffer it is moved to the
   * worker, and every vector given for it is then detached (empty). A large buffer moved there is
   * unmapped as soon as the worker is done with it; copies would stay in the allocator's free lists
   * beside the growing graph.
   */
  addAll(labels: readonly number[], vectors: readonly Float32Array[]): void {
    const first = vectors[0];
    if (!first || labels.length !== vectors.length || !consecutive(vectors, this.dimensions)) {
      for (const [position, label] of labels.entries()) this.add(label, vectors[position] as Float32Array);
      return;
    }
    const buffer = first.buffer;
    if (this.slab && (this.slab.buffer !== buffer || this.slab.end !== first.byteOffset)) this.sendSlabCopy();
    if (!this.slab) {
      if (!(buffer instanceof ArrayBuffer) || first.byteOffset !== 0) {
        for (const [position, label] of labels.entries()) this.add(label, vectors[position] as Float32Array);
        return;
      }
      // Points added one by one before these go first, so the graph gets them in the same order.
      this.send();
      this.slab = { buffer, labels: [], end: 0 };
    }
    const slab = this.slab;
    for (const label of labels) slab.labels.push(label);
    slab.end = first.byteOffset + vectors.length * this.dimensions * 4;
    this.count += labels.length;
    if (slab.end === buffer.byteLength) {
      this.slab = null;
      this.worker.postMessage(
        { type: "add", labels: Float64Array.from(slab.labels), vectors: new Float32Array(slab.buffer) },
        [slab.buffer],
      );
    }
  }

  /** Points added so far. */
  get size(): number {
    return this.count;
  }

  /** Writes the finished index to `file` (through a temporary file and a rename) and stops the worker. */
  save(file: string): void {
    if (this.slab) this.sendSlabCopy();
    this.send();
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      replaceFileDurably(file, (temporary) => {
        this.worker.postMessage({ type: "save", file: temporary });
        const state = new Int32Array(this.status);
        const result = Atomics.wait(state, 0, 0, SAVE_TIMEOUT_MS);
        const reply = receiveMessageOnPort(this.results)?.message as
          | { ok: boolean; message?: string }
          | undefined;
        if (result === "timed-out" || !reply?.ok)
          throw new Error(reply?.message ?? "the vector build timed out");
      });
    } catch (error) {
      throw new SamsynError("index_unavailable", `Vektorindexet kunde inte sparas till ${file}.`, {
        cause: error,
      });
    } finally {
      this.close();
    }
  }

  /** Stops the worker without saving (the ingest failed). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.slab = null;
    this.results.close();
    void this.worker.terminate();
  }

  /** Sends a copy of the points of the buffer being collected (its vectors did not cover all of it). */
  private sendSlabCopy(): void {
    const slab = this.slab;
    if (!slab) return;
    this.slab = null;
    const vectors = new Float32Array(slab.buffer.slice(0, slab.end));
    this.worker.postMessage({ type: "add", labels: Float64Array.from(slab.labels), vectors }, [
      vectors.buffer,
    ]);
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

/** True when `vectors` are views of `dimensions` numbers that lie back to back in one buffer. */
function consecutive(vectors: readonly Float32Array[], dimensions: number): boolean {
  const first = vectors[0] as Float32Array;
  return vectors.every(
    (vector, position) =>
      vector.buffer === first.buffer &&
      vector.length === dimensions &&
      vector.byteOffset === first.byteOffset + position * dimensions * 4,
  );
}
