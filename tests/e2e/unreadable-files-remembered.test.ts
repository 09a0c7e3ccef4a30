import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeCore } from "../../src/app/compose.ts";
import { loadConfig } from "../../src/config/config.ts";
import { DEFAULT_INGEST_LIMITS } from "../../src/config/ingest-limits.ts";
import { ingestKnowledge } from "../../src/index/ingest-knowledge.ts";
import type { Logger } from "../../src/logger.ts";
import { silentLogger } from "../../src/logger.ts";
import { copyKnowledge, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A logger that keeps the messages it was given, for checking what the operator is told. */
function recordingLogger(): Logger & { messages: string[] } {
  const messages: string[] = [];
  const logger: Logger & { messages: string[] } = {
    messages,
    debug: () => {},
    info: () => {},
    warn: (message) => messages.push(message),
    error: (message) => messages.push(message),
    child: () => logger,
  };
  return logger;
}

describe("a file that could not be read", () => {
  it("is reported again on the next ingest without being read again, and read again once the limit is raised", async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.cleanup);
    const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
    const core = await composeCore(
      { ...loadConfig({}), knowledgeDir, dataDir: path.join(folder.dir, "data") },
      silentLogger,
    );
    cleanups.unshift(() => core.close());
    const strict = { ...DEFAULT_INGEST_LIMITS, fileTimeoutMs: 50 };
    // The seeds are indexed first, so that only the heavy file is read under the strict budget.
    await ingestKnowledge(core.index, knowledgeDir);
    const items = Array.from({ length: 40_000 }, (_, index) => `<p>Punkt ${index} om Kustberedningen.</p>`);
    fs.writeFileSync(path.join(knowledgeDir, "tung.html"), `<html><body>${items.join("")}</body></html>`);

    const first = recordingLogger();
    const failed = await ingestKnowledge(core.index, knowledgeDir, { limits: strict, logger: first });
    expect(failed.skipped.map((problem) => problem.file)).toEqual(["tung.html"]);
    expect(failed.skipped[0]?.message).toMatch(/^tung\.html: inläsningen tog för lång tid/);
    expect(first.messages).toContain("reading a file took too long; worker stopped");

    const second = recordingLogger();
    const again = await ingestKnowledge(core.index, knowledgeDir, { limits: strict, logger: second });
    expect(again.skipped).toEqual(failed.skipped);
    expect(second.messages).not.toContain("reading a file took too long; worker stopped");

    const relaxed = await ingestKnowledge(core.index, knowledgeDir, { limits: DEFAULT_INGEST_LIMITS });
    expect(relaxed.skipped).toEqual([]);
    expect(core.index.catalog.documents().map((document) => document.id)).toContain("tung.html");
  });
});
