import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ADD_FILE_SHORTCUT } from "./register-add-file.ts";
import { SLASH_COMMAND } from "./register-command.ts";
import { SLACK_EVENTS_PATH } from "./start-slack-surface.ts";

const manifest = parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../../../slack/manifest.yaml"), "utf8"),
);

describe("slack/manifest.yaml", () => {
  it("sends events, the slash command and button clicks to the path the app serves", () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((command: { url: string }) => command.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([
      SLASH_COMMAND,
    ]);
  });

  it("subscribes to exactly the events the handlers use, and lets people write to the bot", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      "app_mention",
      "message.channels",
      "message.groups",
      "message.im",
      "member_joined_channel",
    ]);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it("asks for files:write, which posting the årshjul into a channel needs", () => {
    expect(manifest.oauth_config.scopes.bot).toContain("files:write");
    expect(manifest.features.slash_commands[0].usage_hint).toContain("årshjul");
    expect(manifest.features.slash_commands[0].usage_hint).toContain("ordlista");
  });

  it("offers the message shortcut Lägg till i Samsyn with the callback id the app listens to, and asks for files:read", () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({
        name: "Lägg till i Samsyn",
        type: "message",
        callback_id: ADD_FILE_SHORTCUT,
      }),
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toContain("files:read");
  });
});
