import { z } from "zod";
import { optionalText, parseEnvironment } from "../../config/environment-fields.ts";
import { SamsynError } from "../../errors.ts";
import { parseTeamsConfig } from "../../surfaces/teams/teams-config.ts";

/** How Samsyn reaches Microsoft Graph with its own app registration (client credentials). */
export interface GraphSettings {
  /** The app (client) id, MICROSOFT_APP_ID. */
  appId: string;
  /** The tenant that owns the SharePoint sites, MICROSOFT_APP_TENANT_ID. */
  tenantId: string;
  credential:
    | { kind: "secret"; secret: string }
    | { kind: "certificate"; thumbprint: string; keyFile: string };
  /** Graph root without version, e.g. https://graph.microsoft.com; the token scope is `<this>/.default`. */
  graphBaseUrl: string;
  /** Entra login root, e.g. https://login.microsoftonline.com. */
  loginBaseUrl: string;
}

/** The variables only the SharePoint source reads, with Swedish descriptions, for `.env.example`. */
export const GRAPH_ENVIRONMENT_DOC: readonly { name: string; description: string }[] = [
  {
    name: "SAMSYN_GRAPH_BASE_URL",
    description:
      "Valfri: Microsoft Graph för SharePoint-källor (standard efter TEAMS_CLOUD: https://graph.microsoft.com, USGov https://graph.microsoft.us, USGovDoD https://dod-graph.microsoft.us, China https://microsoftgraph.chinacloudapi.cn).",
  },
  {
    name: "SAMSYN_GRAPH_LOGIN_URL",
    description:
      "Valfri: inloggningsadress för Graph-token (standard efter TEAMS_CLOUD, t.ex. https://login.microsoftonline.com).",
  },
];

const url = (example: string) =>
  optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: `ska vara en webbadress, t.ex. ${example}` })
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
  );

const environmentSchema = z.object({
  SAMSYN_GRAPH_BASE_URL: url("https://graph.microsoft.com"),
  SAMSYN_GRAPH_LOGIN_URL: url("https://login.microsoftonline.com"),
});

/**
 * Reads the Graph settings from the same variables as Teams (MICROSOFT_APP_ID,
 * MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_PASSWORD or the certificate pair, TEAMS_CLOUD) plus the
 * optional overrides above. Call it only when a SharePoint source is configured: it throws
 * `config_invalid` in Swedish when the app id, the tenant or a secret/certificate is missing.
 */
export function parseGraphSettings(environment: Record<string, string | undefined>): GraphSettings {
  const teams = parseTeamsConfig(environment);
  const overrides = parseEnvironment(environmentSchema, environment, "Ogiltiga Graph-inställningar");
  if (!teams?.appId || teams.credentials.kind === "none") {
    throw invalid(
      "SharePoint-källor läses med Samsyns appregistrering, men MICROSOFT_APP_ID saknas. Sätt MICROSOFT_APP_ID, " +
        "MICROSOFT_APP_TENANT_ID och MICROSOFT_APP_PASSWORD (eller MICROSOFT_APP_CERTIFICATE_THUMBPRINT + " +
        "MICROSOFT_APP_CERTIFICATE_KEY_FILE), se README, ”SharePoint och Teams-filer”.",
    );
  }
  if (!teams.tenantId) {
    throw invalid(
      "SharePoint-källor kräver MICROSOFT_APP_TENANT_ID (klient-id för organisationen som äger webbplatserna): " +
        "Graph lämnar bara ut token för appen inom en namngiven organisation.",
    );
  }
  const credentials = teams.credentials;
  if (credentials.kind === "managedIdentity") {
    throw invalid(
      "SharePoint-källor kan inte använda MICROSOFT_APP_TYPE=UserAssignedMSI ännu. Sätt MICROSOFT_APP_PASSWORD " +
        "eller MICROSOFT_APP_CERTIFICATE_THUMBPRINT + MICROSOFT_APP_CERTIFICATE_KEY_FILE för appen.",
    );
  }
  // The cloud's Graph scope names Graph's root (`https://graph.microsoft.us/.default`).
  const cloud = teams.cloud;
  return {
    appId: teams.appId,
    tenantId: teams.tenantId,
    credential:
      credentials.kind === "secret"
        ? { kind: "secret", secret: credentials.password }
        : { kind: "certificate", thumbprint: credentials.thumbprint, keyFile: credentials.privateKeyFile },
    graphBaseUrl: overrides.SAMSYN_GRAPH_BASE_URL ?? cloud.graphScope.replace(/\/\.default$/, ""),
    loginBaseUrl: overrides.SAMSYN_GRAPH_LOGIN_URL ?? cloud.loginEndpoint.replace(/\/+$/, ""),
  };
}

function invalid(message: string): SamsynError {
  return new SamsynError("config_invalid", message);
}
