import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { SamsynError } from "../errors.ts";

/** The variable that names the environment file; empty turns the file off (the tests do). */
export const ENVIRONMENT_FILE_VARIABLE = "SAMSYN_ENV_FILE";

/**
 * Fills `environment` from the `.env` file in the working folder (or the file SAMSYN_ENV_FILE names),
 * as the README tells people to write their Slack and Teams settings. A variable already set in the
 * real environment wins, so a service manager's settings are never overridden by a forgotten file.
 * Returns the file read and how many variables it set, or null when there was none.
 */
export function loadEnvironmentFile(
  environment: NodeJS.ProcessEnv = process.env,
  directory = process.cwd(),
): { file: string; applied: number } | null {
  const named = environment[ENVIRONMENT_FILE_VARIABLE];
  if (named === "") return null;
  const file = path.resolve(directory, named ?? ".env");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // No .env is the normal case; a file named on purpose that is missing is a mistake worth saying.
    if (code === "ENOENT" && named === undefined) return null;
    throw new SamsynError(
      "config_invalid",
      `Miljöfilen ${file} kunde inte läsas (${String(code ?? error)}). Rätta ${ENVIRONMENT_FILE_VARIABLE} eller ta bort den.`,
    );
  }
  let applied = 0;
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (environment[name] !== undefined) continue;
    environment[name] = value;
    applied += 1;
  }
  return { file, applied };
}
