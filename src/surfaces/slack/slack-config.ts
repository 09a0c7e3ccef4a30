import { z } from "zod";
import { optionalText, parseEnvironment } from "../../config/environment-fields.ts";
import { SamsynError } from "../../errors.ts";

/** How Slack reaches Samsyn: signed HTTP requests to `/slack/events`, or a Socket Mode WebSocket. */
export type SlackTransport = { kind: "http"; signingSecret: string } | { kind: "socket"; appToken: string };

/** Validated Slack settings. */
export interface SlackConfig {
  /** Bot token (`xoxb-…`), used for every Web API call. */
  botToken: string;
  transport: SlackTransport;
  /** Web API base URL, e.g. for GovSlack or an Enterprise proxy; null means Slack's default. */
  apiUrl: string | null;
}

/** The Slack variables with Swedish descriptions, for `.env.example` and the README. */
export const SLACK_ENVIRONMENT_DOC: readonly { name: string; description: string }[] = [
  {
    name: "SLACK_BOT_TOKEN",
    description:
      "Slack-appens bot-token (börjar med xoxb-), under OAuth & Permissions. Startar Slack-kopplingen.",
  },
  {
    name: "SLACK_SIGNING_SECRET",
    description:
      "Signeringshemligheten under Basic Information. Krävs i HTTP-läge (Slack anropar /slack/events).",
  },
  {
    name: "SLACK_APP_TOKEN",
    description:
      "App-token med behörigheten connections:write (börjar med xapp-). Sätts den används Socket Mode och ingen publik adress behövs.",
  },
  {
    name: "SLACK_API_URL",
    description:
      "Valfri: annan adress till Slacks Web API, t.ex. för GovSlack eller en proxy (standard https://slack.com/api/).",
  },
];

const SLACK_VARIABLES = SLACK_ENVIRONMENT_DOC.map((entry) => entry.name);

const environmentSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith("xoxb-", { error: "ska vara bot-token som börjar med xoxb-" }).optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith("xapp-", { error: "ska vara app-token som börjar med xapp-" }).optional(),
  ),
  SLACK_API_URL: optionalText.pipe(
    z.url({ error: "ska vara en webbadress, t.ex. https://slack.com/api/" }).optional(),
  ),
});

/**
 * Reads the Slack variables; null when none is set (Slack is simply not used). Throws
 * `config_invalid` naming the variables when they are set but do not fit together.
 */
export function parseSlackConfig(environment: Record<string, string | undefined>): SlackConfig | null {
  const present = SLACK_VARIABLES.filter((name) => (environment[name] ?? "").trim() !== "");
  if (present.length === 0) return null;
  const env = parseEnvironment(environmentSchema, environment, "Ogiltiga Slack-inställningar");
  if (!env.SLACK_BOT_TOKEN) {
    throw invalid(
      `SLACK_BOT_TOKEN saknas men ${present.join(", ")} är satt. Sätt SLACK_BOT_TOKEN (xoxb-…) för att använda Slack, ` +
        "eller ta bort Slack-variablerna för att köra utan Slack.",
    );
  }
  const apiUrl = env.SLACK_API_URL ? withTrailingSlash(env.SLACK_API_URL) : null;
  if (env.SLACK_APP_TOKEN) {
    return {
      botToken: env.SLACK_BOT_TOKEN,
      transport: { kind: "socket", appToken: env.SLACK_APP_TOKEN },
      apiUrl,
    };
  }
  if (env.SLACK_SIGNING_SECRET) {
    return {
      botToken: env.SLACK_BOT_TOKEN,
      transport: { kind: "http", signingSecret: env.SLACK_SIGNING_SECRET },
      apiUrl,
    };
  }
  throw invalid(
    "SLACK_BOT_TOKEN är satt men varken SLACK_SIGNING_SECRET (HTTP-läge, Slack anropar /slack/events) " +
      "eller SLACK_APP_TOKEN (Socket Mode). Sätt en av dem.",
  );
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function invalid(message: string): SamsynError {
  return new SamsynError("config_invalid", message);
}
