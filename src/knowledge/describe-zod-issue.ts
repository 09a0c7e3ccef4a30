import type { z } from "zod";
import { didYouMean } from "./did-you-mean.ts";

const EXPECTED: Record<string, string> = {
  string: "en text",
  number: "ett tal",
  boolean: "true eller false",
  array: "en lista",
  object: "nycklar med värden",
};

/** Names a field path for a person editing YAML: ["secretaries", 0, "email"] → "secretaries → nr 1 → email". */
export function describeFieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === "number" ? `nr ${part + 1}` : String(part))).join(" → ");
}

/**
 * Explains a zod validation issue in Swedish, naming the field. `input` is the validated value,
 * used to tell a missing field from one of the wrong type. Schemas give their own Swedish text
 * for formats, unions and refinements; that text is used as is. `knownKeys` gives the fields allowed
 * at a path, so that an unknown one is answered with the field it most likely means.
 */
export function describeZodIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  knownKeys?: (path: readonly PropertyKey[]) => readonly string[],
): string {
  const field = issue.path.length === 0 ? "innehållet" : `fältet "${describeFieldPath(issue.path)}"`;
  switch (issue.code) {
    case "invalid_type":
      if (valueAt(input, issue.path) === undefined) return `${field} saknas`;
      return `${field} ska vara ${EXPECTED[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return `${field} ska vara ett av: ${issue.values.map(String).join(", ")}`;
    case "too_small":
      return issue.origin === "array" ? `${field} får inte vara en tom lista` : `${field} får inte vara tomt`;
    case "too_big":
      return `${field} är för långt (högst ${String(issue.maximum)})`;
    case "unrecognized_keys": {
      const where = issue.path.length > 0 ? ` under ${field}` : "";
      const known = knownKeys?.(issue.path) ?? [];
      return issue.keys
        .map((key) => {
          const meant = known.length > 0 ? didYouMean(key, known) : null;
          if (meant) return `okänt fält "${key}"${where} – menade du "${meant}"?`;
          const allowed = known.length > 0 ? `; tillåtna fält: ${known.join(", ")}` : " (stavfel?)";
          return `okänt fält "${key}"${where}${allowed}`;
        })
        .join("; ");
    }
    default:
      // A schema's own Swedish text is used as is; zod's English default never reaches a person.
      return ZOD_DEFAULT.test(issue.message)
        ? `${field} ${GENERIC[issue.code] ?? "har ett ogiltigt värde"}`
        : `${field} ${issue.message}`;
  }
}

/** How zod's built-in (English) messages begin. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Expected|Unrecognized|Number must|String must|Array must)/;

const GENERIC: Partial<Record<z.core.$ZodIssue["code"], string>> = {
  invalid_format: "har fel form",
  invalid_union: "passar inget av de tillåtna formaten",
  not_multiple_of: "har ett tal som inte är tillåtet",
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
