import type { ChatModel, ChatRequest } from "../../src/answer/chat-model.ts";

/** Scripted reply of the fake; it may throw to simulate a failing model. */
export type FakeReply = (request: ChatRequest) => string | Promise<string>;

/** A `ChatModel` that answers from a script and records every request. */
export class FakeChatModel implements ChatModel {
  readonly id: string;
  readonly supportsStreaming: boolean;
  readonly calls: ChatRequest[] = [];
  reply: FakeReply;

  constructor(options: { reply?: FakeReply; id?: string; supportsStreaming?: boolean } = {}) {
    this.reply = options.reply ?? (() => "");
    this.id = options.id ?? "fake:chat";
    this.supportsStreaming = options.supportsStreaming ?? true;
  }

  async complete(request: ChatRequest): Promise<string> {
    this.calls.push(request);
    return this.reply(request);
  }

  /** Yields the scripted reply word by word (each piece keeps its leading whitespace). */
  async *stream(request: ChatRequest): AsyncIterable<string> {
    this.calls.push(request);
    const text = await this.reply(request);
    for (const piece of text.match(/\s*\S+\s*$|\s*\S+/g) ?? []) yield piece;
  }

  /** The last user message of the most recent call, for concise assertions. */
  get lastQuestion(): string | undefined {
    const messages = this.calls.at(-1)?.messages ?? [];
    return [...messages].reverse().find((message) => message.role === "user")?.content;
  }
}
