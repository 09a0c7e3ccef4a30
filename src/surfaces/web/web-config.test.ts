import { describe, expect, it } from "vitest";
import { SamsynError } from "../../errors.ts";
import { parseWebConfig, WEB_ENVIRONMENT_DOC } from "./web-config.ts";

function failure(environment: Record<string, string>): SamsynError {
  try {
    parseWebConfig(environment);
  } catch (error) {
    if (error instanceof SamsynError) return error;
    throw error;
  }
  throw new Error("expected parseWebConfig to throw");
}

describe("parseWebConfig", () => {
  it("defaults to no token, uploads following the host and 20 MB", () => {
    expect(parseWebConfig({})).toEqual({ token: null, uploads: null, maxUploadBytes: 20 * 1024 * 1024 });
    expect(parseWebConfig({ SAMSYN_WEB_TOKEN: "  ", SAMSYN_WEB_UPLOADS: "" }).token).toBeNull();
  });

  it("reads the token, the upload switch and the size in megabytes", () => {
    const config = parseWebConfig({
      SAMSYN_WEB_TOKEN: "a-long-random-access-code",
      SAMSYN_WEB_UPLOADS: "Off",
      SAMSYN_WEB_MAX_UPLOAD_MB: "0,5",
    });
    expect(config).toEqual({
      token: "a-long-random-access-code",
      uploads: false,
      maxUploadBytes: 512 * 1024,
    });
    expect(parseWebConfig({ SAMSYN_WEB_UPLOADS: "ja" }).uploads).toBe(true);
  });

  it("names each wrong variable in Swedish", () => {
    const error = failure({
      SAMSYN_WEB_TOKEN: "kort",
      SAMSYN_WEB_UPLOADS: "kanske",
      SAMSYN_WEB_MAX_UPLOAD_MB: "tjugo",
    });
    expect(error.code).toBe("config_invalid");
    expect(error.message).toContain("SAMSYN_WEB_TOKEN: ska vara minst 16 tecken");
    expect(error.message).toContain("SAMSYN_WEB_UPLOADS: ska vara on eller off");
    expect(error.message).toContain("SAMSYN_WEB_MAX_UPLOAD_MB: ska vara ett tal");
    expect(failure({ SAMSYN_WEB_MAX_UPLOAD_MB: "0" }).message).toContain("större än 0");
  });

  it("documents every variable it reads", () => {
    expect(WEB_ENVIRONMENT_DOC.map((entry) => entry.name)).toEqual([
      "SAMSYN_WEB_TOKEN",
      "SAMSYN_WEB_UPLOADS",
      "SAMSYN_WEB_MAX_UPLOAD_MB",
    ]);
  });
});
