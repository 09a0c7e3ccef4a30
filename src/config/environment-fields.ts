import { z } from "zod";
import { SamsynError } from "../errors.ts";

/** An optional environment variable: trimmed, and an empty value counts as not set. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/**
 * Validates environment variables with `schema`; on failure throws `config_invalid` with `heading`
 * (what is wrong, in Swedish) and one line per offending variable with the reason.
 */
export function parseEnvironment<Schema extends z.ZodType>(
  schema: Schema,
  environment: Record<string, string | undefined>,
  heading: string,
): z.output<Schema> {
  const parsed = schema.safeParse(environment);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new SamsynError(
    "config_invalid",
    `${heading} – rätta dessa miljövariabler (se .env.example):\n${lines.join("\n")}`,
  );
}
