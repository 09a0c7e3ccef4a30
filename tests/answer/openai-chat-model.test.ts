import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChatRequest } from "../../src/answer/chat-model.ts";
import { OpenAiChatModel, type OpenAiChatModelOptions } from "../../src/answer/openai-chat-model.ts";
import { SamsynError } from "../../src/errors.ts";
import { OpenAiCompatibleServer } from "../fakes/openai-compatible-server.ts";

const API_KEY = "sk-test-hemlig-nyckel-0987654321";
const MODEL = "gpt-4o-mini";
const ANSWER = "Samverkansberedningen sammanträder fyra gånger per år [1]. Nästa möte är den 12 mars [2].";

const question: ChatRequest = {
  messages: [
    { role: "system", content: "Svara bara utifrån underlaget." },
    { role: "user", content: "När möts samverkansberedningen?" },
  ],
};

async function failureOf(work: () => Promise<unknown>): Promise<SamsynError> {
  const error = await work().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SamsynError);
  return error as SamsynError;
}

async function collect(pieces: AsyncIterable<string>): Promise<string[]> {
  const collected: string[] = [];
  for await (const piece of pieces) collected.push(piece);
  return collected;
}

describe("OpenAiChatModel", () => {
  let server: OpenAiCompatibleServer;
  let baseURL: string;
  let close: () => Promise<void>;
  const model = (extra: Partial<OpenAiChatModelOptions> = {}) =>
    new OpenAiChatModel({ baseURL, apiKey: API_KEY, model: MODEL, ...extra });

  beforeEach(async () => {
    server = new OpenAiCompatibleServer({ apiKey: API_KEY, respond: () => ANSWER });
    ({ baseURL, close } = await server.start());
  });
  afterEach(async () => {
    await close();
  });

  it("returns the completion text and sends messages, model and settings", async () => {
    const text = await model({ temperature: 0.1 }).complete({ ...question, maxTokens: 300 });
    expect(text).toBe(ANSWER);
    const [request] = server.requests;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.authorization).toBe(true);
    expect(request?.body).toEqual({
      model: MODEL,
      messages: question.messages,
      temperature: 0.1,
      max_tokens: 300,
    });
  });

  it("lets a request override the temperature and leaves unset options out", async () => {
    await model({ temperature: 0.7 }).complete({ ...question, temperature: 0 });
    await model().complete(question);
    expect(server.requests.map((request) => request.body)).toEqual([
      { model: MODEL, messages: question.messages, temperature: 0 },
      { model: MODEL, messages: question.messages },
    ]);
  });

  it("names the token limit the way newer OpenAI models expect when told to", async () => {
    await model({ maxTokensParameter: "max_completion_tokens" }).complete({ ...question, maxTokens: 50 });
    expect(server.requests[0]?.body).toMatchObject({ max_completion_tokens: 50 });
    expect(server.requests[0]?.body).not.toHaveProperty("max_tokens");
  });

  it("streams the answer in several pieces that join to the full text", async () => {
    const pieces = await collect(model().stream(question));
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(ANSWER);
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
  });

  it("retries after a 429 and returns the answer", async () => {
    server.failNext(1, 429);
    expect(await model().complete(question)).toBe(ANSWER);
    expect(server.requests).toHaveLength(2);
  });

  it("fails with llm_unavailable when the server keeps failing, without revealing the key", async () => {
    server.failNext(100, 503);
    const error = await failureOf(() => model({ maxRetries: 2 }).complete(question));
    expect(error.code).toBe("llm_unavailable");
    expect(server.requests).toHaveLength(3);
    expect(error.message).toContain(MODEL);
    expect(error.message).toContain(baseURL);
    expect(error.message).not.toContain(API_KEY);
  });

  it("fails a stream with llm_unavailable when the server keeps failing", async () => {
    server.failNext(100, 500);
    const error = await failureOf(() => collect(model({ maxRetries: 1 }).stream(question)));
    expect(error.code).toBe("llm_unavailable");
    expect(server.requests).toHaveLength(2);
  });

  it("explains a rejected key without repeating it", async () => {
    const wrongKey = "sk-fel-nyckel-abcdefghijklmnop";
    const error = await failureOf(() => model({ apiKey: wrongKey }).complete(question));
    expect(error.code).toBe("llm_unavailable");
    expect(error.message).toMatch(/nyckel/);
    expect(error.message).not.toContain(wrongKey);
  });

  it("reports a refused connection as llm_unavailable", async () => {
    await close();
    close = async () => {};
    const error = await failureOf(() => model({ maxRetries: 0 }).complete(question));
    expect(error.code).toBe("llm_unavailable");
    expect(error.message).toMatch(/ansluta/);
  });

  it("gives up when the server is slower than the time limit", async () => {
    server.delayMs = 1_000;
    const error = await failureOf(() => model({ maxRetries: 0, timeoutMs: 100 }).complete(question));
    expect(error.code).toBe("llm_unavailable");
    expect(error.message).toMatch(/tidsgräns/);
  });

  it("stops when the caller aborts", async () => {
    server.delayMs = 1_000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(() => model().complete({ ...question, signal: controller.signal }));
    expect(error.code).toBe("llm_unavailable");
    expect(error.message).toMatch(/avbröts/);
  });

  it("treats an answer without choices as llm_invalid_response", async () => {
    server.emptyChoices = true;
    expect((await failureOf(() => model().complete(question))).code).toBe("llm_invalid_response");
    expect((await failureOf(() => collect(model().stream(question)))).code).toBe("llm_invalid_response");
  });
});
