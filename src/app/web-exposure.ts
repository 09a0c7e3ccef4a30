import type { Config } from "../config/config.ts";
import { SamsynError } from "../errors.ts";
import { isLoopbackHost } from "../surfaces/web/is-loopback-host.ts";

/** Whether `npm start` serves the web chat, and what it tells the person who started it when not. */
export type WebExposure = { webChat: true } | { webChat: false; notice: string };

/**
 * Decides what `npm start` may serve on `SAMSYN_HOST`. On loopback, or with `SAMSYN_WEB_TOKEN`, the
 * web chat is on. On a network address without a token the web chat (which can search internal
 * documents) stays off: Samsyn then serves only the Slack and Teams endpoints, whose requests are
 * signed or carry a token, and says so; with neither configured it refuses to start
 * (`config_invalid`, exit code 2), since it would serve nothing at all.
 */
export function webExposure(config: Pick<Config, "host" | "web" | "slack" | "teams">): WebExposure {
  if (isLoopbackHost(config.host) || config.web.token !== null) return { webChat: true };
  const bots = [config.slack ? "Slack" : null, config.teams ? "Teams" : null].filter(Boolean);
  if (bots.length === 0) {
    throw new SamsynError(
      "config_invalid",
      `SAMSYN_HOST=${config.host} kan nås från nätverket, men SAMSYN_WEB_TOKEN saknas och varken Slack eller Teams är inställt, ` +
        "så Samsyn vägrar starta. Sätt SAMSYN_WEB_TOKEN till en lång, slumpad kod (minst 16 tecken, t.ex. `openssl rand -base64 24`), " +
        "eller ta bort SAMSYN_HOST så att Samsyn bara lyssnar på den egna datorn.",
    );
  }
  const endpoints = [
    config.slack ? "Slack (/slack/events)" : null,
    config.teams ? "Teams (/api/messages)" : null,
  ]
    .filter(Boolean)
    .join(" och ");
  return {
    webChat: false,
    notice:
      `Webbchatten är avstängd: SAMSYN_HOST=${config.host} kan nås från nätverket och SAMSYN_WEB_TOKEN saknas. ` +
      `Samsyn tar bara emot ${endpoints}, där varje anrop kontrolleras med signatur eller token. ` +
      "Sätt SAMSYN_WEB_TOKEN för att också visa webbchatten.",
  };
}
