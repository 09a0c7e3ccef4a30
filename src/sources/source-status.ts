import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ConfiguredSource } from "./create-sources.ts";
import type { SourceKind } from "./source-port.ts";
import { COPIES_FOLDER, readSourceState, type SourceRun, sourceFolder } from "./source-state.ts";

/** One source as status shows it: what it is, its last sync and what that did. */
export interface SourceStatusRow {
  id: string;
  kind: SourceKind;
  label: string;
  group: string | null;
  /** Where it is configured; null when it no longer is (its copies are still indexed). */
  origin: string | null;
  /** Documents kept from the last successful sync. */
  documents: number;
  /** The last sync, successful or not; null before the first. */
  lastRun: SourceRun | null;
  lastSuccessAt: string | null;
  /** Minutes between scheduled syncs; null for Slack (files arrive from the channel) and unconfigured sources. */
  everyMinutes: number | null;
}

/** Rows for the configured sources, in configuration order, then sources only kept on disk. */
export async function listSourceStatus(
  dataDir: string,
  sources: readonly ConfiguredSource[],
): Promise<SourceStatusRow[]> {
  const rows: SourceStatusRow[] = [];
  for (const { definition, source } of sources) {
    const state = await readSourceState(sourceFolder(dataDir, definition.id));
    rows.push({
      id: definition.id,
      kind: definition.kind,
      label: source.label,
      group: definition.group,
      origin: definition.origin,
      documents: state?.items.length ?? 0,
      lastRun: state?.lastRun ?? null,
      lastSuccessAt: state?.lastSuccessAt ?? null,
      everyMinutes: definition.kind === "slack" ? null : definition.everyMinutes,
    });
  }
  const configured = new Set(rows.map((row) => row.id));
  let names: string[] = [];
  try {
    names = await readdir(path.join(dataDir, COPIES_FOLDER));
  } catch {
    // No source has been synced yet.
  }
  for (const name of names.sort()) {
    if (name.startsWith(".") || configured.has(name)) continue;
    const state = await readSourceState(sourceFolder(dataDir, name));
    if (state === null) continue;
    rows.push({
      id: state.id,
      kind: state.kind,
      label: state.label,
      group: state.group,
      origin: null,
      documents: state.items.length,
      lastRun: state.lastRun,
      lastSuccessAt: state.lastSuccessAt,
      everyMinutes: null,
    });
  }
  return rows;
}
