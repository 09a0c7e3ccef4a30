import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { FakeSlackFiles, type RecordedDownload, type SharedFileFields } from "./fake-slack-files.ts";
import { decodeFrame, encodeFrame } from "./websocket-frames.ts";

export type { RecordedDownload, SharedFileFields };

/** One Web API call as the stub received it; JSON-encoded fields (blocks, view, metadata) are decoded. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  /** What the stub answered. */
  result: Record<string, unknown>;
}

/** A JSON message posted to a `response_url`. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

/** A file's bytes as they reached an `upload_url` from `files.getUploadURLExternal`. */
export interface RecordedUpload {
  fileId: string;
  /** As announced to `files.getUploadURLExternal`. */
  filename: string;
  length: number;
  /** Null until the bytes arrive. */
  bytes: Buffer | null;
  /** Set by `files.completeUploadExternal`: where the file was shared, and with which comment. */
  shared: { channel: string; threadTs: string | null; title: string | null; comment: string | null } | null;
}

/** A message the stub holds, so `conversations.history` can return it. */
interface StoredMessage {
  channel: string;
  ts: string;
  text: unknown;
  metadata?: unknown;
  /** Set on messages people wrote (`shareFile`); the bot's own posts have none. */
  user?: string;
  threadTs?: string;
  files?: Record<string, unknown>[];
}

/** A message with a file, as Slack puts it into events and shortcut payloads. */
// A type, not an interface, so it passes where a payload builder takes any record.
export type SharedFileMessage = {
  type: "message";
  channel: string;
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
  files: Record<string, unknown>[];
  upload: boolean;
};

/** The bot scopes of the stub's app unless a test says otherwise. */
const DEFAULT_SCOPES = [
  "app_mentions:read",
  "chat:write",
  "commands",
  "channels:history",
  "groups:history",
  "im:history",
  "channels:read",
  "groups:read",
  "im:write",
  "files:write",
  "files:read",
];

/** Methods that need a scope beyond the default ones; answered `missing_scope` without it. */
const METHOD_SCOPES: Record<string, string> = { "files.info": "files:read" };

export interface FakeSlackApiOptions {
  botToken?: string;
  appToken?: string;
  botUserId?: string;
  /** Channel id → member user ids, for `conversations.members`; other channels answer `not_in_channel`. */
  members?: Record<string, string[]>;
  /** Channels the bot is not in: sharing a file there answers `not_in_channel`. */
  closedChannels?: string[];
  /** Seconds of the first message timestamp; a fixed moment in 2023 unless a test needs real time. */
  firstTs?: number;
  /** The bot token's scopes (what the app was installed with); see `DEFAULT_SCOPES`. */
  scopes?: string[];
}

/**
 * How `chat.postMessage` answers: at once; `slow` — the message reaches the channel and the caller
 * only after `delayMs` (a stalled Slack); `hang` — the message reaches the channel at once but the
 * call is never answered (what a process killed mid-send leaves behind).
 */
export type PostMessageMode = { kind: "normal" } | { kind: "slow"; delayMs: number } | { kind: "hang" };

const JSON_FIELDS = new Set(["blocks", "attachments", "metadata", "view", "files"]);
const WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/**
 * A local stand-in for Slack: the Web API (`/api/<method>`, Slack's `{ ok, … }` JSON, form-encoded
 * requests like the real WebClient sends), `response_url`s (`/response/<id>`), the external file
 * upload (`files.getUploadURLExternal` hands out `/upload/<file id>`, which takes the bytes raw or
 * as multipart form data, then `files.completeUploadExternal` shares them) and, for Socket Mode, a
 * WebSocket endpoint that `apps.connections.open` points to. Records everything it receives.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly uploads: RecordedUpload[] = [];
  readonly members: Map<string, string[]>;
  /** The bot token's scopes; a test removes one to see the `missing_scope` answer. */
  readonly scopes: Set<string>;
  /** Files shared with `shareFile`, `files.info` and their downloads. */
  readonly files: FakeSlackFiles;
  private readonly closedChannels: Set<string>;
  readonly botToken: string;
  readonly appToken: string;
  readonly botUserId: string;
  /** Set by a test to stall or hang `chat.postMessage` (see `PostMessageMode`). */
  postMessageMode: PostMessageMode = { kind: "normal" };
  private readonly messages: StoredMessage[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly pendingAcks = new Map<string, (payload: unknown) => void>();
  private webSocket: Socket | null = null;
  private clock = 1_700_000_000;
  private sequence = 0;
  private baseUrl = "";

  private constructor(
    private readonly server: Server,
    options: FakeSlackApiOptions,
  ) {
    this.botToken = options.botToken ?? "xoxb-test-bot-token";
    this.appToken = options.appToken ?? "xapp-test-app-token";
    this.botUserId = options.botUserId ?? "U0SAMSYN";
    this.members = new Map(Object.entries(options.members ?? {}));
    this.scopes = new Set(options.scopes ?? DEFAULT_SCOPES);
    this.files = new FakeSlackFiles(() => this.baseUrl, this.botToken);
    this.closedChannels = new Set(options.closedChannels ?? []);
    this.clock = options.firstTs ?? this.clock;
  }

  /** Starts the stub on 127.0.0.1 with a free port. */
  static async start(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    const fake = new FakeSlackApi(server, options);
    server.on("request", (request, response) => void fake.handle(request, response));
    server.on("upgrade", (request, socket) => fake.upgrade(request, socket as Socket));
    server.on("connection", (socket) => {
      fake.sockets.add(socket);
      socket.on("close", () => fake.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The Web API base URL to give the app (`SLACK_API_URL`). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh `response_url` whose posts are recorded under `id`. */
  responseUrl(id: string = randomUUID()): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** Calls of one Web API method, optionally filtered. */
  callsTo(method: string, where: (args: Record<string, unknown>) => boolean = () => true): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && where(call.args));
  }

  /** Waits for a call matching `where` (including ones already made). */
  waitFor(
    method: string,
    where: (args: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    return poll(() => this.callsTo(method, where)[0], `${method} call`, timeoutMs);
  }

  /** Waits for a post to the response URL with this id. */
  waitForResponse(id: string, timeoutMs = 5000): Promise<RecordedResponse> {
    return poll(() => this.responses.find((response) => response.id === id), `response_url ${id}`, timeoutMs);
  }

  /** Waits for a file shared into `channel` (bytes uploaded and `files.completeUploadExternal` done). */
  waitForSharedFile(channel: string, timeoutMs = 5000): Promise<RecordedUpload> {
    return poll(
      () => this.uploads.find((upload) => upload.bytes !== null && upload.shared?.channel === channel),
      `a file shared into ${channel}`,
      timeoutMs,
    );
  }

  /**
   * A person shares a file into `channel` (in the thread `threadTs` when given): the message is
   * stored (for `conversations.replies`) and the file can be looked up and downloaded.
   */
  shareFile(
    channel: string,
    user: string,
    file: SharedFileFields,
    options: { threadTs?: string; text?: string } = {},
  ): SharedFileMessage {
    const ts = this.nextTs();
    const fileObject = this.files.add({ ...file, user: file.user ?? user }, Math.floor(Number(ts)));
    const message: StoredMessage = {
      channel,
      ts,
      text: options.text ?? "",
      user,
      files: [fileObject],
      ...(options.threadTs ? { threadTs: options.threadTs } : {}),
    };
    this.messages.push(message);
    return {
      type: "message",
      channel,
      user,
      text: options.text ?? "",
      ts,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      files: [fileObject],
      upload: true,
    };
  }

  /** Sends a Socket Mode envelope and resolves with the app's acknowledgement payload. */
  sendEnvelope(type: string, payload: unknown, timeoutMs = 5000): Promise<unknown> {
    const socket = this.webSocket;
    if (!socket) return Promise.reject(new Error("no Socket Mode client is connected"));
    const envelopeId = randomUUID();
    const acknowledged = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== "events_api",
    };
    socket.write(encodeFrame(1, Buffer.from(JSON.stringify(envelope))));
    return acknowledged;
  }

  /** Whether a Socket Mode client is connected. */
  get socketConnected(): boolean {
    return this.webSocket !== null && !this.webSocket.destroyed;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.webSocket?.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const raw = body.toString("utf8");
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/upload/"))
      return this.receiveUpload(path.slice("/upload/".length), body, request, response);
    if (this.files.serves(path)) return this.files.serve(path, request, response);
    if (path.startsWith("/response/")) {
      this.responses.push({ id: path.slice("/response/".length), body: JSON.parse(raw || "{}") });
      return sendJson(response, { ok: true });
    }
    if (!path.startsWith("/api/")) return sendJson(response, { ok: false, error: "not_found" }, 404);
    const method = path.slice("/api/".length);
    const args = parseArgs(raw, request.headers["content-type"] ?? "");
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "") || null;
    const expected = method === "apps.connections.open" ? this.appToken : this.botToken;
    const mode = this.postMessageMode;
    if (method === "chat.postMessage" && mode.kind === "slow")
      await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    const result = token === expected ? this.answer(method, args) : { ok: false, error: "invalid_auth" };
    this.calls.push({ method, args, token, result });
    // A hung call stays open until the caller goes away (its socket is closed).
    if (method === "chat.postMessage" && mode.kind === "hang") return;
    sendJson(response, result);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const needed = METHOD_SCOPES[method];
    if (needed && !this.scopes.has(needed))
      return { ok: false, error: "missing_scope", needed, provided: [...this.scopes].join(",") };
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://samsyn-test.slack.com/",
          team: "Test",
          user: "samsyn",
          team_id: "T0SAMSYN",
          user_id: this.botUserId,
          bot_id: "B0SAMSYN",
        };
      case "chat.postMessage": {
        const message = {
          channel: String(args.channel),
          ts: this.nextTs(),
          text: args.text,
          metadata: args.metadata,
        };
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message: { ...args, ts: message.ts } };
      }
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "views.open":
        return { ok: true, view: { id: "V0SOURCE", ...(args.view as object) } };
      case "reactions.add":
      case "reactions.remove":
        return { ok: true };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).slice(1)}` } };
      case "conversations.members": {
        const members = this.members.get(String(args.channel));
        if (!members) return { ok: false, error: "not_in_channel" };
        // Pages of `limit` members; the cursor is the offset of the next page.
        const limit = Math.min(Number(args.limit ?? 100) || 100, 1000);
        const offset = args.cursor ? Number(Buffer.from(String(args.cursor), "base64").toString()) : 0;
        const next =
          offset + limit < members.length ? Buffer.from(String(offset + limit)).toString("base64") : "";
        return {
          ok: true,
          members: members.slice(offset, offset + limit),
          response_metadata: { next_cursor: next },
        };
      }
      case "conversations.replies": {
        const thread = this.messages.filter(
          (message) =>
            message.channel === args.channel && (message.ts === args.ts || message.threadTs === args.ts),
        );
        if (!thread.some((message) => message.ts === args.ts))
          return { ok: false, error: "thread_not_found" };
        const limit = Number(args.limit ?? 1000) || 1000;
        const messages = thread.slice(0, limit).map((message) => ({
          type: "message",
          ts: message.ts,
          text: message.text,
          ...(message.user ? { user: message.user } : {}),
          ...(message.threadTs || message.ts === args.ts ? { thread_ts: args.ts } : {}),
          ...(message.files ? { files: message.files } : {}),
        }));
        return {
          ok: true,
          messages,
          has_more: thread.length > limit,
          response_metadata: { next_cursor: "" },
        };
      }
      case "files.info":
        return this.files.info(String(args.file));
      case "conversations.history": {
        const oldest = Number(args.oldest ?? 0);
        const withMetadata = String(args.include_all_metadata) === "true";
        const messages = this.messages
          .filter((message) => message.channel === args.channel && Number(message.ts) >= oldest)
          .reverse()
          .map((message) => ({
            type: "message",
            ts: message.ts,
            text: message.text,
            ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: "" } };
      }
      case "files.getUploadURLExternal": {
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length <= 0)
          return { ok: false, error: "invalid_arguments" };
        const fileId = `F0${String(this.uploads.length + 1).padStart(6, "0")}`;
        this.uploads.push({ fileId, filename: String(args.filename), length, bytes: null, shared: null });
        return { ok: true, upload_url: `${this.baseUrl}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const files = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
        const uploads = files.map((file) => this.uploads.find((upload) => upload.fileId === file.id));
        if (files.length === 0 || uploads.some((upload) => !upload?.bytes))
          return { ok: false, error: "file_not_found" };
        const channel = typeof args.channel_id === "string" ? args.channel_id : null;
        if (channel && this.closedChannels.has(channel)) return { ok: false, error: "not_in_channel" };
        files.forEach((file, index) => {
          const upload = uploads[index] as RecordedUpload;
          if (channel) {
            upload.shared = {
              channel,
              threadTs: typeof args.thread_ts === "string" ? args.thread_ts : null,
              title: file.title ?? null,
              comment: typeof args.initial_comment === "string" ? args.initial_comment : null,
            };
          }
        });
        return {
          ok: true,
          files: files.map((file, index) => ({
            id: file.id,
            title: file.title,
            name: uploads[index]?.filename,
          })),
        };
      }
      case "users.conversations":
        return { ok: true, channels: [], response_metadata: { next_cursor: "" } };
      case "apps.connections.open":
        return { ok: true, url: `${this.baseUrl.replace("http", "ws")}/link` };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  /** The bytes for an `upload_url`: raw, or the one file of a multipart form (as the WebClient sends them). */
  private async receiveUpload(
    fileId: string,
    body: Buffer,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const upload = this.uploads.find((candidate) => candidate.fileId === fileId);
    if (!upload) return void response.writeHead(404).end("unknown upload");
    const contentType = request.headers["content-type"] ?? "";
    let bytes = body;
    if (contentType.startsWith("multipart/form-data")) {
      const form = await new Response(new Uint8Array(body), {
        headers: { "content-type": contentType },
      }).formData();
      const file = [...form.values()].find((value) => typeof value !== "string");
      bytes = file && typeof file !== "string" ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    }
    if (bytes.length !== upload.length) return void response.writeHead(400).end("length mismatch");
    upload.bytes = bytes;
    response.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${bytes.length}`);
  }

  private nextTs(): string {
    this.sequence += 1;
    return `${this.clock + this.sequence}.000100`;
  }

  private upgrade(request: IncomingMessage, socket: Socket): void {
    const key = request.headers["sec-websocket-key"];
    if (typeof key !== "string") return void socket.destroy();
    const accept = createHash("sha1").update(`${key}${WEBSOCKET_GUID}`).digest("base64");
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.webSocket = socket;
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let frame = decodeFrame(buffered); frame; frame = decodeFrame(buffered)) {
        buffered = buffered.subarray(frame.length);
        this.onFrame(socket, frame.opcode, frame.payload);
      }
    });
    socket.on("close", () => {
      if (this.webSocket === socket) this.webSocket = null;
    });
    socket.write(encodeFrame(1, Buffer.from(JSON.stringify({ type: "hello", num_connections: 1 }))));
  }

  private onFrame(socket: Socket, opcode: number, payload: Buffer): void {
    if (opcode === 9) socket.write(encodeFrame(10, payload));
    else if (opcode === 8) {
      if (this.webSocket === socket) this.webSocket = null;
      socket.end(encodeFrame(8, payload.subarray(0, 2)));
    } else if (opcode === 1) {
      const message = JSON.parse(payload.toString("utf8")) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) this.pendingAcks.get(message.envelope_id)?.(message.payload ?? {});
    }
  }
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json")) return JSON.parse(raw || "{}");
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw))
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return args;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

async function poll<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
