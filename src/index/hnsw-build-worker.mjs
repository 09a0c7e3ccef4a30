// Builds a new hnswlib graph in its own thread while the ingest writes the database (started by
// HnswBackgroundBuild). Plain JavaScript: it needs only hnswlib-node, not tsx's hooks, so it starts in
// milliseconds. Points are normalised exactly as HnswVectorIndex.upsert does, so the file written
// equals the one the main thread would have built.
import { parentPort, workerData } from "node:worker_threads";
import hnswlib from "hnswlib-node";

const { dimensions, capacity, m, efConstruction, status, results } = workerData;
const state = new Int32Array(status);
const graph = new hnswlib.HierarchicalNSW("ip", dimensions);
graph.initIndex({ maxElements: Math.max(1, capacity), m, efConstruction, allowReplaceDeleted: true });
let failure = null;

/** Settles the build: the main thread waits on `status` (1 done, 2 failed) and then reads `results`. */
function finish(message) {
  results.postMessage(message);
  Atomics.store(state, 0, message.ok ? 1 : 2);
  Atomics.notify(state, 0);
}

parentPort.on("message", (message) => {
  if (message.type === "add") {
    if (failure) return;
    try {
      addAll(message.labels, message.vectors);
    } catch (error) {
      failure = error;
    }
    // The message lived through the whole batch, long enough to reach the old generation, where its
    // buffer (a slab of tens of MB) would wait for a full collection. Moved to a new, short-lived
    // object, the memory is freed by the next minor collection, which adding points soon triggers.
    structuredClone(message.vectors.buffer, { transfer: [message.vectors.buffer] });
    return;
  }
  if (failure) {
    finish({ ok: false, message: String(failure?.message ?? failure) });
    return;
  }
  try {
    graph.writeIndexSync(message.file);
    // Frees the graph before the main thread reads the file back: the process never holds it twice.
    graph.initIndex({ maxElements: 1, m, efConstruction });
    finish({ ok: true });
  } catch (error) {
    finish({ ok: false, message: String(error?.message ?? error) });
  }
});

function addAll(labels, vectors) {
  for (let index = 0; index < labels.length; index++) {
    const vector = vectors.subarray(index * dimensions, (index + 1) * dimensions);
    let sum = 0;
    for (const value of vector) sum += value * value;
    const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    if (graph.getCurrentCount() >= graph.getMaxElements()) graph.resizeIndex(graph.getMaxElements() * 2);
    graph.addPoint(
      Array.from(vector, (value) => value * scale),
      labels[index],
      true,
    );
  }
}
