import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { loadConfig } from "../../src/config/config.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { type ChatCompletionBody, OpenAiCompatibleServer } from "../fakes/openai-compatible-server.ts";

const server = new OpenAiCompatibleServer({ dimensions: 24 });
let stop: () => Promise<void>;
let core: Core;
const folder = temporaryFolder();

beforeAll(async () => {
  const started = await server.start();
  stop = started.close;
  const config = loadConfig({
    OPENAI_BASE_URL: started.baseURL,
    OPENAI_API_KEY: "sk-test-not-a-real-key",
    SAMSYN_CHAT_MODEL: "gpt-test",
    SAMSYN_EMBEDDING_MODEL: "embed-test",
  });
  ({ core } = await ingestedCore(SHIPPED_KNOWLEDGE, folder.dir, {
    chat: config.chat,
    embedding: config.embedding,
  }));
});

afterAll(async () => {
  core?.close();
  await stop?.();
  folder.cleanup();
});

/** The numbered passages the model was shown, parsed back out of the user message. */
function passagesIn(body: ChatCompletionBody): Map<number, string> {
  const user = body.messages.find((message) => message.role === "user")?.content ?? "";
  const passages = new Map<number, string>();
  for (const match of user.matchAll(/^\[(\d+)\] [^\n]*\n([\s\S]*?)(?=\n\n\[\d+\] |\n\nFråga:)/gm)) {
    passages.set(Number(match[1]), match[2] ?? "");
  }
  return passages;
}

const ask = (question: string) => core.answers.ask(question, { scope: EVERYTHING });

describe("answers from an OpenAI-compatible model", () => {
  it("embeds passages and questions through the server and cites what the model cites", async () => {
    server.respond = (body) => {
      const passages = passagesIn(body);
      const hit = [...passages].find(([, text]) => text.includes("kallelse av kommunstyrelsens ordförande"));
      return hit ? `Kommunstyrelsens ordförande kallar till mötena [${hit[0]}].` : "INGET_SVAR";
    };
    const { answer } = await ask("Vem kallar till samverkansberedningens möten i Laholm?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toBe("Kommunstyrelsens ordförande kallar till mötena [1].");
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]?.quote).toMatch(/kallelse av kommunstyrelsens ordförande/);
    expect(server.requests.some((request) => request.path === "/v1/embeddings")).toBe(true);
    const chat = server.requests.find((request) => request.path === "/v1/chat/completions");
    expect(chat?.authorization).toBe(true);
    expect(JSON.stringify(chat?.body)).toMatch(/Hänvisa bara till nummer som finns bland utdragen/);
  });

  it("removes a citation to a passage that does not exist and keeps the valid one", async () => {
    // The valid citation must hold what is asked: the answer check declines a number its passage lacks.
    server.respond = () => "En samverkansgrupp kring barn och unga [2]. Dessutom i Kiruna [42].";
    const { answer } = await ask("Vilka samverkansgrupper finns det i Laholm?");
    expect(answer.text).toBe("En samverkansgrupp kring barn och unga [1]. Dessutom i Kiruna.");
    expect(answer.citations.map((citation) => citation.n)).toEqual([1]);
  });

  it("declines when the model cites nothing that was retrieved", async () => {
    server.respond = () => "Beredningen träffas varje tisdag [17].";
    const { answer } = await ask("Hur ofta träffas samverkansberedningen i Laholm?");
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.closest.length).toBeGreaterThan(0);
  });

  it("declines when the model says the passages do not answer", async () => {
    server.respond = () => "INGET_SVAR";
    const { answer } = await ask("Vem är sammankallande i HälSams politiska presidium?");
    expect(answer.abstained).toBe(true);
    expect(answer.text).toMatch(/framgår inte av underlaget/);
  });

  it("retries after a 429 and still answers", async () => {
    server.respond = () => "Minst fyra gånger per år [1].";
    server.failNext(1, 429);
    const { answer } = await ask("Hur ofta sammanträder beredningen i Norrbotten?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations).toHaveLength(1);
  });
});
