import { generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CloudEnvironment, PUBLIC, withOverrides } from "@microsoft/teams.api";
import { EntraCertificates } from "./entra-certificates.ts";

/** A person (or bot) as the connector describes members. */
export interface FakeTeamsAccount {
  id: string;
  name: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
}

/** One activity Samsyn sent, as the stub received it. */
export interface RecordedActivity {
  method: "POST" | "PUT";
  conversationId: string;
  /** The activity replied to (`POST …/activities/{id}`) or updated (`PUT`); null for a new post. */
  activityId: string | null;
  /** The id the stub gave (or kept for) the activity. */
  sentId: string;
  activity: Record<string, unknown>;
  authorization: string | null;
}

/** A `POST /v3/conversations` (a new personal chat). */
export interface RecordedConversation {
  id: string;
  parameters: Record<string, unknown>;
  authorization: string | null;
}

/** A request to the token endpoint and whether its certificate assertion held. */
export interface RecordedTokenRequest {
  tenant: string;
  clientId: string;
  scope: string;
  assertionValid: boolean;
}

export interface FakeBotConnectorOptions {
  /** Conversation id → members, for `GET /v3/conversations/{id}/members/{memberId}`. */
  members?: Record<string, FakeTeamsAccount[]>;
  /** People any personal chat (`a:…`) can find as its member. */
  people?: FakeTeamsAccount[];
  /** Reject connector calls without a token from the stub's token endpoint (default true). */
  requireToken?: boolean;
}

const ISSUER = PUBLIC.tokenIssuer;

/**
 * A local stand-in for the Bot Framework as Teams apps see it: the connector service
 * (`/v3/conversations/…`, the wire format of the REST API), the OpenID metadata and signing keys
 * incoming tokens are checked against, and an Entra token endpoint that checks certificate client
 * assertions. It records what Samsyn sends and rejects connector calls without a token it issued.
 */
export class FakeBotConnector {
  readonly activities: RecordedActivity[] = [];
  readonly conversations: RecordedConversation[] = [];
  readonly tokenRequests: RecordedTokenRequest[] = [];
  readonly accessTokens = new Set<string>();
  private readonly signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  private readonly keyId = `key-${randomUUID().slice(0, 8)}`;
  private readonly certificates = new EntraCertificates();
  private readonly members: Map<string, FakeTeamsAccount[]>;
  private readonly people: FakeTeamsAccount[];
  private readonly requireToken: boolean;
  private sequence = 0;
  private baseUrl = "";

  private constructor(
    private readonly server: Server,
    options: FakeBotConnectorOptions,
  ) {
    this.members = new Map(Object.entries(options.members ?? {}));
    this.people = options.people ?? [];
    this.requireToken = options.requireToken ?? true;
  }

  /** Starts the stub on 127.0.0.1 with a free port. */
  static async start(options: FakeBotConnectorOptions = {}): Promise<FakeBotConnector> {
    const server = createServer();
    const fake = new FakeBotConnector(server, options);
    server.on("request", (request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        // A bug in the stub must fail the test at once, not leave the app waiting.
        json(response, 500, { error: String(error) });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The connector address activities carry as `serviceUrl` (with the trailing slash Teams uses). */
  get serviceUrl(): string {
    return `${this.baseUrl}/`;
  }

  /** The public cloud, with its login, metadata and key endpoints pointing at this stub. */
  cloud(): CloudEnvironment {
    return withOverrides(PUBLIC, {
      loginEndpoint: this.baseUrl,
      openIdMetadataUrl: `${this.baseUrl}/v1/.well-known/openidconfiguration`,
    });
  }

  /**
   * A certificate for the app, registered with the token endpoint as one uploads it to Entra: the
   * private key (PEM) and the SHA-1 thumbprint Samsyn is configured with.
   */
  createCertificate(): { thumbprint: string; privateKeyPem: string } {
    return this.certificates.create();
  }

  /**
   * A Bot Framework token for an incoming request, as the Bot Framework signs it. `foreignKey`
   * signs with a key the metadata does not list (a forgery).
   */
  issueToken(claims: {
    audience: string;
    serviceUrl?: string;
    foreignKey?: boolean;
    expiresInS?: number;
  }): string {
    const now = Math.floor(Date.now() / 1000);
    const key = claims.foreignKey
      ? generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
      : this.signingKey.privateKey;
    return signJwt(
      { alg: "RS256", typ: "JWT", kid: this.keyId },
      {
        iss: ISSUER,
        aud: claims.audience,
        serviceurl: claims.serviceUrl ?? this.serviceUrl,
        nbf: now - 5,
        iat: now - 5,
        exp: now + (claims.expiresInS ?? 3600),
      },
      key,
    );
  }

  /** Waits until an activity matching `predicate` arrives, and returns it. */
  async waitFor(
    predicate: (recorded: RecordedActivity) => boolean,
    timeoutMs = 8000,
  ): Promise<RecordedActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.activities.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no matching activity within ${timeoutMs} ms; got ${JSON.stringify(this.activities.map(summary))}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Messages (not "typing…") sent to a conversation, in order. */
  messagesIn(conversationId: string): RecordedActivity[] {
    return this.activities.filter(
      (recorded) => recorded.conversationId === conversationId && recorded.activity.type === "message",
    );
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A doubled slash ("…/teams//v3/…") is a client bug the real service need not forgive.
    if ((request.url ?? "/").startsWith("//")) return json(response, 404, { error: "double slash in path" });
    const url = new URL(request.url ?? "/", this.baseUrl);
    const body = await readBody(request);
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (request.method === "GET" && url.pathname === "/v1/.well-known/openidconfiguration") {
      return json(response, 200, {
        issuer: ISSUER,
        jwks_uri: `${this.baseUrl}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (request.method === "GET" && url.pathname === "/v1/.well-known/keys") {
      const jwk = this.signingKey.publicKey.export({ format: "jwk" });
      return json(response, 200, { keys: [{ ...jwk, kid: this.keyId, use: "sig", alg: "RS256" }] });
    }
    if (request.method === "POST" && parts.length === 4 && parts[1] === "oauth2" && parts[3] === "token") {
      return this.token(parts[0] ?? "", new URLSearchParams(body), url, response);
    }
    if (parts[0] !== "v3" || parts[1] !== "conversations") return json(response, 404, { error: "not found" });
    const authorization = request.headers.authorization ?? null;
    if (this.requireToken && !this.accessTokens.has((authorization ?? "").replace(/^Bearer /, ""))) {
      return json(response, 401, { error: { code: "Unauthorized", message: "no token issued by the stub" } });
    }
    return this.connector(request.method ?? "", parts.slice(2), body, authorization, response);
  }

  private connector(
    method: string,
    path: string[],
    body: string,
    authorization: string | null,
    response: ServerResponse,
  ): void {
    const [conversationId, collection, itemId] = path;
    if (method === "POST" && path.length === 0) {
      const id = `a:1on1-${++this.sequence}`;
      this.conversations.push({ id, parameters: JSON.parse(body), authorization });
      json(response, 201, { id, activityId: "", serviceUrl: this.serviceUrl });
      return;
    }
    if (!conversationId) {
      json(response, 404, { error: "not found" });
      return;
    }
    if (method === "GET" && collection === "members" && itemId) {
      const member = this.memberOf(conversationId, itemId);
      if (!member) {
        json(response, 404, { error: { code: "MemberNotFoundInConversation" } });
        return;
      }
      json(response, 200, member);
      return;
    }
    if (collection !== "activities" || (method !== "POST" && method !== "PUT")) {
      json(response, 404, { error: "not found" });
      return;
    }
    const sentId =
      method === "PUT" && itemId ? itemId : `${Date.now()}${String(++this.sequence).padStart(4, "0")}`;
    this.activities.push({
      method,
      conversationId,
      activityId: itemId ?? null,
      sentId,
      activity: JSON.parse(body),
      authorization,
    });
    json(response, method === "PUT" ? 200 : 201, { id: sentId });
  }

  private memberOf(conversationId: string, memberId: string): FakeTeamsAccount | undefined {
    const pool = this.members.get(conversationId) ?? (conversationId.startsWith("a:") ? this.people : []);
    return pool.find((member) => member.id === memberId || member.aadObjectId === memberId);
  }

  private token(tenant: string, form: URLSearchParams, url: URL, response: ServerResponse): void {
    const clientId = form.get("client_id") ?? "";
    const assertion = form.get("client_assertion") ?? "";
    const assertionValid = this.certificates.accepts(assertion, clientId, `${this.baseUrl}${url.pathname}`);
    this.tokenRequests.push({ tenant, clientId, scope: form.get("scope") ?? "", assertionValid });
    if (!assertionValid || form.get("grant_type") !== "client_credentials") {
      json(response, 401, { error: "invalid_client" });
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const accessToken = signJwt(
      { alg: "RS256", typ: "JWT", kid: this.keyId },
      { iss: ISSUER, aud: "https://api.botframework.com", appid: clientId, iat: now, exp: now + 3600 },
      this.signingKey.privateKey,
    );
    this.accessTokens.add(accessToken);
    json(response, 200, { token_type: "Bearer", expires_in: 3600, access_token: accessToken });
  }
}

function signJwt(header: object, claims: object, key: KeyObject): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${sign("sha256", Buffer.from(unsigned), key).toString("base64url")}`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

function summary(recorded: RecordedActivity): string {
  return `${recorded.method} ${recorded.conversationId} ${String(recorded.activity.type)} ${String(recorded.activity.text ?? "").slice(0, 40)}`;
}
