import { describe, expect, it } from "vitest";
import { SamsynError } from "../../../src/errors.ts";
import {
  DEFAULT_WEB_FETCH_SETTINGS,
  parseWebFetchSettings,
} from "../../../src/sources/web/web-fetch-settings.ts";

describe("parseWebFetchSettings", () => {
  it("uses polite defaults when nothing is set", () => {
    expect(parseWebFetchSettings({})).toEqual(DEFAULT_WEB_FETCH_SETTINGS);
    expect(DEFAULT_WEB_FETCH_SETTINGS.userAgent).toMatch(/^Samsyn\//);
  });

  it("reads seconds, megabytes and milliseconds", () => {
    const settings = parseWebFetchSettings({
      SAMSYN_WEB_SOURCE_USER_AGENT: "Samsyn/1.0 (+https://www.kommun.se/samsyn)",
      SAMSYN_WEB_SOURCE_TIMEOUT_SECONDS: "10",
      SAMSYN_WEB_SOURCE_MAX_MB: "5",
      SAMSYN_WEB_SOURCE_HOST_DELAY_MS: "0",
      SAMSYN_WEB_SOURCE_MAX_PAGES: "20",
    });
    expect(settings).toEqual({
      userAgent: "Samsyn/1.0 (+https://www.kommun.se/samsyn)",
      timeoutMs: 10_000,
      maxBytes: 5 * 1024 * 1024,
      hostDelayMs: 0,
      maxPagesPerSource: 20,
    });
  });

  it("names the variable and the fix in Swedish", () => {
    let error: unknown;
    try {
      parseWebFetchSettings({
        SAMSYN_WEB_SOURCE_TIMEOUT_SECONDS: "snart",
        SAMSYN_WEB_SOURCE_USER_AGENT: "Samsyn för Laholm",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SamsynError);
    expect((error as SamsynError).message).toMatch(
      /SAMSYN_WEB_SOURCE_TIMEOUT_SECONDS: ska vara ett heltal \(sekunder\)/,
    );
    expect((error as SamsynError).message).toMatch(/SAMSYN_WEB_SOURCE_USER_AGENT: /);
  });
});
