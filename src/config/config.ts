import path from "node:path";
import { z } from "zod";
import { SamsynError } from "../errors.ts";
import { LOG_FORMATS, LOG_LEVELS } from "../logger.ts";
import { parseReminderConfig, type ReminderConfig } from "../reminders/reminder-config.ts";
import { type GraphSettings, parseGraphSettings } from "../sources/sharepoint/graph-settings.ts";
import { parseWebFetchSettings, type WebFetchSettings } from "../sources/web/web-fetch-settings.ts";
import { parseSlackConfig, type SlackConfig } from "../surfaces/slack/slack-config.ts";
import { parseTeamsConfig, type TeamsConfig } from "../surfaces/teams/teams-config.ts";
import { parseWebConfig, type WebConfig } from "../surfaces/web/web-config.ts";
import { optionalText, parseEnvironment } from "./environment-fields.ts";
import { type IngestLimits, parseIngestLimits } from "./ingest-limits.ts";

const positiveInteger = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === "") return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed <= 0) {
        context.addIssue({
          code: "custom",
          message: "måste vara ett positivt heltal / must be a positive integer",
        });
        return z.NEVER;
      }
      return parsed;
    });

const ON = new Set(["on", "true", "1", "yes", "ja"]);
const OFF = new Set(["off", "false", "0", "no", "nej"]);

/** Every variable Samsyn itself reads (surfaces add their own: Slack, Teams, web chat). */
export const environmentSchema = z.object({
  SAMSYN_KNOWLEDGE_DIR: optionalText,
  SAMSYN_DATA_DIR: optionalText,
  SAMSYN_WATCH_KNOWLEDGE: optionalText.pipe(
    z
      .string()
      .toLowerCase()
      .refine((value) => ON.has(value) || OFF.has(value), { error: "ska vara on eller off" })
      .transform((value) => ON.has(value))
      .optional(),
  ),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
  SAMSYN_CHAT_MODEL: optionalText,
  SAMSYN_EMBEDDING_MODEL: optionalText,
  SAMSYN_EMBEDDING_DIMENSIONS: positiveInteger(0),
  SAMSYN_RETRIEVAL_TOP_K: positiveInteger(6),
  PORT: positiveInteger(3000),
  SAMSYN_HOST: optionalText,
  SAMSYN_USER_HASH_SALT: optionalText,
});

/** Connection to an OpenAI-compatible server (OpenAI, Azure OpenAI proxy, Ollama, vLLM, llama.cpp). */
export interface OpenAiConnection {
  baseURL: string;
  apiKey: string;
}

/** Validated runtime configuration; built once at start-up and passed down. */
export interface Config {
  knowledgeDir: string;
  dataDir: string;
  /** Whether `npm start` indexes the knowledge folder by itself when a file in it changes. */
  watchKnowledge: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  /** `text`: logs in `<dataDir>/logs/samsyn.log`, the console for people; `json`: JSON lines on stdout. */
  logFormat: (typeof LOG_FORMATS)[number];
  /** Set when answers should come from an LLM; otherwise the offline extractive composer answers. */
  chat: (OpenAiConnection & { model: string }) | null;
  /** Set when passages should be embedded by an OpenAI-compatible server; otherwise offline vectors. */
  embedding: (OpenAiConnection & { model: string; dimensions: number | null }) | null;
  /** How many passages an answer may draw on. */
  retrievalTopK: number;
  /** The one HTTP port every surface shares. */
  port: number;
  /** Address the HTTP server binds to; loopback unless set explicitly. */
  host: string;
  /** Salt for hashing user ids in feedback; null means a random one kept in the database. */
  userHashSalt: string | null;
  /** Slack connection, when configured. */
  slack: SlackConfig | null;
  /** Microsoft Teams connection, when configured. */
  teams: TeamsConfig | null;
  /** The local web chat's access code and upload settings. */
  web: WebConfig;
  /** What one knowledge file may cost to index (size, unpacked size, characters, time, memory). */
  ingest: IngestLimits;
  /** How often reminders are planned and sent, and when an interrupted send is taken over. */
  reminders: ReminderConfig;
  /** How web sources fetch: user agent, timeout, size limit, politeness. */
  webSources: WebFetchSettings;
  /**
   * Microsoft Graph for SharePoint sources: the settings, or why they cannot be used (Swedish). Read
   * leniently, since only a configured SharePoint source needs them; that source reports the reason.
   */
  graph: GraphSettings | { unavailable: string };
}

const DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";

/**
 * Reads configuration from an environment record (normally `process.env`).
 * Throws `config_invalid` naming every offending variable.
 */
export function loadConfig(environment: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const env = parseEnvironment(environmentSchema, environment, "Ogiltig konfiguration");
  const baseURL = env.OPENAI_BASE_URL ?? DEFAULT_OPENAI_BASE_URL;
  const usesOpenAi = Boolean(env.SAMSYN_CHAT_MODEL ?? env.SAMSYN_EMBEDDING_MODEL);
  if (usesOpenAi && !env.OPENAI_API_KEY && baseURL === DEFAULT_OPENAI_BASE_URL) {
    throw new SamsynError(
      "config_invalid",
      "OPENAI_API_KEY saknas: SAMSYN_CHAT_MODEL eller SAMSYN_EMBEDDING_MODEL är satt men ingen API-nyckel. " +
        "Sätt OPENAI_API_KEY, eller OPENAI_BASE_URL till en lokal server (t.ex. Ollama), eller ta bort modellvariablerna för att köra offline.",
    );
  }
  // Local servers (Ollama, llama.cpp) accept any key; the openai client insists on one.
  const apiKey = env.OPENAI_API_KEY ?? "not-needed";
  return {
    knowledgeDir: path.resolve(cwd, env.SAMSYN_KNOWLEDGE_DIR ?? "knowledge"),
    dataDir: path.resolve(cwd, env.SAMSYN_DATA_DIR ?? "data"),
    watchKnowledge: env.SAMSYN_WATCH_KNOWLEDGE ?? true,
    logLevel: env.LOG_LEVEL ?? "info",
    logFormat: env.LOG_FORMAT ?? "text",
    chat: env.SAMSYN_CHAT_MODEL ? { baseURL, apiKey, model: env.SAMSYN_CHAT_MODEL } : null,
    embedding: env.SAMSYN_EMBEDDING_MODEL
      ? {
          baseURL,
          apiKey,
          model: env.SAMSYN_EMBEDDING_MODEL,
          dimensions: env.SAMSYN_EMBEDDING_DIMENSIONS || null,
        }
      : null,
    retrievalTopK: env.SAMSYN_RETRIEVAL_TOP_K,
    port: env.PORT,
    host: env.SAMSYN_HOST ?? "127.0.0.1",
    userHashSalt: env.SAMSYN_USER_HASH_SALT ?? null,
    slack: parseSlackConfig(environment),
    teams: parseTeamsConfig(environment),
    web: parseWebConfig(environment),
    ingest: parseIngestLimits(environment),
    reminders: parseReminderConfig(environment),
    webSources: parseWebFetchSettings(environment),
    graph: graphSettingsOrReason(environment),
  };
}

function graphSettingsOrReason(environment: Record<string, string | undefined>): Config["graph"] {
  try {
    return parseGraphSettings(environment);
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
}
