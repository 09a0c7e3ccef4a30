import { parentPort } from "node:worker_threads";
import { toSamsynError } from "../../errors.ts";
import type { ReadReply, ReadRequest } from "./document-worker-messages.ts";
import { readKnowledgeFile } from "./read-knowledge-file.ts";

// Runs inside the reading worker (started by DocumentReader): one file at a time, answered in order.
const port = parentPort;
if (port === null) throw new Error("document-worker.ts must run in a worker thread");

port.on("message", async (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    const result = await readKnowledgeFile(request.file, request.knowledgeRoot, request.limits);
    reply = { type: "read", id: request.id, result };
  } catch (error) {
    const wrapped = toSamsynError(error, "ingest_unreadable_file");
    reply = { type: "failed", id: request.id, code: wrapped.code, message: wrapped.message };
  }
  port.postMessage(reply);
});
port.postMessage({ type: "ready" } satisfies ReadReply);
