import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EntraCertificates } from "./entra-certificates.ts";

/** One request the Graph part of the stub received (the token endpoint and downloads aside). */
export interface RecordedGraphRequest {
  method: string;
  /** Path and query as sent, decoded, e.g. `/v1.0/drives/d1/root/delta?token=…`. */
  path: string;
  authorization: string | null;
}

/** One call to the token endpoint and what the stub made of it. */
export interface RecordedTokenRequest {
  tenant: string;
  clientId: string;
  scope: string;
  grantType: string;
  /** How the app proved itself. */
  proof: "secret" | "certificate" | "none";
  /** Whether the secret matched, or the assertion was signed by a registered certificate with the right claims. */
  accepted: boolean;
}

export interface FakeGraphOptions {
  appId: string;
  tenantId: string;
  /** The app's client secret; omit to accept certificates only. */
  clientSecret?: string;
  /** SharePoint host name, e.g. `contoso.sharepoint.com`. */
  hostname?: string;
  /** Server-relative site path, e.g. `/sites/samverkan`. */
  sitePath?: string;
  /** Items per delta page, small so tests see @odata.nextLink. */
  pageSize?: number;
  /** Leave cTag out of delta answers, as SharePoint and OneDrive for Business do for changed files. */
  omitCTagInDelta?: boolean;
}

interface StoredItem {
  id: string;
  name: string;
  parentId: string | null;
  folder: boolean;
  content: Buffer;
  version: number;
  /** The change counter when the item last changed; delta returns items changed after a token's. */
  changedAt: number;
  deleted: boolean;
}

/** What a delta token holds: changes after `since`, up to `upTo`, from `offset`. */
interface DeltaToken {
  generation: number;
  since: number;
  upTo: number;
  offset: number;
}

/**
 * A Microsoft Graph stub on 127.0.0.1 speaking the documented wire format for what the
 * SharePoint source uses: the Entra token endpoint (client secret or certificate assertion),
 * `/sites/{hostname}:/{path}`, `/sites/{id}/drive`, `/drives/{id}/root:/{path}`,
 * `/drives/{id}/root/delta` with `@odata.nextLink` pages and an `@odata.deltaLink`, deleted items,
 * `/content` as a 302 to a pre-authenticated URL that refuses an Authorization header, 429/503
 * with Retry-After and 410 resyncRequired on demand.
 */
export class FakeGraphApi {
  baseUrl = "";
  readonly siteId = `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`;
  readonly driveId = `b!${randomBytes(12).toString("base64url")}`;
  readonly rootId = "01ROOT";
  readonly requests: RecordedGraphRequest[] = [];
  readonly tokenRequests: RecordedTokenRequest[] = [];
  /** Item names in the order their bytes were downloaded. */
  readonly downloads: string[] = [];
  /** Downloads refused because they carried an Authorization header. */
  readonly downloadsWithToken: string[] = [];
  private readonly items = new Map<string, StoredItem>();
  private readonly certificates = new EntraCertificates();
  private readonly accessTokens = new Set<string>();
  private readonly downloadLinks = new Map<string, string>();
  private readonly failingDownloads = new Map<string, number>();
  private changes = 0;
  private tokenGeneration = 0;
  private sequence = 0;
  private throttled: { count: number; retryAfter: string | null; status: number } = {
    count: 0,
    retryAfter: null,
    status: 429,
  };
  private denied = false;
  private readonly hostname: string;
  private readonly sitePath: string;
  private readonly pageSize: number;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeGraphOptions,
  ) {
    this.hostname = options.hostname ?? "contoso.sharepoint.com";
    this.sitePath = options.sitePath ?? "/sites/samverkan";
    this.pageSize = options.pageSize ?? 2;
    this.items.set(this.rootId, {
      id: this.rootId,
      name: "root",
      parentId: null,
      folder: true,
      content: Buffer.alloc(0),
      version: 1,
      changedAt: 0,
      deleted: false,
    });
  }

  /** Starts the stub on a free port. */
  static async start(options: FakeGraphOptions): Promise<FakeGraphApi> {
    const server = createServer();
    const fake = new FakeGraphApi(server, options);
    server.on("request", (request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        // A bug in the stub must fail the test at once, not look like a Graph outage.
        json(response, 500, { error: { code: "stubFailure", message: String(error) } });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A certificate registered on the app: its private key (PEM) and SHA-1 thumbprint (hex). */
  createCertificate(): { thumbprint: string; privateKeyPem: string } {
    return this.certificates.create();
  }

  /** Creates the folders of `path` that do not exist yet; returns the last one's id. */
  addFolder(path: string): string {
    let parent = this.rootId;
    for (const name of segments(path)) {
      const existing = this.childNamed(parent, name);
      if (existing) {
        parent = existing.id;
        continue;
      }
      parent = this.store({ name, parentId: parent, folder: true, content: Buffer.alloc(0) }).id;
    }
    return parent;
  }

  /** Adds a file (its folders too); returns its item id. */
  addFile(path: string, content: string | Buffer): string {
    const parts = segments(path);
    const name = parts.pop() ?? "";
    const parentId = this.addFolder(parts.join("/"));
    return this.store({ name, parentId, folder: false, content: Buffer.from(content) }).id;
  }

  /** New content for a file: a new eTag and cTag. */
  editFile(path: string, content: string | Buffer): void {
    const item = this.at(path);
    item.content = Buffer.from(content);
    this.touch(item);
  }

  /** Moves and/or renames an item, as a user dragging it in SharePoint does. */
  moveItem(path: string, toFolder: string, newName?: string): void {
    const item = this.at(path);
    item.parentId = this.addFolder(toFolder);
    if (newName) item.name = newName;
    this.touch(item);
  }

  /** Deletes an item (a folder with what it holds), as the recycle bin sees it. */
  deleteItem(path: string): void {
    const item = this.at(path);
    const doomed = [item];
    for (let next = doomed.shift(); next; next = doomed.shift()) {
      next.deleted = true;
      this.touch(next);
      doomed.push(
        ...[...this.items.values()].filter((child) => child.parentId === next.id && !child.deleted),
      );
    }
  }

  /** The next `count` Graph requests are answered with `status` and this Retry-After (seconds). */
  throttle(count: number, retryAfterSeconds: number | null, status = 429): void {
    this.throttled = {
      count,
      retryAfter: retryAfterSeconds === null ? null : String(retryAfterSeconds),
      status,
    };
  }

  /** Every delta token handed out so far is answered with 410 resyncRequired. */
  expireDeltaTokens(): void {
    this.tokenGeneration++;
  }

  /** Sites and drives answer 403 accessDenied, as for an app without a Sites.Selected grant. */
  denyAccess(denied = true): void {
    this.denied = denied;
  }

  /** The download of this file answers `status` (until `status` is null). */
  failDownload(path: string, status: number | null): void {
    const id = this.at(path).id;
    if (status === null) this.failingDownloads.delete(id);
    else this.failingDownloads.set(id, status);
  }

  /** Where people open a file: the library's address and its path. */
  webUrl(id: string): string {
    const names: string[] = [];
    for (let item = this.items.get(id); item?.parentId; item = this.items.get(item.parentId)) {
      names.unshift(item.name);
    }
    return `https://${this.hostname}${this.sitePath}/Delade%20dokument/${names.map(encodeURIComponent).join("/")}`;
  }

  /** Requests whose path starts with `prefix` (after `/v1.0`). */
  requestsTo(prefix: string): RecordedGraphRequest[] {
    return this.requests.filter((request) => request.path.startsWith(`/v1.0${prefix}`));
  }

  private store(fields: Pick<StoredItem, "name" | "parentId" | "folder" | "content">): StoredItem {
    const item: StoredItem = {
      ...fields,
      id: `01ITEM${String(++this.sequence).padStart(4, "0")}`,
      version: 1,
      changedAt: ++this.changes,
      deleted: false,
    };
    this.items.set(item.id, item);
    return item;
  }

  private touch(item: StoredItem): void {
    item.version++;
    item.changedAt = ++this.changes;
  }

  private childNamed(parentId: string, name: string): StoredItem | undefined {
    return [...this.items.values()].find(
      (item) => item.parentId === parentId && item.name === name && !item.deleted,
    );
  }

  private at(path: string): StoredItem {
    let item = this.items.get(this.rootId);
    for (const name of segments(path)) item = item && this.childNamed(item.id, name);
    if (!item) throw new Error(`no item at ${path}`);
    return item;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<Replied> {
    const url = new URL(request.url ?? "/", this.baseUrl);
    const body = await readBody(request);
    const parts = url.pathname.split("/").filter((part) => part !== "");
    if (request.method === "POST" && parts.length === 4 && parts[1] === "oauth2" && parts[3] === "token") {
      return this.token(decodeURIComponent(parts[0] ?? ""), new URLSearchParams(body), url, response);
    }
    if (parts[0] === "download") return this.serveDownload(request, parts[1] ?? "", response);
    if (parts[0] !== "v1.0")
      return json(response, 404, { error: { code: "notFound", message: "no such route" } });
    const authorization = request.headers.authorization ?? null;
    this.requests.push({
      method: request.method ?? "",
      path: decodeURIComponent(`${url.pathname}${url.search}`),
      authorization,
    });
    if (!this.accessTokens.has((authorization ?? "").replace(/^Bearer /, ""))) {
      return json(response, 401, {
        error: { code: "InvalidAuthenticationToken", message: "Access token is empty." },
      });
    }
    if (this.throttled.count > 0) {
      this.throttled.count--;
      const headers: Record<string, string> = this.throttled.retryAfter
        ? { "retry-after": this.throttled.retryAfter }
        : {};
      return json(
        response,
        this.throttled.status,
        { error: { code: "TooManyRequests", message: "Please retry again later." } },
        headers,
      );
    }
    if (this.denied)
      return json(response, 403, { error: { code: "accessDenied", message: "Access denied" } });
    return this.graph(url, response);
  }

  private graph(url: URL, response: ServerResponse): Replied {
    const path = decodeURIComponent(url.pathname.slice("/v1.0".length));
    const sitePrefix = `/sites/${this.hostname}:${this.sitePath}`;
    if (path === sitePrefix || path === `/sites/${this.siteId}`) {
      return json(response, 200, { id: this.siteId, webUrl: `https://${this.hostname}${this.sitePath}` });
    }
    if (path === `/sites/${this.siteId}/drive`) {
      return json(response, 200, { id: this.driveId, driveType: "documentLibrary", name: "Documents" });
    }
    const drivePrefix = `/drives/${this.driveId}`;
    if (!path.startsWith(`${drivePrefix}/`)) return notFound(response);
    const rest = path.slice(drivePrefix.length);
    if (rest === "/root/delta") return this.delta(url, response);
    if (rest.startsWith("/root:/")) {
      const item = this.findPath(rest.slice("/root:/".length).replace(/:$/, ""));
      return item ? json(response, 200, this.describe(item)) : notFound(response);
    }
    const [, collection, id, action] = rest.split("/");
    const item = collection === "items" && id ? this.items.get(id) : undefined;
    if (!item || item.deleted) return notFound(response);
    if (action === undefined) return json(response, 200, this.describe(item));
    if (action !== "content" || item.folder) return notFound(response);
    const signature = randomBytes(16).toString("hex");
    this.downloadLinks.set(signature, item.id);
    response.writeHead(302, { location: `${this.baseUrl}/download/${signature}` }).end();
    return "replied";
  }

  private delta(url: URL, response: ServerResponse): Replied {
    const raw = url.searchParams.get("token");
    let token: DeltaToken = { generation: this.tokenGeneration, since: -1, upTo: this.changes, offset: 0 };
    if (raw) {
      token = JSON.parse(Buffer.from(raw, "base64url").toString()) as DeltaToken;
      if (token.generation !== this.tokenGeneration) {
        const fresh = `${this.baseUrl}/v1.0/drives/${this.driveId}/root/delta`;
        return json(
          response,
          410,
          {
            error: {
              code: "resyncRequired",
              message: "Resync required. Replace any local items with the server's version.",
            },
          },
          { location: fresh },
        );
      }
      // A delta link starts a new round: everything changed since it was issued, up to now.
      if (token.upTo === token.since) token = { ...token, upTo: this.changes };
    }
    const changed = [...this.items.values()]
      .filter((item) => item.changedAt > token.since && item.changedAt <= token.upTo)
      // A first listing shows what is there; later rounds show deletions too.
      .filter((item) => token.since >= 0 || !item.deleted)
      .sort((a, b) => a.changedAt - b.changedAt);
    const page = changed.slice(token.offset, token.offset + this.pageSize);
    const link = (next: DeltaToken) =>
      `${this.baseUrl}/v1.0/drives/${this.driveId}/root/delta?token=${Buffer.from(JSON.stringify(next)).toString("base64url")}`;
    const more = token.offset + this.pageSize < changed.length;
    return json(response, 200, {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(driveItem)",
      value: page.map((item) => {
        const { cTag: _, ...withoutCTag } = this.describe(item);
        return this.options.omitCTagInDelta ? withoutCTag : this.describe(item);
      }),
      ...(more
        ? { "@odata.nextLink": link({ ...token, offset: token.offset + this.pageSize }) }
        : {
            "@odata.deltaLink": link({
              generation: token.generation,
              since: token.upTo,
              upTo: token.upTo,
              offset: 0,
            }),
          }),
    });
  }

  /** A driveItem as Graph returns it; deleted items as OneDrive for Business does (no name, no cTag). */
  private describe(item: StoredItem): Record<string, unknown> {
    const parentReference = {
      driveId: this.driveId,
      driveType: "documentLibrary",
      id: item.parentId ?? undefined,
    };
    if (item.deleted) return { id: item.id, deleted: { state: "deleted" }, parentReference };
    const tag = `{${item.id}},${item.version}`;
    return {
      id: item.id,
      name: item.name,
      eTag: `"${tag}"`,
      cTag: `"c:${tag}"`,
      size: item.content.length,
      webUrl: this.webUrl(item.id),
      lastModifiedDateTime: new Date().toISOString(),
      parentReference: item.parentId
        ? parentReference
        : { driveId: this.driveId, driveType: "documentLibrary" },
      ...(item.id === this.rootId ? { root: {} } : {}),
      ...(item.folder
        ? {
            folder: {
              childCount: [...this.items.values()].filter((child) => child.parentId === item.id).length,
            },
          }
        : { file: { mimeType: "application/octet-stream" } }),
    };
  }

  private findPath(path: string): StoredItem | undefined {
    try {
      return this.at(path);
    } catch {
      return undefined;
    }
  }

  private serveDownload(request: IncomingMessage, signature: string, response: ServerResponse): Replied {
    const id = this.downloadLinks.get(signature);
    const item = id ? this.items.get(id) : undefined;
    if (!item) return json(response, 404, { error: { code: "itemNotFound", message: "link expired" } });
    if (request.headers.authorization) {
      // The pre-authenticated URL is on another host; a bearer token there is refused (and leaked).
      this.downloadsWithToken.push(item.name);
      return json(response, 401, {
        error: { code: "unauthenticated", message: "no Authorization header here" },
      });
    }
    const failing = this.failingDownloads.get(item.id);
    if (failing)
      return json(response, failing, { error: { code: "serviceNotAvailable", message: "try later" } });
    this.downloads.push(item.name);
    response.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": item.content.length,
    });
    response.end(item.content);
    return "replied";
  }

  private token(tenant: string, form: URLSearchParams, url: URL, response: ServerResponse): Replied {
    const clientId = form.get("client_id") ?? "";
    const assertion = form.get("client_assertion");
    const secret = form.get("client_secret");
    const proof = assertion ? "certificate" : secret ? "secret" : "none";
    const proven =
      proof === "certificate"
        ? form.get("client_assertion_type") === "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" &&
          this.certificates.accepts(assertion ?? "", clientId, `${this.baseUrl}${url.pathname}`)
        : proof === "secret" &&
          this.options.clientSecret !== undefined &&
          secret === this.options.clientSecret;
    const accepted =
      proven &&
      tenant === this.options.tenantId &&
      clientId === this.options.appId &&
      form.get("grant_type") === "client_credentials" &&
      form.get("scope") === `${this.baseUrl}/.default`;
    this.tokenRequests.push({
      tenant,
      clientId,
      scope: form.get("scope") ?? "",
      grantType: form.get("grant_type") ?? "",
      proof,
      accepted,
    });
    if (!accepted) {
      return json(response, 401, {
        error: "invalid_client",
        error_description: "AADSTS7000215: Invalid client secret provided.",
      });
    }
    const accessToken = randomBytes(24).toString("base64url");
    this.accessTokens.add(accessToken);
    return json(response, 200, {
      token_type: "Bearer",
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: accessToken,
    });
  }
}

function segments(path: string): string[] {
  return path.split("/").filter((part) => part !== "");
}

function notFound(response: ServerResponse): Replied {
  return json(response, 404, {
    error: { code: "itemNotFound", message: "The resource could not be found." },
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Handlers return this, so every path through them visibly answers the request. */
type Replied = "replied";

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Replied {
  response
    .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
    .end(JSON.stringify(body));
  return "replied";
}
