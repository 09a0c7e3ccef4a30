import { z } from "zod";
import { optionalText, parseEnvironment } from "../../config/environment-fields.ts";

/** How Samsyn fetches web sources: who it says it is, how long it waits, how much it takes. */
export interface WebFetchSettings {
  /** Sent as User-Agent; its product token ("Samsyn") is the name robots.txt rules are matched against. */
  userAgent: string;
  /** Time one request may take, body included, in milliseconds. */
  timeoutMs: number;
  /** Largest response body kept, in bytes; a larger one is cut off and reported. */
  maxBytes: number;
  /** Least time between two requests to the same host, in milliseconds (robots.txt Crawl-delay may ask for more). */
  hostDelayMs: number;
  /** Most pages and files one source fetches per sync (configured addresses plus followed links). */
  maxPagesPerSource: number;
}

/** The settings when nothing is set: polite to municipal web servers, generous enough for real PDFs. */
export const DEFAULT_WEB_FETCH_SETTINGS: WebFetchSettings = {
  userAgent:
    "Samsyn/0.1 (+chat bot for municipal collaboration groups; set SAMSYN_WEB_SOURCE_USER_AGENT to add a contact)",
  timeoutMs: 30_000,
  maxBytes: 50 * 1024 * 1024,
  hostDelayMs: 1_000,
  maxPagesPerSource: 500,
};

/** The web source variables with Swedish descriptions, for `.env.example` and the README. */
export const WEB_FETCH_ENVIRONMENT_DOC: readonly { name: string; description: string }[] = [
  {
    name: "SAMSYN_WEB_SOURCE_USER_AGENT",
    description:
      'Valfri: hur Samsyn presenterar sig för webbplatser som hämtas (User-Agent), gärna med en kontaktadress. Standard "Samsyn/0.1 (+…)". Ordet före "/" är namnet som robots.txt-regler gäller.',
  },
  {
    name: "SAMSYN_WEB_SOURCE_TIMEOUT_SECONDS",
    description: "Hur länge en hämtning från en webbkälla får ta, i sekunder (standard 30).",
  },
  {
    name: "SAMSYN_WEB_SOURCE_MAX_MB",
    description: "Största sida eller fil som hämtas från en webbkälla, i megabyte (standard 50).",
  },
  {
    name: "SAMSYN_WEB_SOURCE_HOST_DELAY_MS",
    description:
      "Minsta paus mellan två anrop till samma webbplats, i millisekunder (standard 1000). Crawl-delay i robots.txt kan förlänga den.",
  },
  {
    name: "SAMSYN_WEB_SOURCE_MAX_PAGES",
    description: "Flest sidor och filer som en webbkälla hämtar per synkning (standard 500).",
  },
];

const MEGABYTE = 1024 * 1024;

const wholeNumber = (unit: string, fallback: number, minimum: number, maximum: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, { error: `ska vara ett heltal (${unit})` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(minimum, { error: `ska vara minst ${minimum}` })
          .max(maximum, { error: `får vara högst ${maximum}` }),
      )
      .default(fallback),
  );

const environmentSchema = z.object({
  SAMSYN_WEB_SOURCE_USER_AGENT: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9._-]+(?:\/\S+)?(?: .*)?$/, {
        error: 'ska börja med ett namn utan mellanslag, t.ex. "Samsyn/1.0 (+https://kommun.se/samsyn)"',
      })
      .regex(/^[\x20-\x7e]*$/, {
        error: "får bara innehålla ASCII-tecken (inga å, ä, ö eller radbrytningar)",
      })
      .optional(),
  ),
  SAMSYN_WEB_SOURCE_TIMEOUT_SECONDS: wholeNumber(
    "sekunder",
    DEFAULT_WEB_FETCH_SETTINGS.timeoutMs / 1000,
    1,
    3_600,
  ),
  SAMSYN_WEB_SOURCE_MAX_MB: wholeNumber("megabyte", DEFAULT_WEB_FETCH_SETTINGS.maxBytes / MEGABYTE, 1, 4_096),
  SAMSYN_WEB_SOURCE_HOST_DELAY_MS: wholeNumber(
    "millisekunder",
    DEFAULT_WEB_FETCH_SETTINGS.hostDelayMs,
    0,
    600_000,
  ),
  SAMSYN_WEB_SOURCE_MAX_PAGES: wholeNumber("sidor", DEFAULT_WEB_FETCH_SETTINGS.maxPagesPerSource, 1, 100_000),
});

/** Reads the web source settings from the environment; throws `config_invalid` naming the variable. */
export function parseWebFetchSettings(environment: Record<string, string | undefined>): WebFetchSettings {
  const env = parseEnvironment(environmentSchema, environment, "Ogiltiga inställningar för webbkällor");
  return {
    userAgent: env.SAMSYN_WEB_SOURCE_USER_AGENT ?? DEFAULT_WEB_FETCH_SETTINGS.userAgent,
    timeoutMs: env.SAMSYN_WEB_SOURCE_TIMEOUT_SECONDS * 1000,
    maxBytes: env.SAMSYN_WEB_SOURCE_MAX_MB * MEGABYTE,
    hostDelayMs: env.SAMSYN_WEB_SOURCE_HOST_DELAY_MS,
    maxPagesPerSource: env.SAMSYN_WEB_SOURCE_MAX_PAGES,
  };
}
