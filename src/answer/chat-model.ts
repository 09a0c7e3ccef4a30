/** One message of a chat completion request. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Options for one completion. */
export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

/** A chat model behind an OpenAI-compatible (or other) API. */
export interface ChatModel {
  /** Stable identity, e.g. `openai:gpt-4o-mini`. */
  readonly id: string;
  /** Whether `stream` yields partial text as it arrives. */
  readonly supportsStreaming: boolean;
  /** Returns the whole completion text. */
  complete(request: ChatRequest): Promise<string>;
  /** Yields the completion text in pieces, in order. */
  stream(request: ChatRequest): AsyncIterable<string>;
}
