import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SamsynError } from "../../src/errors.ts";
import { OpenAiEmbedder, type OpenAiEmbedderOptions } from "../../src/index/openai-embedder.ts";
import { hashedVector, OpenAiCompatibleServer } from "../fakes/openai-compatible-server.ts";

const API_KEY = "sk-test-hemlig-nyckel-1234567890";
const MODEL = "text-embedding-3-small";

function unit(values: number[]): number[] {
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

function expectVectorsClose(actual: Float32Array, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [position, value] of expected.entries()) expect(actual[position]).toBeCloseTo(value, 5);
}

async function failureOf(promise: Promise<unknown>): Promise<SamsynError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SamsynError);
  return error as SamsynError;
}

describe("OpenAiEmbedder", () => {
  let server: OpenAiCompatibleServer;
  let baseURL: string;
  let close: () => Promise<void>;
  const options = (extra: Partial<OpenAiEmbedderOptions> = {}) => ({
    baseURL,
    apiKey: API_KEY,
    model: MODEL,
    dimensions: 8,
    ...extra,
  });

  beforeEach(async () => {
    server = new OpenAiCompatibleServer({ dimensions: 8, apiKey: API_KEY });
    ({ baseURL, close } = await server.start());
  });
  afterEach(async () => {
    await close();
  });

  it("splits large inputs into batches and returns unit vectors in input order", async () => {
    const embedder = new OpenAiEmbedder(options({ maxBatchSize: 64 }));
    const texts = Array.from({ length: 150 }, (_, i) => `stycke nummer ${i} om samverkan ${i % 7}`);
    const vectors = await embedder.embed(texts, "passage");

    const batches = server.requests.map((request) => (request.body as { input: string[] }).input);
    expect(batches.map((batch) => batch.length)).toEqual([64, 64, 22]);
    expect(batches.flat()).toEqual(texts);
    expect(vectors).toHaveLength(150);
    for (const [position, vector] of vectors.entries()) {
      expectVectorsClose(vector, unit(hashedVector(texts[position] ?? "", 8)));
    }
  });

  it("sends the key as a bearer token and the model by name", async () => {
    await new OpenAiEmbedder(options()).embed(["Regionstyrelsen"], "query");
    const [request] = server.requests;
    expect(request?.path).toBe("/v1/embeddings");
    expect(request?.authorization).toBe(true);
    expect(request?.body).toMatchObject({ model: MODEL, input: ["Regionstyrelsen"] });
  });

  it("puts results back in input order when the server returns them shuffled", async () => {
    server.reverseEmbeddings = true;
    const texts = ["första texten", "andra texten", "tredje"];
    const vectors = await new OpenAiEmbedder(options()).embed(texts, "passage");
    for (const [position, vector] of vectors.entries()) {
      expectVectorsClose(vector, unit(hashedVector(texts[position] ?? "", 8)));
    }
  });

  it("reads plain number arrays from servers that ignore the base64 request", async () => {
    server.floatsOnly = true;
    const [vector] = await new OpenAiEmbedder(options()).embed(["nämnden"], "query");
    expectVectorsClose(vector as Float32Array, unit(hashedVector("nämnden", 8)));
  });

  it("learns the vector length from the server when none is configured", async () => {
    server.dimensions = 12;
    const embedder = await OpenAiEmbedder.connect(options({ dimensions: undefined }));
    expect(embedder.dimensions).toBe(12);
    expect(embedder.id).toBe(`openai:${MODEL}:12`);
    const [vector] = await embedder.embed(["beredning"], "query");
    expect(vector).toHaveLength(12);
  });

  it("adds the model's query and passage prefixes and names the passage prefix in its id", async () => {
    const embedder = new OpenAiEmbedder(options({ queryPrefix: "query: ", passagePrefix: "passage: " }));
    await embedder.embed(["När möts nämnden?"], "query");
    await embedder.embed(["Nämnden möts i maj."], "passage");
    const inputs = server.requests.map((request) => (request.body as { input: string[] }).input[0]);
    expect(inputs).toEqual(["query: När möts nämnden?", "passage: Nämnden möts i maj."]);
    expect(embedder.id).toBe(`openai:${MODEL}:8:passage:`);
  });

  it("makes no request for an empty list", async () => {
    expect(await new OpenAiEmbedder(options()).embed([], "passage")).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("waits as told by retry-after after a 429 and then succeeds", async () => {
    server.retryAfterSeconds = 0.2;
    server.failNext(1, 429);
    const [vector] = await new OpenAiEmbedder(options()).embed(["protokoll"], "passage");
    expectVectorsClose(vector as Float32Array, unit(hashedVector("protokoll", 8)));
    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(150);
  });

  it("gives up with embedding_failed after the configured retries of a failing server", async () => {
    server.failNext(100, 500);
    const error = await failureOf(new OpenAiEmbedder(options({ maxRetries: 2 })).embed(["text"], "passage"));
    expect(error.code).toBe("embedding_failed");
    expect(server.requests).toHaveLength(3);
    expect(error.message).toContain(baseURL);
    expect(error.message).toContain(MODEL);
    expect(error.message).not.toContain(API_KEY);
  });

  it("explains a rejected key without repeating it", async () => {
    const wrongKey = "sk-fel-nyckel-abcdefghijklmnop";
    const error = await failureOf(new OpenAiEmbedder(options({ apiKey: wrongKey })).embed(["text"], "query"));
    expect(error.code).toBe("embedding_failed");
    expect(error.message).toMatch(/nyckel/);
    expect(error.message).not.toContain(wrongKey);
    expect(server.requests).toHaveLength(1);
  });

  it("reports an unreachable server as embedding_failed", async () => {
    await close();
    close = async () => {};
    const error = await failureOf(new OpenAiEmbedder(options({ maxRetries: 0 })).embed(["text"], "query"));
    expect(error.code).toBe("embedding_failed");
    expect(error.message).toMatch(/ansluta/);
  });

  it("rejects vectors whose length differs from the configured one", async () => {
    const error = await failureOf(new OpenAiEmbedder(options({ dimensions: 16 })).embed(["text"], "query"));
    expect(error.code).toBe("embedding_failed");
    expect(error.message).toMatch(/8 dimensioner/);
  });
});
