import { parse as parseYaml } from "yaml";
import type { Group } from "./groups.ts";

/** A path ending in an extension Samsyn reads, as written in YAML: bare, quoted or in a flow list. */
const DOCUMENT_PATH =
  /[^\s"'[\]{},:#|>-][^"'[\]{},:#\n]*?\.(?:md|markdown|txt|pdf|docx|html?)(?=$|[\s"'\]},:#])/gim;

/**
 * The group a file that cannot be used stands for: internal, in no channel, without secretaries or
 * reminders, claiming every document the file names. Its documents are then hidden from every
 * chat and visitor (only the local administrator's "everything" sees them) until the file is
 * fixed, instead of counting as claimed by no group, which would make them public.
 */
export function withheldGroup(id: string, source: string, reason: string): Group {
  return {
    id,
    name: id,
    organisations: [],
    documents: documentsNamedIn(source),
    visibility: "internal",
    channels: {},
    secretaries: [],
    // Its calendar events must not be announced anywhere either.
    reminders: { enabled: false },
    withheld: reason,
  };
}

/**
 * Every document a broken group file may mean: the strings under `documents:` when the YAML
 * parses (whatever their shape), and every path with a known extension anywhere in the text (also
 * in a misspelt key or a file that is not YAML at all). Withholding too much is the safe mistake.
 */
export function documentsNamedIn(source: string): string[] {
  const found = new Set<string>();
  try {
    const data: unknown = parseYaml(source);
    if (data !== null && typeof data === "object" && !Array.isArray(data)) {
      for (const value of stringsIn((data as Record<string, unknown>).documents)) found.add(value);
    }
  } catch {
    // Not YAML: the text scan below still finds the paths.
  }
  for (const match of source.matchAll(DOCUMENT_PATH)) {
    const candidate = match[0].trim();
    found.add(candidate);
    // "Protokoll 2024.pdf" may be one name or the end of a sentence; withhold both readings.
    const words = candidate.split(/\s+/);
    for (let start = 1; start < words.length; start++) found.add(words.slice(start).join(" "));
  }
  const documents = [...found].map((value) => value.replace(/^\.\//, "")).filter((value) => value !== "");
  return [...new Set(documents)];
}

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value.trim()];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}
