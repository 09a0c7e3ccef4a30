import { describe, expect, it } from "vitest";
import { SamsynError } from "../../errors.ts";
import { parseSlackConfig, SLACK_ENVIRONMENT_DOC } from "./slack-config.ts";

function failure(environment: Record<string, string>): SamsynError {
  try {
    parseSlackConfig(environment);
  } catch (error) {
    if (error instanceof SamsynError) return error;
    throw error;
  }
  throw new Error("expected parseSlackConfig to throw");
}

describe("parseSlackConfig", () => {
  it("is null when no Slack variable is set, so Samsyn runs without Slack", () => {
    expect(parseSlackConfig({})).toBeNull();
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: " ", PORT: "3000" })).toBeNull();
  });

  it("uses HTTP mode with a bot token and a signing secret", () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })).toEqual({
      botToken: "xoxb-1",
      transport: { kind: "http", signingSecret: "s" },
      apiUrl: null,
    });
  });

  it("uses Socket Mode when an app token is set, and a custom Web API URL", () => {
    const config = parseSlackConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_API_URL: "https://slack-gov.com/api",
    });
    expect(config?.transport).toEqual({ kind: "socket", appToken: "xapp-1" });
    expect(config?.apiUrl).toBe("https://slack-gov.com/api/");
  });

  it("names the missing variable when the settings do not fit together", () => {
    const withoutTransport = failure({ SLACK_BOT_TOKEN: "xoxb-1" });
    expect(withoutTransport.code).toBe("config_invalid");
    expect(withoutTransport.message).toMatch(/SLACK_SIGNING_SECRET/);
    expect(withoutTransport.message).toMatch(/SLACK_APP_TOKEN/);
    expect(failure({ SLACK_SIGNING_SECRET: "s" }).message).toMatch(/SLACK_BOT_TOKEN saknas/);
  });

  it("catches swapped tokens and a malformed URL, naming the variable", () => {
    expect(failure({ SLACK_BOT_TOKEN: "xapp-1", SLACK_SIGNING_SECRET: "s" }).message).toMatch(
      /SLACK_BOT_TOKEN.*xoxb-/,
    );
    expect(failure({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-2" }).message).toMatch(
      /SLACK_APP_TOKEN.*xapp-/,
    );
    expect(
      failure({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: "slack" }).message,
    ).toMatch(/SLACK_API_URL/);
  });

  it("documents every variable it reads", () => {
    expect(SLACK_ENVIRONMENT_DOC.map((entry) => entry.name)).toEqual([
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_APP_TOKEN",
      "SLACK_API_URL",
    ]);
  });
});
