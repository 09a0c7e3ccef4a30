import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/** One request as the server saw it; the authorization value itself is never kept. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names; `authorization` is left out. */
  headers: Record<string, string>;
  /** Whether a non-empty `Authorization: Bearer …` header came with the request. */
  authorization: boolean;
  body: unknown;
  receivedAt: number;
}

/** The chat request body fields the fake reads. */
export type ChatCompletionBody = z.infer<typeof chatSchema>;

/** Behaviour of the fake; every field can also be changed on the instance between calls. */
export interface OpenAiCompatibleServerOptions {
  /** Vector length of the default embedding function (default 8). */
  dimensions?: number;
  /** Turns one input text into a vector (default: deterministic hashing, not normalised). */
  embedText?: (text: string) => number[];
  /** Content of the assistant's reply (default: echoes the last user message). */
  respond?: (body: ChatCompletionBody) => string;
  /** `retry-after` seconds sent with injected failures (default 0.01, to keep tests fast). */
  retryAfterSeconds?: number;
  /** When set, requests must carry `Authorization: Bearer <apiKey>` or get a 401 like OpenAI's. */
  apiKey?: string;
}

const embeddingSchema = z.object({
  model: z.string(),
  input: z.union([z.string(), z.array(z.string())]),
  encoding_format: z.enum(["float", "base64"]).optional(),
  dimensions: z.number().int().positive().optional(),
});

const chatSchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })).min(1),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  temperature: z.number().optional(),
  max_tokens: z.number().int().optional(),
  max_completion_tokens: z.number().int().optional(),
});

/**
 * A local HTTP server speaking the OpenAI wire format for `/v1/embeddings` and `/v1/chat/completions`
 * (JSON bodies, SSE streams ending in `[DONE]`, `{ error: { message, type, param, code } }` failures).
 */
export class OpenAiCompatibleServer {
  readonly requests: RecordedRequest[] = [];
  dimensions: number;
  embedText: (text: string) => number[];
  respond: (body: ChatCompletionBody) => string;
  retryAfterSeconds: number;
  apiKey: string | undefined;
  /** Return embeddings last-to-first (still with their `index`), as a server is allowed to. */
  reverseEmbeddings = false;
  /** Ignore `encoding_format` and always send numbers, as some compatible servers do. */
  floatsOnly = false;
  /** Milliseconds to wait before answering, to exercise time limits and cancellation. */
  delayMs = 0;
  /** Answer chat requests with an empty `choices` list. */
  emptyChoices = false;
  private failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  private counter = 0;

  constructor(options: OpenAiCompatibleServerOptions = {}) {
    this.dimensions = options.dimensions ?? 8;
    this.embedText = options.embedText ?? ((text) => hashedVector(text, this.dimensions));
    this.respond = options.respond ?? defaultReply;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 0.01;
    this.apiKey = options.apiKey;
  }

  /** Answers the next `count` requests with `status` (429 or 5xx) and OpenAI's error body. */
  failNext(count: number, status = 500): void {
    this.failures = { remaining: count, status };
  }

  /** Listens on 127.0.0.1 at a free port; `baseURL` ends in `/v1`. */
  async start(): Promise<{ baseURL: string; close(): Promise<void> }> {
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      baseURL: `http://127.0.0.1:${port}/v1`,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.closeAllConnections();
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const body = parseJson(text);
    const { authorization, ...headers } = request.headers;
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    this.requests.push({
      method: request.method ?? "GET",
      path,
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
      authorization: typeof authorization === "string" && /^Bearer \S+/.test(authorization),
      body,
      receivedAt: Date.now(),
    });
    response.setHeader("x-request-id", `req_${++this.counter}`);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));

    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      this.fail(response, this.failures.status);
      return;
    }
    if (this.apiKey !== undefined && authorization !== `Bearer ${this.apiKey}`) {
      const given = authorization?.replace(/^Bearer /, "") ?? "";
      const masked =
        given.length > 8 ? `${given.slice(0, 3)}${"*".repeat(given.length - 7)}${given.slice(-4)}` : given;
      sendError(response, 401, {
        message: `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: "invalid_request_error",
        code: "invalid_api_key",
      });
      return;
    }
    const route = `${request.method} ${path}`;
    if (route === "POST /v1/embeddings") this.embeddings(response, body);
    else if (route === "POST /v1/chat/completions") this.chat(response, body);
    else
      sendError(response, 404, {
        message: `Invalid URL (${route})`,
        type: "invalid_request_error",
        code: null,
      });
  }

  private embeddings(response: ServerResponse, body: unknown): void {
    const parsed = embeddingSchema.safeParse(body);
    if (!parsed.success) {
      invalidRequest(response, parsed.error);
      return;
    }
    const { input, model, encoding_format: format } = parsed.data;
    const inputs = typeof input === "string" ? [input] : input;
    if (inputs.some((item) => item.length === 0)) {
      sendError(response, 400, {
        message:
          "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
        type: "invalid_request_error",
        code: null,
      });
      return;
    }
    const data = inputs.map((item, index) => {
      const vector = this.embedText(item);
      const embedding =
        format === "base64" && !this.floatsOnly
          ? Buffer.from(Float32Array.from(vector).buffer).toString("base64")
          : vector;
      return { object: "embedding", index, embedding };
    });
    if (this.reverseEmbeddings) data.reverse();
    const tokens = inputs.reduce((sum, item) => sum + countTokens(item), 0);
    sendJson(response, 200, {
      object: "list",
      data,
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  private chat(response: ServerResponse, body: unknown): void {
    const parsed = chatSchema.safeParse(body);
    if (!parsed.success) {
      invalidRequest(response, parsed.error);
      return;
    }
    const request = parsed.data;
    const content = this.respond(request);
    const base = {
      id: `chatcmpl-fake${this.counter}`,
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      service_tier: "default",
      system_fingerprint: "fp_fake",
    };
    const promptTokens = request.messages.reduce((sum, message) => sum + countTokens(message.content), 0);
    const completionTokens = countTokens(content);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    if (!request.stream) {
      const choices = this.emptyChoices
        ? []
        : [
            {
              index: 0,
              message: { role: "assistant", content, refusal: null, annotations: [] },
              logprobs: null,
              finish_reason: "stop",
            },
          ];
      sendJson(response, 200, { ...base, object: "chat.completion", choices, usage });
      return;
    }
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
    });
    const withUsage = request.stream_options?.include_usage === true;
    const send = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      response.write(
        `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices, ...extra })}\n\n`,
      );
    const usageField = withUsage ? { usage: null } : {};
    if (!this.emptyChoices) {
      const delta = (piece: Record<string, unknown>, finish: string | null = null) => [
        { index: 0, delta: piece, logprobs: null, finish_reason: finish },
      ];
      send(delta({ role: "assistant", content: "", refusal: null }), usageField);
      for (const piece of content.match(/\s*\S+/g) ?? []) send(delta({ content: piece }), usageField);
      send(delta({}, "stop"), usageField);
    }
    if (withUsage) send([], { usage });
    response.end("data: [DONE]\n\n");
  }

  private fail(response: ServerResponse, status: number): void {
    response.setHeader("retry-after", String(this.retryAfterSeconds));
    if (status === 429) {
      sendError(response, 429, {
        message:
          "Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.",
        type: "requests",
        code: "rate_limit_exceeded",
      });
      return;
    }
    sendError(response, status, {
      message: "The server had an error while processing your request. Sorry about that!",
      type: "server_error",
      code: null,
    });
  }
}

/** A deterministic, unnormalised vector for a text: the same text always gives the same vector. */
export function hashedVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193) >>> 0;
    const slot = hash % dimensions;
    vector[slot] = (vector[slot] ?? 0) + (hash & 0x100 ? 2 : 1);
  }
  // A text without words still gets a usable (non-zero) vector, as real models give one.
  if (Math.max(...vector) === 0) vector[0] = 1;
  return vector;
}

function defaultReply(body: ChatCompletionBody): string {
  const question = [...body.messages].reverse().find((message) => message.role === "user")?.content ?? "";
  return `Du frågade: ${question}`;
}

function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function sendError(
  response: ServerResponse,
  status: number,
  error: { message: string; type: string; code: string | null },
): void {
  sendJson(response, status, {
    error: { message: error.message, type: error.type, param: null, code: error.code },
  });
}

function invalidRequest(response: ServerResponse, error: z.ZodError): void {
  const issue = error.issues[0];
  sendError(response, 400, {
    message: `Invalid request: '${issue?.path.join(".") ?? ""}' ${issue?.message ?? ""}`.trim(),
    type: "invalid_request_error",
    code: null,
  });
}
