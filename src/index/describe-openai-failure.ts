import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

/** Why a call to an OpenAI-compatible server failed, in Swedish, saying what to check. */
export function describeOpenAiFailure(error: unknown): string {
  if (error instanceof APIUserAbortError) return "anropet avbröts";
  if (error instanceof APIConnectionTimeoutError) return "servern svarade inte inom tidsgränsen";
  if (error instanceof APIConnectionError) return "kunde inte ansluta till servern";
  if (error instanceof APIError && error.status === 401)
    return "servern nekade nyckeln (401), kontrollera API-nyckeln";
  if (error instanceof APIError && error.status === 404) return "modellen eller adressen finns inte (404)";
  if (error instanceof APIError && error.status === 429)
    return "för många anrop (429), även efter nya försök";
  if (error instanceof APIError) return `servern svarade ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** The text with every occurrence of a secret replaced, so keys never reach a message or a log. */
export function redactSecret(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join("***") : text;
}
