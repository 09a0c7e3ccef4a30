import type { IncomingMessage, ServerResponse } from "node:http";

/** A file a test shares into the fake Slack: what a person uploaded. */
export interface SharedFileFields {
  name: string;
  title?: string;
  mimetype: string;
  bytes: Buffer;
  /** Who uploaded it; the sharer of the message unless given. */
  user?: string;
}

/** One download of a file's `url_private_download`, as the stub received it. */
export interface RecordedDownload {
  fileId: string;
  /** The bearer token the request carried, or null. */
  token: string | null;
  /** Whether the bytes were served (false: redirected to the sign-in page, as Slack does). */
  served: boolean;
}

interface StoredFile extends SharedFileFields {
  id: string;
  user: string;
  created: number;
}

const TEAM = "T0SAMSYN";
const DOWNLOAD_PREFIX = "/files-pri/";

/**
 * The file side of the fake Slack: a file object in Slack's shape (`files.info`, `files[]` of a
 * message) and its `url_private_download`, which serves the bytes only with the bot token in an
 * `Authorization: Bearer` header; without it Slack sends the browser to its sign-in page.
 */
export class FakeSlackFiles {
  readonly downloads: RecordedDownload[] = [];
  /** Set by a test: downloads go to the sign-in page even with the bot token (access withdrawn). */
  signInRequired = false;
  private readonly files = new Map<string, StoredFile>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly botToken: string,
  ) {}

  /** Stores a file and returns its Slack file object. */
  add(fields: SharedFileFields & { user: string }, created: number): Record<string, unknown> {
    const id = `F1${String(this.files.size + 1).padStart(8, "0")}`;
    const file: StoredFile = { ...fields, id, created };
    this.files.set(id, file);
    return this.fileObject(file);
  }

  /** The `files.info` answer for `id`. */
  info(id: string): Record<string, unknown> {
    const file = this.files.get(id);
    return file
      ? { ok: true, file: this.fileObject(file), comments: [] }
      : { ok: false, error: "file_not_found" };
  }

  /** Whether `path` is a file download this stub serves. */
  serves(path: string): boolean {
    return path.startsWith(DOWNLOAD_PREFIX) || path === "/signin";
  }

  /** Answers a download (bytes with the bot token, the sign-in redirect without) or the sign-in page. */
  serve(path: string, request: IncomingMessage, response: ServerResponse): void {
    if (path === "/signin") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html>Logga in</html>");
      return;
    }
    const id = path.slice(DOWNLOAD_PREFIX.length).split("/")[0]?.replace(`${TEAM}-`, "") ?? "";
    const file = this.files.get(id);
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "") || null;
    const served = file !== undefined && token === this.botToken && !this.signInRequired;
    if (file) this.downloads.push({ fileId: id, token, served });
    if (!file) return void response.writeHead(404).end("not found");
    if (!served) return void response.writeHead(302, { location: `${this.baseUrl()}/signin` }).end();
    response
      .writeHead(200, { "content-type": file.mimetype, "content-length": String(file.bytes.length) })
      .end(file.bytes);
  }

  private fileObject(file: StoredFile): Record<string, unknown> {
    const extension = file.name.includes(".") ? (file.name.split(".").at(-1) ?? "") : "";
    return {
      id: file.id,
      created: file.created,
      timestamp: file.created,
      name: file.name,
      title: file.title ?? file.name,
      mimetype: file.mimetype,
      filetype: extension.toLowerCase() || "binary",
      pretty_type: extension.toUpperCase() || "Binary",
      user: file.user,
      mode: "hosted",
      editable: false,
      is_external: false,
      external_type: "",
      size: file.bytes.length,
      url_private: `${this.baseUrl()}${DOWNLOAD_PREFIX}${TEAM}-${file.id}/${encodeURIComponent(file.name)}`,
      url_private_download: `${this.baseUrl()}${DOWNLOAD_PREFIX}${TEAM}-${file.id}/download/${encodeURIComponent(file.name)}`,
      permalink: `https://samsyn-test.slack.com/files/${file.user}/${file.id}/${encodeURIComponent(file.name)}`,
      permalink_public: `https://slack-files.com/${TEAM}-${file.id}-0123456789`,
      is_public: true,
    };
  }
}
