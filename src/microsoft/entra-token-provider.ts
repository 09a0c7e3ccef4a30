import { createPrivateKey, type KeyObject, randomUUID, sign } from "node:crypto";
import { z } from "zod";

/** Renew this long before a token expires, so a request never starts with a token about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;
/** How long a signed client assertion is valid. */
const ASSERTION_LIFETIME_S = 600;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

/** How the app proves who it is to Microsoft Entra: a client secret, or a certificate's private key. */
export type EntraCredential =
  | { kind: "secret"; secret: string }
  /** `thumbprint` is the certificate's SHA-1 thumbprint (40 hex characters); `privateKeyPem` its key. */
  | { kind: "certificate"; thumbprint: string; privateKeyPem: string };

/** What the provider needs to know about the app. */
export interface EntraTokenOptions {
  clientId: string;
  credential: EntraCredential;
  /** Entra login endpoint, e.g. https://login.microsoftonline.com. */
  loginEndpoint: string;
  /** Tenant asked when the caller names none (the Bot Framework's `botframework.com`). */
  defaultTenant: string;
  fetch?: typeof fetch;
}

/** The token endpoint refused or answered nonsense; `status` is its HTTP status (0 when unreadable). */
export class EntraTokenError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Entra's error code (`invalid_client`, `unauthorized_client` …) when it gave one. */
    readonly errorCode: string | null,
  ) {
    super(message);
    this.name = "EntraTokenError";
  }
}

/**
 * Gets app-only tokens from Microsoft Entra (OAuth 2.0 client credentials) with a client secret or
 * with a signed JWT client assertion from a certificate. The Teams SDK calls it for Bot Framework
 * tokens (it only knows secrets itself); the SharePoint source for Microsoft Graph. Tokens are
 * cached per tenant and scope until shortly before they expire.
 */
export class EntraTokenProvider {
  private readonly key: KeyObject | null;
  private readonly cache = new Map<string, { token: string; renewAt: number }>();
  private readonly fetch: typeof fetch;

  constructor(private readonly options: EntraTokenOptions) {
    this.key =
      options.credential.kind === "certificate" ? createPrivateKey(options.credential.privateKeyPem) : null;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** A token for `scope` in `tenantId`; the signature the Teams SDK's `token` option expects. */
  async token(scope: string | string[], tenantId: string | undefined): Promise<string> {
    const scopes = Array.isArray(scope) ? scope.join(" ") : scope;
    const tenant = tenantId || this.options.defaultTenant;
    const key = `${tenant} ${scopes}`;
    const cached = this.cache.get(key);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const endpoint = `${this.options.loginEndpoint.replace(/\/+$/, "")}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
    const response = await this.fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: this.options.clientId,
        scope: scopes,
        grant_type: "client_credentials",
        ...this.proof(endpoint),
      }),
    });
    const text = await response.text();
    if (!response.ok) {
      const code = z.object({ error: z.string() }).safeParse(safeJson(text));
      throw new EntraTokenError(
        `token request with ${this.options.credential.kind} failed (${response.status}): ${text.slice(0, 300)}`,
        response.status,
        code.success ? code.data.error : null,
      );
    }
    const parsed = tokenResponseSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new EntraTokenError("token endpoint answered without access_token", 0, null);
    const lifetimeMs = parsed.data.expires_in * 1000;
    this.cache.set(key, {
      token: parsed.data.access_token,
      renewAt: Date.now() + Math.max(lifetimeMs - RENEW_BEFORE_MS, lifetimeMs / 2),
    });
    return parsed.data.access_token;
  }

  /** The form fields that prove the app's identity. */
  private proof(audience: string): Record<string, string> {
    const credential = this.options.credential;
    if (credential.kind === "secret") return { client_secret: credential.secret };
    return {
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: this.assertion(audience, credential.thumbprint),
    };
  }

  /** A client assertion: a short-lived JWT about the app, signed with the certificate's key (RS256). */
  private assertion(audience: string, thumbprint: string): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", x5t: Buffer.from(thumbprint, "hex").toString("base64url") };
    const claims = {
      aud: audience,
      iss: this.options.clientId,
      sub: this.options.clientId,
      jti: randomUUID(),
      nbf: now,
      iat: now,
      exp: now + ASSERTION_LIFETIME_S,
    };
    const unsigned = `${base64url(header)}.${base64url(claims)}`;
    // The constructor made the key whenever the credential is a certificate.
    const signature = sign("sha256", Buffer.from(unsigned), this.key as KeyObject).toString("base64url");
    return `${unsigned}.${signature}`;
  }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
