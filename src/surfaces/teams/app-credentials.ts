import type { AppOptions, IPlugin } from "@microsoft/teams.apps";
import { EntraTokenProvider } from "../../microsoft/entra-token-provider.ts";
import { readPrivateKeyFile } from "../../microsoft/read-private-key-file.ts";
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
      const provider = new EntraTokenProvider({
        clientId: appId,
        credential: {
          kind: "certificate",
          thumbprint: config.credentials.thumbprint,
          privateKeyPem: readPrivateKeyFile(config.credentials.privateKeyFile),
        },
        loginEndpoint: config.cloud.loginEndpoint,
        defaultTenant: "botframework.com",
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
