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

/** What the provider needs to know about the app and its certificate. */
export interface CertificateTokenOptions {
  clientId: string;
  /** SHA-1 thumbprint of the certificate, 40 hex characters. */
  thumbprint: string;
  /** The certificate's private key, PEM. */
  privateKeyPem: string;
  /** Entra login endpoint, e.g. https://login.microsoftonline.com. */
  loginEndpoint: string;
  fetch?: typeof fetch;
}

/**
 * Gets Bot Framework tokens with a certificate instead of a client secret (OAuth 2.0 client
 * credentials with a signed JWT client assertion). The Teams SDK itself only knows secrets and
 * managed identities; it calls this for every outgoing request, so tokens are cached per tenant
 * and scope until shortly before they expire.
 */
export class CertificateTokenProvider {
  private readonly key: KeyObject;
  private readonly cache = new Map<string, { token: string; renewAt: number }>();
  private readonly fetch: typeof fetch;

  constructor(private readonly options: CertificateTokenOptions) {
    this.key = createPrivateKey(options.privateKeyPem);
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** A token for `scope` in `tenantId`; the signature the SDK's `token` option expects. */
  async token(scope: string | string[], tenantId: string | undefined): Promise<string> {
    const scopes = Array.isArray(scope) ? scope.join(" ") : scope;
    const tenant = tenantId || "botframework.com";
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
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: this.assertion(endpoint),
      }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`token request with certificate failed (${response.status}): ${text.slice(0, 300)}`);
    }
    const parsed = tokenResponseSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new Error("token endpoint answered without access_token");
    const lifetimeMs = parsed.data.expires_in * 1000;
    this.cache.set(key, {
      token: parsed.data.access_token,
      renewAt: Date.now() + Math.max(lifetimeMs - RENEW_BEFORE_MS, lifetimeMs / 2),
    });
    return parsed.data.access_token;
  }

  /** A client assertion: a short-lived JWT about the app, signed with the certificate's key (RS256). */
  private assertion(audience: string): string {
    const now = Math.floor(Date.now() / 1000);
    const header = {
      alg: "RS256",
      typ: "JWT",
      x5t: Buffer.from(this.options.thumbprint, "hex").toString("base64url"),
    };
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
    const signature = sign("sha256", Buffer.from(unsigned), this.key).toString("base64url");
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
