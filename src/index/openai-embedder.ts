import OpenAI from "openai";
import { z } from "zod";
import { SamsynError } from "../errors.ts";
import { describeOpenAiFailure, redactSecret } from "./describe-openai-failure.ts";
import type { Embedder } from "./embedder.ts";

/** Connection and batching settings for an OpenAI-compatible `/embeddings` endpoint. */
export interface OpenAiEmbedderOptions {
  /** e.g. `https://api.openai.com/v1`, `http://localhost:11434/v1` (Ollama), a vLLM or llama.cpp server. */
  baseURL: string;
  /** Secret key; local servers usually need none. */
  apiKey?: string;
  model: string;
  /** Vector length; `OpenAiEmbedder.connect` asks the server when it is not given. */
  dimensions?: number;
  /** Sends `dimensions` to the server, for models that can shorten their vectors (text-embedding-3-*). */
  requestDimensions?: boolean;
  /** Texts per request (default 64). */
  maxBatchSize?: number;
  /** Retries of 408/409/429/5xx and connection errors, with the client's backoff (default 3). */
  maxRetries?: number;
  /** Time limit per request in milliseconds (default 60 000). */
  timeoutMs?: number;
  /** Put before every query, for models trained with one (e5: `query: `, nomic: `search_query: `). */
  queryPrefix?: string;
  /** Put before every passage (e5: `passage: `, nomic: `search_document: `). */
  passagePrefix?: string;
}

// The openai client refuses to start without a key; local servers ignore whatever is sent.
const NO_KEY = "ingen-nyckel";
const PROBE_TEXT = "samverkan";

const responseSchema = z.object({
  data: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      // Asked for base64, but some compatible servers answer with plain numbers anyway.
      embedding: z.union([z.string(), z.array(z.number())]),
    }),
  ),
});

/** `Embedder` for any server that speaks the OpenAI embeddings API. */
export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly maxBatchSize: number;
  private readonly client: OpenAI;
  private readonly options: OpenAiEmbedderOptions;

  constructor(options: OpenAiEmbedderOptions & { dimensions: number }) {
    this.options = options;
    this.dimensions = options.dimensions;
    this.maxBatchSize = Math.max(1, options.maxBatchSize ?? 64);
    this.client = createClient(options);
    const prefix = options.passagePrefix ? `:${options.passagePrefix.trim()}` : "";
    this.id = `openai:${options.model}:${options.dimensions}${prefix}`;
  }

  /** Creates the embedder, asking the server for the vector length when `dimensions` is not given. */
  static async connect(options: OpenAiEmbedderOptions): Promise<OpenAiEmbedder> {
    if (options.dimensions !== undefined)
      return new OpenAiEmbedder({ ...options, dimensions: options.dimensions });
    const probe = new OpenAiEmbedder({ ...options, dimensions: 0 });
    const [vector] = await probe.request([PROBE_TEXT]);
    const dimensions = vector?.length ?? 0;
    if (dimensions === 0) throw probe.failure("servern returnerade en tom vektor");
    return new OpenAiEmbedder({ ...options, dimensions });
  }

  async embed(texts: readonly string[], kind: "passage" | "query"): Promise<Float32Array[]> {
    const prefix = (kind === "query" ? this.options.queryPrefix : this.options.passagePrefix) ?? "";
    // The API rejects empty strings; a lone space embeds as "nothing" instead.
    const inputs = texts.map((text) => `${prefix}${text}` || " ");
    const vectors: Float32Array[] = [];
    for (let start = 0; start < inputs.length; start += this.maxBatchSize) {
      const batch = await this.request(inputs.slice(start, start + this.maxBatchSize));
      for (const vector of batch) {
        if (this.dimensions > 0 && vector.length !== this.dimensions) {
          throw this.failure(`vektorn har ${vector.length} dimensioner, väntade ${this.dimensions}`);
        }
        vectors.push(vector);
      }
    }
    return vectors;
  }

  private async request(inputs: string[]): Promise<Float32Array[]> {
    let raw: unknown;
    try {
      raw = await this.client.embeddings.create({
        model: this.options.model,
        input: inputs,
        encoding_format: "base64",
        ...(this.options.requestDimensions && this.dimensions > 0 ? { dimensions: this.dimensions } : {}),
      });
    } catch (error) {
      throw this.failure(describeOpenAiFailure(error), error);
    }
    const parsed = responseSchema.safeParse(raw);
    if (!parsed.success) throw this.failure("svaret har inte OpenAI:s format");
    const ordered = new Array<Float32Array | undefined>(inputs.length);
    for (const item of parsed.data.data) {
      if (item.index < inputs.length) ordered[item.index] = normalise(decode(item.embedding));
    }
    if (ordered.some((vector) => vector === undefined)) {
      throw this.failure(`svaret saknar vektorer (fick ${parsed.data.data.length} av ${inputs.length})`);
    }
    return ordered as Float32Array[];
  }

  private failure(reason: string, cause?: unknown): SamsynError {
    const { baseURL, model, apiKey } = this.options;
    const message = `Kunde inte skapa embeddings med modellen ${model} via ${baseURL}: ${reason}`;
    return new SamsynError("embedding_failed", redactSecret(message, apiKey), { cause });
  }
}

function createClient(options: OpenAiEmbedderOptions): OpenAI {
  return new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey || NO_KEY,
    // Explicit nulls keep the client from picking these up from the environment.
    organization: null,
    project: null,
    maxRetries: options.maxRetries ?? 3,
    timeout: options.timeoutMs ?? 60_000,
  });
}

function decode(embedding: string | number[]): Float32Array {
  if (typeof embedding !== "string") return Float32Array.from(embedding);
  const bytes = Buffer.from(embedding, "base64");
  // Copy into a fresh buffer: the decoded bytes may sit at an offset that is not a multiple of 4.
  const copy = new Uint8Array(bytes.byteLength - (bytes.byteLength % 4));
  copy.set(bytes.subarray(0, copy.byteLength));
  return new Float32Array(copy.buffer);
}

function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  return vector.map((value) => value * scale);
}
