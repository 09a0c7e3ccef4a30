import { z } from "zod";
import { optionalText, parseEnvironment } from "../../config/environment-fields.ts";

/** Validated settings of the local web chat. */
export interface WebConfig {
  /** Access token for administration (all documents, uploads); required off loopback. Null: none. */
  token: string | null;
  /** Whether documents may be uploaded from the page; null follows the host (on for loopback only). */
  uploads: boolean | null;
  /** Largest document accepted by upload, in bytes. */
  maxUploadBytes: number;
}

/** The web chat's variables with Swedish descriptions, for `.env.example` and the README. */
export const WEB_ENVIRONMENT_DOC: readonly { name: string; description: string }[] = [
  {
    name: "SAMSYN_WEB_TOKEN",
    description:
      "Åtkomstkod för administration i webbchatten (alla dokument, uppladdning), minst 16 tecken. " +
      "Krävs när SAMSYN_HOST är något annat än 127.0.0.1/localhost.",
  },
  {
    name: "SAMSYN_WEB_UPLOADS",
    description:
      "on eller off: om dokument får laddas upp från webbsidan. Standard: on när Samsyn bara lyssnar på " +
      "den egna datorn (127.0.0.1), annars off.",
  },
  {
    name: "SAMSYN_WEB_MAX_UPLOAD_MB",
    description: "Största dokument som får laddas upp, i megabyte (standard 20).",
  },
];

const MIN_TOKEN_LENGTH = 16;
const DEFAULT_MAX_UPLOAD_MB = 20;
const ON = new Set(["on", "true", "1", "yes", "ja"]);
const OFF = new Set(["off", "false", "0", "no", "nej"]);

const environmentSchema = z.object({
  SAMSYN_WEB_TOKEN: optionalText.pipe(
    z
      .string()
      .min(MIN_TOKEN_LENGTH, { error: `ska vara minst ${MIN_TOKEN_LENGTH} tecken (en lång, slumpad kod)` })
      .optional(),
  ),
  SAMSYN_WEB_UPLOADS: optionalText.pipe(
    z
      .string()
      .toLowerCase()
      .refine((value) => ON.has(value) || OFF.has(value), { error: "ska vara on eller off" })
      .transform((value) => ON.has(value))
      .optional(),
  ),
  SAMSYN_WEB_MAX_UPLOAD_MB: optionalText.pipe(
    z
      .string()
      .regex(/^\d+([.,]\d+)?$/, { error: "ska vara ett tal (megabyte), t.ex. 20" })
      .transform((value) => Number(value.replace(",", ".")))
      .pipe(
        z
          .number()
          .positive({ error: "ska vara större än 0" })
          .max(1024, { error: "får vara högst 1024 (1 GB)" }),
      )
      .optional(),
  ),
});

/**
 * Reads the web chat's variables. Throws `config_invalid` in Swedish naming each variable that is
 * wrong. Whether the token is required depends on the host, which `startWebSurface` checks.
 */
export function parseWebConfig(environment: Record<string, string | undefined>): WebConfig {
  const env = parseEnvironment(environmentSchema, environment, "Ogiltiga inställningar för webbchatten");
  return {
    token: env.SAMSYN_WEB_TOKEN ?? null,
    uploads: env.SAMSYN_WEB_UPLOADS ?? null,
    maxUploadBytes: Math.round((env.SAMSYN_WEB_MAX_UPLOAD_MB ?? DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024),
  };
}
