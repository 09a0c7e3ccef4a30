import { readFileSync } from "node:fs";
import type { AppOptions, IPlugin } from "@microsoft/teams.apps";
import { SamsynError } from "../../errors.ts";
import { CertificateTokenProvider } from "./certificate-token-provider.ts";
import type { TeamsConfig } from "./teams-config.ts";

type CredentialOptions = Pick<
  AppOptions<IPlugin>,
  "clientId" | "clientSecret" | "tenantId" | "token" | "managedIdentityClientId"
>;

/**
 * The Teams SDK options that decide how Samsyn authenticates. Every field is set, to an empty
 * string where unused: the SDK falls back to CLIENT_ID, CLIENT_SECRET, TENANT_ID and
 * MANAGED_IDENTITY_CLIENT_ID from the environment for fields left undefined, and Samsyn's
 * configuration alone must decide (in development mode in particular, no credentials at all).
 */
export function appCredentials(config: TeamsConfig): CredentialOptions {
  const unused = { clientId: "", clientSecret: "", tenantId: "", managedIdentityClientId: "" };
  const appId = config.appId ?? "";
  const tenantId = config.tenantId ?? "";
  switch (config.credentials.kind) {
    case "none":
      return unused;
    case "secret":
      return { ...unused, clientId: appId, clientSecret: config.credentials.password, tenantId };
    case "managedIdentity":
      return { ...unused, clientId: appId, tenantId, managedIdentityClientId: appId };
    case "certificate": {
      const provider = new CertificateTokenProvider({
        clientId: appId,
        thumbprint: config.credentials.thumbprint,
        privateKeyPem: readPrivateKey(config.credentials.privateKeyFile),
        loginEndpoint: config.cloud.loginEndpoint,
      });
      return {
        ...unused,
        clientId: appId,
        tenantId,
        token: (scope, tenant) => provider.token(scope, tenant),
      };
    }
  }
}

function readPrivateKey(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    throw new SamsynError(
      "config_invalid",
      `Kunde inte läsa certifikatnyckeln ${file} (MICROSOFT_APP_CERTIFICATE_KEY_FILE): ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (!pem.includes("PRIVATE KEY-----")) {
    throw new SamsynError(
      "config_invalid",
      `${file} (MICROSOFT_APP_CERTIFICATE_KEY_FILE) innehåller ingen privat nyckel i PEM-format (-----BEGIN PRIVATE KEY-----).`,
    );
  }
  return pem;
}
