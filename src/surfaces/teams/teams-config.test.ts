import { PUBLIC, US_GOV } from "@microsoft/teams.api";
import { describe, expect, it } from "vitest";
import { SamsynError } from "../../errors.ts";
import { parseTeamsConfig, TEAMS_ENVIRONMENT_DOC } from "./teams-config.ts";

const APP_ID = "0b6d1f2a-3c4e-4f5a-8b9c-1d2e3f4a5b6c";
const TENANT = "6f1a0c2e-4b7d-4e8a-9c3f-2d5e8a1b7c40";
const THUMBPRINT = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01";

function failure(environment: Record<string, string>): SamsynError {
  try {
    parseTeamsConfig(environment);
  } catch (error) {
    if (error instanceof SamsynError) return error;
    throw error;
  }
  throw new Error("expected parseTeamsConfig to throw");
}

describe("parseTeamsConfig", () => {
  it("is null when no Teams variable is set, so Samsyn runs without Teams", () => {
    expect(parseTeamsConfig({})).toBeNull();
    expect(parseTeamsConfig({ MICROSOFT_APP_ID: " ", PORT: "3000", NODE_ENV: "production" })).toBeNull();
    expect(parseTeamsConfig({ TEAMS_ALLOW_UNAUTHENTICATED: "false" })).toBeNull();
    expect(parseTeamsConfig({ TEAMS_APP_ID: APP_ID })).toBeNull();
  });

  it("uses a client secret, multi-tenant by default and single-tenant with a tenant id", () => {
    expect(parseTeamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "s3cret" })).toEqual({
      appId: APP_ID,
      appType: "MultiTenant",
      tenantId: null,
      credentials: { kind: "secret", password: "s3cret" },
      serviceUrl: "https://smba.trafficmanager.net/teams/",
      cloud: PUBLIC,
    });
    const single = parseTeamsConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "s3cret",
      MICROSOFT_APP_TENANT_ID: TENANT,
      TEAMS_CLOUD: "USGov",
      TEAMS_SERVICE_URL: "https://smba.infra.gov.teams.microsoft.us/teams",
    });
    expect(single).toMatchObject({ appType: "SingleTenant", tenantId: TENANT, cloud: US_GOV });
    expect(single?.serviceUrl).toBe("https://smba.infra.gov.teams.microsoft.us/teams/");
  });

  it("uses a certificate (thumbprint as the portal shows it) or a managed identity", () => {
    const certificate = parseTeamsConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_CERTIFICATE_THUMBPRINT: THUMBPRINT,
      MICROSOFT_APP_CERTIFICATE_KEY_FILE: "/run/secrets/samsyn.pem",
    });
    expect(certificate?.credentials).toEqual({
      kind: "certificate",
      thumbprint: "abcdef0123456789abcdef0123456789abcdef01",
      privateKeyFile: "/run/secrets/samsyn.pem",
    });
    const identity = parseTeamsConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_TYPE: "UserAssignedMSI",
    });
    expect(identity?.credentials).toEqual({ kind: "managedIdentity" });
  });

  it("names the missing or conflicting variables", () => {
    expect(failure({ MICROSOFT_APP_PASSWORD: "s" }).message).toMatch(/MICROSOFT_APP_ID saknas/);
    const noSecret = failure({ MICROSOFT_APP_ID: APP_ID });
    expect(noSecret.code).toBe("config_invalid");
    expect(noSecret.message).toMatch(/MICROSOFT_APP_PASSWORD/);
    expect(noSecret.message).toMatch(/MICROSOFT_APP_CERTIFICATE_THUMBPRINT/);
    expect(
      failure({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_CERTIFICATE_THUMBPRINT: THUMBPRINT }).message,
    ).toMatch(/MICROSOFT_APP_CERTIFICATE_KEY_FILE saknas/);
    expect(
      failure({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "s", MICROSOFT_APP_TYPE: "SingleTenant" })
        .message,
    ).toMatch(/MICROSOFT_APP_TENANT_ID/);
    expect(
      failure({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: "s",
        MICROSOFT_APP_TYPE: "MultiTenant",
        MICROSOFT_APP_TENANT_ID: TENANT,
      }).message,
    ).toMatch(/MultiTenant men MICROSOFT_APP_TENANT_ID/);
  });

  it("catches malformed values, naming the variable", () => {
    const message = failure({
      MICROSOFT_APP_ID: "samsyn-bot",
      MICROSOFT_APP_PASSWORD: "s",
      MICROSOFT_APP_TYPE: "Tenantless",
      TEAMS_SERVICE_URL: "smba",
    }).message;
    expect(message).toMatch(/MICROSOFT_APP_ID: ska vara ett GUID/);
    expect(message).toMatch(/MICROSOFT_APP_TYPE/);
    expect(message).toMatch(/TEAMS_SERVICE_URL/);
  });

  it("allows unauthenticated development, but not with secrets and never in production", () => {
    expect(parseTeamsConfig({ TEAMS_ALLOW_UNAUTHENTICATED: "true" })).toMatchObject({
      appId: null,
      credentials: { kind: "none" },
    });
    expect(parseTeamsConfig({ TEAMS_ALLOW_UNAUTHENTICATED: "1", MICROSOFT_APP_ID: APP_ID })?.appId).toBe(
      APP_ID,
    );
    const production = failure({ TEAMS_ALLOW_UNAUTHENTICATED: "true", NODE_ENV: "production" });
    expect(production.message).toMatch(/vägras när NODE_ENV=production/);
    for (const spelling of ["Production", "PRODUCTION", " production "]) {
      expect(failure({ TEAMS_ALLOW_UNAUTHENTICATED: "true", NODE_ENV: spelling }).message).toMatch(
        /vägras när NODE_ENV=production/,
      );
    }
    expect(
      parseTeamsConfig({ TEAMS_ALLOW_UNAUTHENTICATED: "true", NODE_ENV: "productionish" }),
    ).not.toBeNull();
    expect(
      failure({ TEAMS_ALLOW_UNAUTHENTICATED: "true", MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "s" })
        .message,
    ).toMatch(/kan inte kombineras med MICROSOFT_APP_PASSWORD/);
  });

  it("documents every variable it reads", () => {
    expect(TEAMS_ENVIRONMENT_DOC.map((entry) => entry.name)).toEqual([
      "MICROSOFT_APP_ID",
      "MICROSOFT_APP_PASSWORD",
      "MICROSOFT_APP_TENANT_ID",
      "MICROSOFT_APP_TYPE",
      "MICROSOFT_APP_CERTIFICATE_THUMBPRINT",
      "MICROSOFT_APP_CERTIFICATE_KEY_FILE",
      "TEAMS_ALLOW_UNAUTHENTICATED",
      "TEAMS_SERVICE_URL",
      "TEAMS_CLOUD",
      "TEAMS_APP_ID",
    ]);
  });
});
