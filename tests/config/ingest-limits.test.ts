import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { DEFAULT_INGEST_LIMITS } from "../../src/config/ingest-limits.ts";

describe("ingest limits in the configuration", () => {
  it("uses the defaults when nothing is set", () => {
    expect(loadConfig({}).ingest).toEqual(DEFAULT_INGEST_LIMITS);
  });

  it("reads each limit from its variable", () => {
    const limits = loadConfig({
      SAMSYN_INGEST_MAX_FILE_MB: "10",
      SAMSYN_INGEST_MAX_UNPACKED_MB: "40",
      SAMSYN_INGEST_MAX_CHARACTERS: "1000000",
      SAMSYN_INGEST_FILE_TIMEOUT_SECONDS: "15",
      SAMSYN_INGEST_WORKER_MEMORY_MB: "256",
    }).ingest;
    expect(limits).toEqual({
      maxFileBytes: 10 * 1024 * 1024,
      maxUnpackedBytes: 40 * 1024 * 1024,
      maxCharacters: 1_000_000,
      fileTimeoutMs: 15_000,
      workerMemoryMb: 256,
    });
  });

  it("names the variable when a limit is not a positive whole number", () => {
    expect(() => loadConfig({ SAMSYN_INGEST_FILE_TIMEOUT_SECONDS: "en minut" })).toThrow(
      /SAMSYN_INGEST_FILE_TIMEOUT_SECONDS: ska vara ett positivt heltal \(sekunder\)/,
    );
    expect(() => loadConfig({ SAMSYN_INGEST_MAX_FILE_MB: "0" })).toThrow(
      /SAMSYN_INGEST_MAX_FILE_MB: ska vara minst 1/,
    );
  });
});
