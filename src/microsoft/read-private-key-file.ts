import { readFileSync } from "node:fs";
import { SamsynError } from "../errors.ts";

/**
 * Reads the certificate's private key named by MICROSOFT_APP_CERTIFICATE_KEY_FILE; throws
 * `config_invalid` naming the file and the variable when it cannot be read or holds no PEM key.
 */
export function readPrivateKeyFile(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    throw new SamsynError(
      "config_invalid",
      `Kunde inte läsa certifikatnyckeln ${file} (MICROSOFT_APP_CERTIFICATE_KEY_FILE): ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (!pem.includes("PRIVATE KEY-----")) {
    throw new SamsynError(
      "config_invalid",
      `${file} (MICROSOFT_APP_CERTIFICATE_KEY_FILE) innehåller ingen privat nyckel i PEM-format (-----BEGIN PRIVATE KEY-----).`,
    );
  }
  return pem;
}
