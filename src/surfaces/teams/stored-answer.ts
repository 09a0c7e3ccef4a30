import { z } from "zod";
import type { Answer } from "../../answer/answer.ts";

const location = {
  documentId: z.string(),
  chunkId: z.string(),
  title: z.string(),
  section: z.string().nullable(),
  page: z.number().nullable(),
  source: z.string().nullable(),
  // Answers stored before citations carried the document's date read as undated.
  date: z.string().nullable().default(null),
};

/**
 * The shape of an `Answer` read back from the database (it is stored as JSON), so a row written by
 * an older version cannot pass as an answer. Surface-neutral; the Slack store keeps its own copy.
 */
export const storedAnswerSchema: z.ZodType<Answer> = z.object({
  text: z.string(),
  citations: z.array(z.object({ n: z.number(), ...location, quote: z.string() })),
  abstained: z.boolean(),
  closest: z.array(z.object({ ...location, excerpt: z.string() })),
  language: z.enum(["sv", "en"]),
});

/** Reads a stored answer; null when the JSON is not an answer. */
export function parseStoredAnswer(json: string): Answer | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = storedAnswerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
