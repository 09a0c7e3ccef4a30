import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { describeZodIssue } from "../../knowledge/describe-zod-issue.ts";
import { readBody, WebRequestError } from "./web-http.ts";

/** The largest JSON body the page ever sends (a question with its history), with room to spare. */
export const JSON_BODY_LIMIT = 32 * 1024;

/** Reads a JSON body and validates it; anything malformed is a 400 with a Swedish message. */
export async function readJson<Schema extends z.ZodType>(
  request: IncomingMessage,
  schema: Schema,
): Promise<z.output<Schema>> {
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new WebRequestError(415, "not_json", "Förfrågan ska skickas som JSON.");
  }
  const body = await readBody(request, JSON_BODY_LIMIT);
  let data: unknown;
  try {
    data = JSON.parse(body.toString("utf8"));
  } catch {
    throw new WebRequestError(400, "invalid_json", "Förfrågan är inte giltig JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new WebRequestError(
      400,
      "invalid_request",
      `Förfrågan har fel form: ${first ? describeZodIssue(first, data) : "okänt fel"}.`,
    );
  }
  return parsed.data;
}
