import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { replaceFileDurably } from "../durable-file.ts";
import type { AdaptationState } from "./adaptation-state.ts";

// Layout: the magic "SAMSYNAS", a uint32 (little-endian) header length, the header as UTF-8 JSON,
// then the new terms (UTF-8, one per line), their occurrences and document counts (uint32 each),
// the positions of the terms that have a context sum (uint32), their IDF and sums (float64, the
// sums term after term). Not compressed: it holds only the knowledge base's own words, a few hundred kB for 7,600
// statutes, and is written on every ingest that changes something.

const MAGIC = "SAMSYNAS";
const FORMAT_VERSION = 1;

const headerSchema = z.object({
  format: z.literal("samsyn-adaptation-state"),
  formatVersion: z.literal(FORMAT_VERSION),
  dimensions: z.number().int().positive(),
  window: z.number().int().positive(),
  minCount: z.number().int().min(1),
  documentCount: z.number().int().min(0),
  terms: z.number().int().min(0),
  summed: z.number().int().min(0),
});

/** Writes `state` to `file` atomically (temporary file, flushed, then renamed). */
export function saveAdaptationState(state: AdaptationState, file: string, dimensions: number): void {
  const terms = [...state.counts.keys()];
  const occurrences = Uint32Array.from(terms, (term) => state.counts.get(term)?.occurrences ?? 0);
  const documents = Uint32Array.from(terms, (term) => state.counts.get(term)?.documents ?? 0);
  const summedTerms = [...state.sums.keys()];
  const position = new Map(terms.map((term, index) => [term, index]));
  const summed = Uint32Array.from(summedTerms, (term) => position.get(term) ?? 0);
  const idf = Float64Array.from(summedTerms, (term) => state.idf.get(term) ?? 0);
  const sums = new Float64Array(summedTerms.length * dimensions);
  summedTerms.forEach((term, index) => {
    sums.set(state.sums.get(term) ?? [], index * dimensions);
  });
  const header = Buffer.from(
    JSON.stringify({
      format: "samsyn-adaptation-state",
      formatVersion: FORMAT_VERSION,
      dimensions,
      window: state.window,
      minCount: state.minCount,
      documentCount: state.documentCount,
      terms: terms.length,
      summed: summedTerms.length,
    }),
    "utf8",
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const parts = [
    Buffer.from(MAGIC, "latin1"),
    length,
    header,
    bytesOf(occurrences),
    bytesOf(documents),
    bytesOf(summed),
    bytesOf(idf),
    bytesOf(sums),
    Buffer.from(terms.join("\n"), "utf8"),
  ];
  replaceFileDurably(file, (temporary) => writeFileSync(temporary, Buffer.concat(parts)));
}

/**
 * Reads a state written by `saveAdaptationState`; null when the file is missing, damaged or of
 * another layout or dimension count (the caller then learns the state again).
 */
export function loadAdaptationState(file: string, dimensions: number): AdaptationState | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  try {
    if (bytes.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) return null;
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    let offset = MAGIC.length + 4;
    const parsed = headerSchema.safeParse(
      JSON.parse(bytes.subarray(offset, offset + headerLength).toString("utf8")),
    );
    if (!parsed.success || parsed.data.dimensions !== dimensions) return null;
    const header = parsed.data;
    offset += headerLength;
    const take = <T>(count: number, size: number, make: (buffer: ArrayBufferLike) => T): T => {
      const slice = bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + count * size);
      if (slice.byteLength !== count * size) throw new Error("truncated");
      offset += count * size;
      return make(slice);
    };
    const occurrences = take(header.terms, 4, (buffer) => new Uint32Array(buffer));
    const documents = take(header.terms, 4, (buffer) => new Uint32Array(buffer));
    const summed = take(header.summed, 4, (buffer) => new Uint32Array(buffer));
    const idf = take(header.summed, 8, (buffer) => new Float64Array(buffer));
    const sums = take(header.summed * dimensions, 8, (buffer) => new Float64Array(buffer));
    const text = bytes.subarray(offset).toString("utf8");
    const terms = header.terms === 0 ? [] : text.split("\n");
    if (terms.length !== header.terms) return null;
    const counts = new Map(
      terms.map((term, index) => [
        term,
        { occurrences: occurrences[index] ?? 0, documents: documents[index] ?? 0 },
      ]),
    );
    const sumsByTerm = new Map<string, Float64Array>();
    const idfByTerm = new Map<string, number>();
    summed.forEach((position, index) => {
      const term = terms[position] ?? "";
      sumsByTerm.set(term, sums.slice(index * dimensions, (index + 1) * dimensions));
      idfByTerm.set(term, idf[index] ?? 0);
    });
    return {
      window: header.window,
      minCount: header.minCount,
      documentCount: header.documentCount,
      counts,
      sums: sumsByTerm,
      idf: idfByTerm,
    };
  } catch {
    return null;
  }
}

function bytesOf(array: Uint32Array | Float64Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
