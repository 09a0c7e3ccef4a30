import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Core, composeCore } from "../../src/app/compose.ts";
import { type Config, loadConfig } from "../../src/config/config.ts";
import { type IngestSummary, ingestKnowledge } from "../../src/index/ingest-knowledge.ts";
import { silentLogger } from "../../src/logger.ts";

/** The knowledge folder shipped with the product. */
export const SHIPPED_KNOWLEDGE = path.resolve(import.meta.dirname, "../../knowledge");

/** A fresh temporary folder, removed by the returned cleanup. */
export function temporaryFolder(prefix = "samsyn-test-"): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A temporary knowledge folder with one small document and an empty `groups/`, and a data folder
 * beside it, for tests that add sources or groups of their own.
 */
export function smallWorkspace(prefix: string): {
  knowledgeDir: string;
  dataDir: string;
  cleanup: () => void;
} {
  const folder = temporaryFolder(prefix);
  const knowledgeDir = path.join(folder.dir, "knowledge");
  fs.mkdirSync(path.join(knowledgeDir, "groups"), { recursive: true });
  fs.writeFileSync(path.join(knowledgeDir, "a.md"), "# A\n\nKommunerna samverkar om kollektivtrafik.\n");
  return { knowledgeDir, dataDir: path.join(folder.dir, "data"), cleanup: folder.cleanup };
}

/** Copies a knowledge folder into `target` so a test may change it. */
export function copyKnowledge(source: string, target: string): string {
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** Builds the offline core over `knowledgeDir` with its data in `dataDir`, and ingests. */
export async function ingestedCore(
  knowledgeDir: string,
  dataDir: string,
  overrides: Partial<Config> = {},
): Promise<{ core: Core; summary: IngestSummary }> {
  const config = { ...loadConfig({}), knowledgeDir, dataDir, ...overrides };
  const core = await composeCore(config, silentLogger);
  const summary = await ingestKnowledge(core.index, knowledgeDir);
  core.retriever.invalidate();
  return { core, summary };
}
