import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import { SamsynError } from "../errors.ts";
import { createWordVectorModel, type WordVectorModel } from "./word-vector-model.ts";

// File layout, gzipped: the magic "SAMSYNWV", a uint32 (little-endian) header length, the header
// as UTF-8 JSON, then the sections the header lists by byte offset from the end of the header:
// terms (UTF-8, one per line), idf (float32), clusters (uint16), codes (int8, term after term) and,
// from version 2 on and only in trained files, neighbours (int32, a fixed number per term).
// Typed arrays are written in the machine's byte order; every platform Node supports is little-endian.

const MAGIC = "SAMSYNWV";
/** Version of the file layout; a reader refuses versions it does not know. */
export const WORD_VECTOR_FORMAT_VERSION = 2;

const sectionSchema = z.object({ offset: z.number().int().min(0), length: z.number().int().min(0) });
const headerSchema = z.object({
  format: z.literal("samsyn-word-vectors"),
  // Version 1 (no neighbour table) is still read: data folders keep adapted models in it.
  formatVersion: z.union([z.literal(1), z.literal(WORD_VECTOR_FORMAT_VERSION)]),
  dimensions: z.number().int().positive(),
  size: z.number().int().min(0),
  unseenIdf: z.number(),
  singularValues: z.array(z.number()),
  metadata: z.object({
    name: z.string(),
    analyzerVersion: z.string(),
    createdAt: z.string(),
    documentCount: z.number(),
    tokenCount: z.number(),
    provenance: z.record(z.string(), z.string()),
    training: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    adaptation: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  }),
  sections: z.object({
    terms: sectionSchema,
    idf: sectionSchema,
    clusters: sectionSchema,
    codes: sectionSchema,
    neighbours: sectionSchema.optional(),
  }),
});

/**
 * Writes a model as a gzipped word-vector file, atomically (temporary file, then rename). `level` is
 * gzip's: 9 (default) for shipped files; a cache written on every ingest takes 1, several times faster.
 */
export function saveWordVectors(
  model: WordVectorModel,
  path: string,
  options: { level?: number } = {},
): void {
  const { data } = model;
  const sections = [
    Buffer.from(data.terms.join("\n"), "utf8"),
    bytesOf(data.idf),
    bytesOf(data.clusters),
    bytesOf(data.codes),
    ...(data.neighbours ? [bytesOf(data.neighbours)] : []),
  ];
  let offset = 0;
  const [terms, idf, clusters, codes, neighbours] = sections.map((section) => {
    const placed = { offset, length: section.length };
    offset += section.length;
    return placed;
  });
  const header = Buffer.from(
    JSON.stringify({
      format: "samsyn-word-vectors",
      formatVersion: WORD_VECTOR_FORMAT_VERSION,
      dimensions: data.dimensions,
      size: data.terms.length,
      unseenIdf: data.unseenIdf,
      singularValues: [...data.singularValues],
      metadata: data.metadata,
      sections: { terms, idf, clusters, codes, ...(neighbours ? { neighbours } : {}) },
    }),
    "utf8",
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const file = gzipSync(Buffer.concat([Buffer.from(MAGIC, "latin1"), length, header, ...sections]), {
    level: options.level ?? 9,
  });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, file);
  renameSync(temporary, path);
}

/** Reads a word-vector file written by `saveWordVectors`. */
export function loadWordVectors(path: string): WordVectorModel {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(readFileSync(path));
  } catch (error) {
    throw unreadable(path, "filen saknas eller är inte gzip-komprimerad", error);
  }
  if (bytes.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) throw unreadable(path, "fel filtyp");
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const bodyStart = MAGIC.length + 4 + headerLength;
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(MAGIC.length + 4, bodyStart).toString("utf8"));
  } catch (error) {
    throw unreadable(path, "trasigt filhuvud", error);
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw unreadable(path, "okänt format eller formatversion");
  const header = parsed.data;
  const section = (name: keyof typeof header.sections): Buffer => {
    const { offset, length } = header.sections[name] ?? { offset: 0, length: 0 };
    if (bodyStart + offset + length > bytes.length) throw unreadable(path, "filen är avkortad");
    // Copy into a fresh buffer so typed arrays over it are aligned.
    return Buffer.from(bytes.subarray(bodyStart + offset, bodyStart + offset + length));
  };
  const termsText = section("terms").toString("utf8");
  const terms = termsText === "" ? [] : termsText.split("\n");
  const idf = new Float32Array(arrayBufferOf(section("idf")));
  const clusters = new Uint16Array(arrayBufferOf(section("clusters")));
  const codes = new Int8Array(arrayBufferOf(section("codes")));
  const neighbours = header.sections.neighbours
    ? new Int32Array(arrayBufferOf(section("neighbours")))
    : undefined;
  const size = header.size;
  if (
    terms.length !== size ||
    idf.length !== size ||
    clusters.length !== size ||
    codes.length !== size * header.dimensions ||
    (neighbours !== undefined && (size === 0 || neighbours.length % size !== 0))
  ) {
    throw unreadable(path, "sektionerna stämmer inte med filhuvudet");
  }
  return createWordVectorModel({
    metadata: header.metadata,
    dimensions: header.dimensions,
    terms,
    codes,
    idf,
    unseenIdf: header.unseenIdf,
    singularValues: Float32Array.from(header.singularValues),
    clusters,
    neighbours,
  });
}

function bytesOf(array: Float32Array | Uint16Array | Int8Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function arrayBufferOf(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

function unreadable(path: string, reason: string, cause?: unknown): SamsynError {
  return new SamsynError(
    "index_unavailable",
    `Kan inte läsa ordvektorfilen ${path}: ${reason}. Träna om den med ` +
      "`npx tsx src/surfaces/cli/vectors-train-command.ts --corpus MAPP --out FIL`.",
    { cause },
  );
}
