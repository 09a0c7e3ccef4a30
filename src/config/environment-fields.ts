import { z } from "zod";

/** An optional environment variable: trimmed, and an empty value counts as not set. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
