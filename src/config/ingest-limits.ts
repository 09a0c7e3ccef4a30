import { z } from "zod";
import { optionalText, parseEnvironment } from "./environment-fields.ts";

/** What one knowledge file may cost to index; a file over any limit is reported and skipped. */
export interface IngestLimits {
  /** Largest file on disk, in bytes. */
  maxFileBytes: number;
  /** Largest unpacked content of a packed format (the XML parts of a .docx), in bytes. */
  maxUnpackedBytes: number;
  /** Most characters of text a document may hold after reading. */
  maxCharacters: number;
  /** Time one file may take to read and cut into passages before it is given up, in milliseconds. */
  fileTimeoutMs: number;
  /** Heap of the worker that reads files, in megabytes; a file that needs more is given up. */
  workerMemoryMb: number;
}

/** The limits when nothing is set: generous for real documents, small enough for a 1 GB machine. */
export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnpackedBytes: 25 * 1024 * 1024,
  maxCharacters: 5_000_000,
  fileTimeoutMs: 60_000,
  workerMemoryMb: 512,
};

/** The ingest variables with Swedish descriptions, for `.env.example` and the README. */
export const INGEST_ENVIRONMENT_DOC: readonly { name: string; description: string }[] = [
  {
    name: "SAMSYN_INGEST_MAX_FILE_MB",
    description:
      "Största fil i kunskapsmappen som indexeras, i megabyte (standard 50). Större filer hoppas över.",
  },
  {
    name: "SAMSYN_INGEST_MAX_UNPACKED_MB",
    description:
      "Största uppackade innehåll i en Word-fil (.docx är ett zip-arkiv), i megabyte (standard 25). Skyddar mot zip-bomber.",
  },
  {
    name: "SAMSYN_INGEST_MAX_CHARACTERS",
    description: "Flest tecken text i ett dokument (standard 5000000, ungefär 2 500 sidor).",
  },
  {
    name: "SAMSYN_INGEST_FILE_TIMEOUT_SECONDS",
    description:
      "Hur länge en fil får ta att läsa in innan den hoppas över, i sekunder (standard 60). Övriga filer indexeras ändå.",
  },
  {
    name: "SAMSYN_INGEST_WORKER_MEMORY_MB",
    description:
      "Minne för att läsa in en fil, i megabyte (standard 512). En fil som behöver mer hoppas över i stället för att stoppa Samsyn.",
  },
];

const positiveNumber = (unit: string, fallback: number, maximum: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, { error: `ska vara ett positivt heltal (${unit})` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, { error: "ska vara minst 1" })
          .max(maximum, { error: `får vara högst ${maximum}` }),
      )
      .default(fallback),
  );

const MEGABYTE = 1024 * 1024;

const environmentSchema = z.object({
  SAMSYN_INGEST_MAX_FILE_MB: positiveNumber("megabyte", DEFAULT_INGEST_LIMITS.maxFileBytes / MEGABYTE, 4096),
  SAMSYN_INGEST_MAX_UNPACKED_MB: positiveNumber(
    "megabyte",
    DEFAULT_INGEST_LIMITS.maxUnpackedBytes / MEGABYTE,
    4096,
  ),
  SAMSYN_INGEST_MAX_CHARACTERS: positiveNumber("tecken", DEFAULT_INGEST_LIMITS.maxCharacters, 500_000_000),
  SAMSYN_INGEST_FILE_TIMEOUT_SECONDS: positiveNumber(
    "sekunder",
    DEFAULT_INGEST_LIMITS.fileTimeoutMs / 1000,
    86_400,
  ),
  SAMSYN_INGEST_WORKER_MEMORY_MB: positiveNumber("megabyte", DEFAULT_INGEST_LIMITS.workerMemoryMb, 65_536),
});

/** Reads the ingest limits from the environment; throws `config_invalid` naming the variable. */
export function parseIngestLimits(environment: Record<string, string | undefined>): IngestLimits {
  const env = parseEnvironment(environmentSchema, environment, "Ogiltiga gränser för indexering");
  return {
    maxFileBytes: env.SAMSYN_INGEST_MAX_FILE_MB * MEGABYTE,
    maxUnpackedBytes: env.SAMSYN_INGEST_MAX_UNPACKED_MB * MEGABYTE,
    maxCharacters: env.SAMSYN_INGEST_MAX_CHARACTERS,
    fileTimeoutMs: env.SAMSYN_INGEST_FILE_TIMEOUT_SECONDS * 1000,
    workerMemoryMb: env.SAMSYN_INGEST_WORKER_MEMORY_MB,
  };
}
