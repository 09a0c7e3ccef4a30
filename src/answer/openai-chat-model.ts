import OpenAI from "openai";
import { SamsynError } from "../errors.ts";
import { describeOpenAiFailure, redactSecret } from "../index/describe-openai-failure.ts";
import type { ChatModel, ChatRequest } from "./chat-model.ts";

/** Connection settings for an OpenAI-compatible chat completions endpoint. */
export interface OpenAiChatModelOptions {
  /** e.g. `https://api.openai.com/v1`, `http://localhost:11434/v1` (Ollama), a vLLM or llama.cpp server. */
  baseURL: string;
  /** Secret key; local servers usually need none. */
  apiKey?: string;
  model: string;
  /** Retries of 408/409/429/5xx and connection errors, with the client's backoff (default 3). */
  maxRetries?: number;
  /** Time limit per request in milliseconds (default 120 000). */
  timeoutMs?: number;
  /** Default temperature; omitted when unset, since some models accept only their own. */
  temperature?: number;
  /** Newer OpenAI models take `max_completion_tokens`; most compatible servers only `max_tokens` (default). */
  maxTokensParameter?: "max_tokens" | "max_completion_tokens";
}

// The openai client refuses to start without a key; local servers ignore whatever is sent.
const NO_KEY = "ingen-nyckel";

/** `ChatModel` for any server that speaks the OpenAI chat completions API. */
export class OpenAiChatModel implements ChatModel {
  readonly id: string;
  readonly supportsStreaming = true;
  private readonly client: OpenAI;
  private readonly options: OpenAiChatModelOptions;

  constructor(options: OpenAiChatModelOptions) {
    this.options = options;
    this.id = `openai:${options.model}`;
    this.client = new OpenAI({
      baseURL: options.baseURL,
      apiKey: options.apiKey || NO_KEY,
      // Explicit nulls keep the client from picking these up from the environment.
      organization: null,
      project: null,
      maxRetries: options.maxRetries ?? 3,
      timeout: options.timeoutMs ?? 120_000,
    });
  }

  async complete(request: ChatRequest): Promise<string> {
    let completion: OpenAI.Chat.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(this.body(request), { signal: request.signal });
    } catch (error) {
      throw this.unavailable(error);
    }
    const content = completion.choices?.[0]?.message?.content;
    if (typeof content !== "string") {
      throw this.invalid(
        completion.choices?.length ? "svaret saknar text" : "svaret saknar alternativ (choices)",
      );
    }
    return content;
  }

  async *stream(request: ChatRequest): AsyncIterable<string> {
    let received = false;
    try {
      const chunks = await this.client.chat.completions.create(
        { ...this.body(request), stream: true },
        { signal: request.signal },
      );
      for await (const chunk of chunks) {
        const choice = chunk.choices?.[0];
        if (choice) received = true;
        const piece = choice?.delta?.content;
        if (piece) yield piece;
      }
    } catch (error) {
      throw this.unavailable(error);
    }
    if (!received) throw this.invalid("strömmen innehöll inga alternativ (choices)");
  }

  private body(request: ChatRequest): OpenAI.Chat.ChatCompletionCreateParamsNonStreaming {
    const temperature = request.temperature ?? this.options.temperature;
    const limit = this.options.maxTokensParameter ?? "max_tokens";
    return {
      model: this.options.model,
      messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
      ...(temperature === undefined ? {} : { temperature }),
      ...(request.maxTokens === undefined ? {} : { [limit]: request.maxTokens }),
    };
  }

  private unavailable(error: unknown): SamsynError {
    if (error instanceof SamsynError) return error;
    return new SamsynError("llm_unavailable", this.message(describeOpenAiFailure(error)), { cause: error });
  }

  private invalid(reason: string): SamsynError {
    return new SamsynError("llm_invalid_response", this.message(reason));
  }

  private message(reason: string): string {
    const { baseURL, model, apiKey } = this.options;
    const text = `Språkmodellen ${model} via ${baseURL} gick inte att använda: ${reason}`;
    return redactSecret(text, apiKey);
  }
}
