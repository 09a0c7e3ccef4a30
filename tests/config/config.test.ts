import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { SamsynError } from "../../src/errors.ts";

describe("loadConfig", () => {
  it("runs offline with no variables at all", () => {
    const config = loadConfig({}, "/srv/samsyn");
    expect(config.knowledgeDir).toBe(path.resolve("/srv/samsyn/knowledge"));
    expect(config.chat).toBeNull();
    expect(config.embedding).toBeNull();
  });

  it("uses a local OpenAI-compatible server without a key", () => {
    const config = loadConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", SAMSYN_CHAT_MODEL: "llama3" });
    expect(config.chat).toMatchObject({ baseURL: "http://127.0.0.1:11434/v1", model: "llama3" });
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ SAMSYN_RETRIEVAL_TOP_K: "många" })).toThrow(/SAMSYN_RETRIEVAL_TOP_K/);
    expect(() => loadConfig({ OPENAI_BASE_URL: "inte en adress" })).toThrow(/OPENAI_BASE_URL/);
  });

  it("refuses a chat model on api.openai.com without a key, saying which variable to set", () => {
    try {
      loadConfig({ SAMSYN_CHAT_MODEL: "gpt-4o-mini" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SamsynError);
      expect((error as SamsynError).code).toBe("config_invalid");
      expect((error as Error).message).toMatch(/OPENAI_API_KEY/);
    }
  });
});
