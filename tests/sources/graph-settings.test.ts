import { describe, expect, it } from "vitest";
import { parseGraphSettings } from "../../src/sources/sharepoint/graph-settings.ts";

const APP = {
  MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
  MICROSOFT_APP_TENANT_ID: "contoso.onmicrosoft.com",
  MICROSOFT_APP_PASSWORD: "hemligt",
};

describe("parseGraphSettings", () => {
  it("uses the Teams app registration and the public cloud by default", () => {
    expect(parseGraphSettings(APP)).toEqual({
      appId: APP.MICROSOFT_APP_ID,
      tenantId: APP.MICROSOFT_APP_TENANT_ID,
      credential: { kind: "secret", secret: "hemligt" },
      graphBaseUrl: "https://graph.microsoft.com",
      loginBaseUrl: "https://login.microsoftonline.com",
    });
  });

  it.each([
    ["USGov", "https://graph.microsoft.us", "https://login.microsoftonline.us"],
    ["USGovDoD", "https://dod-graph.microsoft.us", "https://login.microsoftonline.us"],
    ["China", "https://microsoftgraph.chinacloudapi.cn", "https://login.partner.microsoftonline.cn"],
  ])("follows TEAMS_CLOUD=%s to its Graph and login addresses", (cloud, graph, login) => {
    const settings = parseGraphSettings({ ...APP, TEAMS_CLOUD: cloud });
    expect([settings.graphBaseUrl, settings.loginBaseUrl]).toEqual([graph, login]);
  });

  it("takes SAMSYN_GRAPH_BASE_URL and SAMSYN_GRAPH_LOGIN_URL over the cloud's", () => {
    const settings = parseGraphSettings({
      ...APP,
      SAMSYN_GRAPH_BASE_URL: "https://graph.example.se/",
      SAMSYN_GRAPH_LOGIN_URL: "https://login.example.se",
    });
    expect([settings.graphBaseUrl, settings.loginBaseUrl]).toEqual([
      "https://graph.example.se",
      "https://login.example.se",
    ]);
  });

  it("reads the certificate pair", () => {
    const { MICROSOFT_APP_PASSWORD: _, ...withoutSecret } = APP;
    const settings = parseGraphSettings({
      ...withoutSecret,
      MICROSOFT_APP_CERTIFICATE_THUMBPRINT: `AB:CD:${"0".repeat(36)}`,
      MICROSOFT_APP_CERTIFICATE_KEY_FILE: "/etc/samsyn/app.key",
    });
    expect(settings.credential).toEqual({
      kind: "certificate",
      thumbprint: "abcd".padEnd(40, "0"),
      keyFile: "/etc/samsyn/app.key",
    });
  });

  it("asks for the tenant, since client credentials need one", () => {
    const { MICROSOFT_APP_TENANT_ID: _, ...withoutTenant } = APP;
    expect(() => parseGraphSettings(withoutTenant)).toThrow(/kräver MICROSOFT_APP_TENANT_ID/);
  });

  it("asks for the app registration when none is set", () => {
    expect(() => parseGraphSettings({})).toThrow(/MICROSOFT_APP_ID saknas.*SharePoint och Teams-filer/);
  });

  it("names a malformed override", () => {
    expect(() => parseGraphSettings({ ...APP, SAMSYN_GRAPH_BASE_URL: "graph" })).toThrow(
      /SAMSYN_GRAPH_BASE_URL/,
    );
  });
});
