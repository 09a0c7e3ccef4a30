import { generateKeyPairSync, type KeyObject, randomBytes, verify } from "node:crypto";

/**
 * The certificates an app has registered in Entra, as a token endpoint checks them: a
 * `client_assertion` is an RS256 JWT whose `x5t` header names the certificate's SHA-1 thumbprint.
 * Shared by the fake token endpoints (Bot Framework, Microsoft Graph).
 */
export class EntraCertificates {
  private readonly keys = new Map<string, KeyObject>();

  /** Registers a new certificate: its private key (PEM) and SHA-1 thumbprint (hex), as Samsyn is configured. */
  create(): { thumbprint: string; privateKeyPem: string } {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const thumbprint = randomBytes(20).toString("hex");
    this.keys.set(Buffer.from(thumbprint, "hex").toString("base64url"), pair.publicKey);
    return { thumbprint, privateKeyPem: pair.privateKey.export({ format: "pem", type: "pkcs8" }).toString() };
  }

  /** Whether `assertion` is signed by a registered certificate for `clientId`, meant for `audience` and unexpired. */
  accepts(assertion: string, clientId: string, audience: string): boolean {
    const [header, claims, signature] = assertion.split(".");
    if (!header || !claims || !signature) return false;
    const parsedHeader = JSON.parse(Buffer.from(header, "base64url").toString()) as {
      x5t?: string;
      alg?: string;
    };
    const key = this.keys.get(parsedHeader.x5t ?? "");
    if (!key || parsedHeader.alg !== "RS256") return false;
    if (!verify("sha256", Buffer.from(`${header}.${claims}`), key, Buffer.from(signature, "base64url")))
      return false;
    const parsed = JSON.parse(Buffer.from(claims, "base64url").toString()) as Record<string, unknown>;
    return (
      parsed.iss === clientId &&
      parsed.sub === clientId &&
      parsed.aud === audience &&
      typeof parsed.exp === "number" &&
      parsed.exp > Date.now() / 1000
    );
  }
}
