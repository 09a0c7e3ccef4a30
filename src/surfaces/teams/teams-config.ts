import { type CloudEnvironment, cloudFromName } from "@microsoft/teams.api";
import { z } from "zod";
import { optionalText, parseEnvironment } from "../../config/environment-fields.ts";
import { SamsynError } from "../../errors.ts";

/** How Samsyn proves to the Bot Framework who it is when it sends messages. */
export type TeamsCredentials =
  | { kind: "secret"; password: string }
  /** A certificate registered on the app; the private key (PEM) signs the token requests. */
  | { kind: "certificate"; thumbprint: string; privateKeyFile: string }
  /** A user-assigned managed identity (Azure hosting); no secret at all. */
  | { kind: "managedIdentity" }
  /** Development only: no token checks on incoming requests and no credentials for outgoing ones. */
  | { kind: "none" };

/** Validated Teams settings. */
export interface TeamsConfig {
  /** The bot's Microsoft app (client) id; null only in unauthenticated development mode. */
  appId: string | null;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  /** The app's home tenant (SingleTenant, UserAssignedMSI); null for MultiTenant. */
  tenantId: string | null;
  credentials: TeamsCredentials;
  /** Bot Framework connector used for proactive messages when no conversation has told Samsyn its own. */
  serviceUrl: string;
  /** Login, token and key endpoints of the Microsoft cloud (public, US government or China). */
  cloud: CloudEnvironment;
}

/** The Teams variables with Swedish descriptions, for `.env.example` and the README. */
export const TEAMS_ENVIRONMENT_DOC: readonly { name: string; description: string }[] = [
  {
    name: "MICROSOFT_APP_ID",
    description:
      "App-id (klient-id) för Samsyns Azure Bot / Entra-appregistrering. Startar Teams-kopplingen (Teams anropar /api/messages).",
  },
  {
    name: "MICROSOFT_APP_PASSWORD",
    description: "Klienthemlighet för appregistreringen. Ange den eller ett certifikat.",
  },
  {
    name: "MICROSOFT_APP_TENANT_ID",
    description:
      "Klient-id (tenant) där appen är registrerad. Krävs för SingleTenant och UserAssignedMSI, utelämnas för MultiTenant.",
  },
  {
    name: "MICROSOFT_APP_TYPE",
    description:
      "MultiTenant, SingleTenant eller UserAssignedMSI (hanterad identitet i Azure). Standard: SingleTenant om MICROSOFT_APP_TENANT_ID är satt, annars MultiTenant.",
  },
  {
    name: "MICROSOFT_APP_CERTIFICATE_THUMBPRINT",
    description:
      "Certifikatets tumavtryck (SHA-1, hex som i Azure-portalen), i stället för lösenord. Kräver MICROSOFT_APP_CERTIFICATE_KEY_FILE.",
  },
  {
    name: "MICROSOFT_APP_CERTIFICATE_KEY_FILE",
    description: "Sökväg till certifikatets privata nyckel i PEM-format.",
  },
  {
    name: "TEAMS_ALLOW_UNAUTHENTICATED",
    description:
      "true bara vid utveckling (t.ex. Bot Framework Emulator): tar emot anrop utan kontroll av Bot Framework-token. Vägras när NODE_ENV=production.",
  },
  {
    name: "TEAMS_SERVICE_URL",
    description:
      "Valfri: Bot Framework-adress för påminnelser till kanaler och personer som Samsyn inte hört från än (standard https://smba.trafficmanager.net/teams/).",
  },
  {
    name: "TEAMS_CLOUD",
    description: "Valfri: Public (standard), USGov, USGovDoD eller China.",
  },
  {
    name: "TEAMS_APP_ID",
    description:
      "Valfri, bara för npm run teams:package: Teams-appens id i manifestet (standard MICROSOFT_APP_ID).",
  },
];

/** Variables whose presence means "use Teams"; TEAMS_APP_ID only feeds the app package. */
const TEAMS_VARIABLES = TEAMS_ENVIRONMENT_DOC.map((entry) => entry.name).filter(
  (name) => name !== "TEAMS_APP_ID",
);

const DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;

const environmentSchema = z.object({
  MICROSOFT_APP_ID: optionalText.pipe(
    z
      .string()
      .regex(GUID, { error: "ska vara ett GUID, t.ex. 00000000-0000-0000-0000-000000000000" })
      .optional(),
  ),
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText.pipe(
    z
      .string()
      .regex(TENANT, { error: "ska vara ett GUID eller ett domännamn (contoso.onmicrosoft.com)" })
      .optional(),
  ),
  MICROSOFT_APP_TYPE: optionalText.pipe(
    z
      .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
        error: "ska vara MultiTenant, SingleTenant eller UserAssignedMSI",
      })
      .optional(),
  ),
  MICROSOFT_APP_CERTIFICATE_THUMBPRINT: optionalText.pipe(
    z
      .string()
      .transform((value) => value.replace(/[\s:]/g, "").toLowerCase())
      .pipe(z.string().regex(/^[0-9a-f]{40}$/, { error: "ska vara 40 hexadecimala tecken (SHA-1)" }))
      .optional(),
  ),
  MICROSOFT_APP_CERTIFICATE_KEY_FILE: optionalText,
  TEAMS_ALLOW_UNAUTHENTICATED: optionalText.pipe(
    z.enum(["true", "false", "1", "0"], { error: "ska vara true eller false" }).optional(),
  ),
  TEAMS_SERVICE_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: "ska vara en webbadress, t.ex. https://smba.trafficmanager.net/teams/",
      })
      .optional(),
  ),
  TEAMS_CLOUD: optionalText.pipe(
    z
      .enum(["Public", "USGov", "USGovDoD", "China"], {
        error: "ska vara Public, USGov, USGovDoD eller China",
      })
      .optional(),
  ),
  NODE_ENV: optionalText,
});

type Environment = z.output<typeof environmentSchema>;

/**
 * Reads the Teams variables; null when none is set (Teams is simply not used). Throws
 * `config_invalid` naming the variables when they are set but do not fit together, and refuses
 * unauthenticated mode in production.
 */
export function parseTeamsConfig(environment: Record<string, string | undefined>): TeamsConfig | null {
  const present = TEAMS_VARIABLES.filter((name) => (environment[name] ?? "").trim() !== "");
  const onlyAuthenticationOff =
    present.length === 1 && ["false", "0"].includes((environment.TEAMS_ALLOW_UNAUTHENTICATED ?? "").trim());
  if (present.length === 0 || onlyAuthenticationOff) return null;
  const env = parseEnvironment(environmentSchema, environment, "Ogiltiga Teams-inställningar");
  const common = {
    serviceUrl: withTrailingSlash(env.TEAMS_SERVICE_URL ?? DEFAULT_SERVICE_URL),
    cloud: cloudFromName(env.TEAMS_CLOUD ?? "Public"),
  };
  if (env.TEAMS_ALLOW_UNAUTHENTICATED === "true" || env.TEAMS_ALLOW_UNAUTHENTICATED === "1") {
    return { ...unauthenticated(env), ...common };
  }
  if (!env.MICROSOFT_APP_ID) {
    throw invalid(
      `MICROSOFT_APP_ID saknas men ${present.join(", ")} är satt. Sätt MICROSOFT_APP_ID (appens klient-id) för att använda Teams, ` +
        "eller ta bort Teams-variablerna för att köra utan Teams.",
    );
  }
  const appType = env.MICROSOFT_APP_TYPE ?? (env.MICROSOFT_APP_TENANT_ID ? "SingleTenant" : "MultiTenant");
  if (appType === "MultiTenant" && env.MICROSOFT_APP_TENANT_ID) {
    throw invalid(
      "MICROSOFT_APP_TYPE=MultiTenant men MICROSOFT_APP_TENANT_ID är satt. Ta bort MICROSOFT_APP_TENANT_ID, eller sätt MICROSOFT_APP_TYPE=SingleTenant.",
    );
  }
  if (appType !== "MultiTenant" && !env.MICROSOFT_APP_TENANT_ID) {
    throw invalid(
      `MICROSOFT_APP_TYPE=${appType} kräver MICROSOFT_APP_TENANT_ID (klient-id där appen är registrerad).`,
    );
  }
  return {
    appId: env.MICROSOFT_APP_ID,
    appType,
    tenantId: env.MICROSOFT_APP_TENANT_ID ?? null,
    credentials: credentialsOf(env, appType),
    ...common,
  };
}

/** Whether `NODE_ENV` names production, in any case and with stray spaces (`Production`, `PRODUCTION `). */
export function isProduction(nodeEnv: string | undefined): boolean {
  return nodeEnv?.trim().toLowerCase() === "production";
}

function unauthenticated(env: Environment): Omit<TeamsConfig, "serviceUrl" | "cloud"> {
  if (isProduction(env.NODE_ENV)) {
    throw invalid(
      "TEAMS_ALLOW_UNAUTHENTICATED=true är bara till för utveckling och vägras när NODE_ENV=production. " +
        "Ta bort variabeln och sätt MICROSOFT_APP_ID med lösenord eller certifikat.",
    );
  }
  const secrets = [
    "MICROSOFT_APP_PASSWORD",
    "MICROSOFT_APP_CERTIFICATE_THUMBPRINT",
    "MICROSOFT_APP_CERTIFICATE_KEY_FILE",
  ].filter((name) => env[name as keyof Environment] !== undefined);
  // Unchecked requests choose the serviceUrl replies go to; with credentials that would hand the
  // bot's token to whoever sent the request.
  if (secrets.length > 0) {
    throw invalid(
      `TEAMS_ALLOW_UNAUTHENTICATED=true kan inte kombineras med ${secrets.join(", ")}: utan kontroll av inkommande anrop ` +
        "kunde vem som helst få Samsyn att skicka sin token till en främmande adress. Ta bort den ena eller den andra.",
    );
  }
  return {
    appId: env.MICROSOFT_APP_ID ?? null,
    appType: env.MICROSOFT_APP_TYPE ?? "MultiTenant",
    tenantId: env.MICROSOFT_APP_TENANT_ID ?? null,
    credentials: { kind: "none" },
  };
}

function credentialsOf(env: Environment, appType: TeamsConfig["appType"]): TeamsCredentials {
  const thumbprint = env.MICROSOFT_APP_CERTIFICATE_THUMBPRINT;
  const keyFile = env.MICROSOFT_APP_CERTIFICATE_KEY_FILE;
  if ((thumbprint === undefined) !== (keyFile === undefined)) {
    throw invalid(
      `${thumbprint ? "MICROSOFT_APP_CERTIFICATE_KEY_FILE" : "MICROSOFT_APP_CERTIFICATE_THUMBPRINT"} saknas: ` +
        "ett certifikat kräver både tumavtrycket och filen med den privata nyckeln.",
    );
  }
  const certificate = thumbprint && keyFile ? { thumbprint, keyFile } : null;
  if (appType === "UserAssignedMSI") {
    if (env.MICROSOFT_APP_PASSWORD || certificate) {
      throw invalid(
        "MICROSOFT_APP_TYPE=UserAssignedMSI använder Azures hanterade identitet; ta bort MICROSOFT_APP_PASSWORD och certifikatvariablerna.",
      );
    }
    return { kind: "managedIdentity" };
  }
  if (env.MICROSOFT_APP_PASSWORD && certificate) {
    throw invalid(
      "Både MICROSOFT_APP_PASSWORD och ett certifikat är satta. Välj ett sätt: ta bort lösenordet eller certifikatvariablerna.",
    );
  }
  if (env.MICROSOFT_APP_PASSWORD) return { kind: "secret", password: env.MICROSOFT_APP_PASSWORD };
  if (certificate) {
    return { kind: "certificate", thumbprint: certificate.thumbprint, privateKeyFile: certificate.keyFile };
  }
  throw invalid(
    "MICROSOFT_APP_ID är satt men varken MICROSOFT_APP_PASSWORD eller MICROSOFT_APP_CERTIFICATE_THUMBPRINT + " +
      "MICROSOFT_APP_CERTIFICATE_KEY_FILE. Sätt ett av dem (eller MICROSOFT_APP_TYPE=UserAssignedMSI i Azure). " +
      "För lokal utveckling utan inloggning: TEAMS_ALLOW_UNAUTHENTICATED=true.",
  );
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function invalid(message: string): SamsynError {
  return new SamsynError("config_invalid", message);
}
