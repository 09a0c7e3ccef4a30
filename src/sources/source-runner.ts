import { SamsynError } from "../errors.ts";
import type { Catalog } from "../index/catalog.ts";
import type { IngestSummary } from "../index/ingest-knowledge.ts";
import { type Logger, silentLogger } from "../logger.ts";
import { type ConfiguredSource, slackInboxSource } from "./create-sources.ts";
import { describeSyncFailure } from "./describe-sync-failure.ts";
import { inboxOutcome } from "./inbox-outcome.ts";
import type { SourceDefinition } from "./source-definition.ts";
import { SourceLock } from "./source-lock.ts";
import type { InboxOutcome, SourceInbox, SourceItem } from "./source-port.ts";
import { DEFAULT_EVERY_MINUTES } from "./source-schema.ts";
import { readSourceState, type SourceState, sourceFolder, writeSourceState } from "./source-state.ts";
import { listSourceStatus, type SourceStatusRow } from "./source-status.ts";
import { StagedSync } from "./staged-sync.ts";

/** A failed source is tried again after this long at most, even when its interval is longer. */
const RETRY_FAILED_MINUTES = 60;

/** What the runner needs besides the sources. */
export interface SourceRunnerOptions {
  /** The data folder of the index the copies are ingested into (`KnowledgeIndex.dataDir`). */
  dataDir: string;
  sources: readonly ConfiguredSource[];
  /** The normal ingest of the knowledge folder and the copies (`core.knowledge.refresh`). */
  ingest: () => Promise<IngestSummary>;
  /** For the inbox's confirmation: how many passages the added file became. */
  catalog?: Pick<Catalog, "document">;
  logger?: Logger;
  /** Ends running syncs early (at shutdown). */
  signal?: AbortSignal;
}

/** What one sync of one source did. */
export interface SourceSyncResult {
  id: string;
  label: string;
  group: string | null;
  /** `busy`: another process was syncing it; nothing was done here. */
  outcome: "synced" | "failed" | "busy";
  added: number;
  changed: number;
  removed: number;
  /** Why the sync failed (Swedish); earlier copies were kept. */
  error: string | null;
  /** Items that could not be fetched this time (Swedish). */
  problems: string[];
}

/** What a sync of several sources did, and the ingest that followed. */
export interface SourcesSyncReport {
  results: SourceSyncResult[];
  /** The ingest after the sync; null when no source changed anything. */
  ingest: IngestSummary | null;
  /** Why that ingest failed (Swedish); the copies are read at the next ingest. */
  ingestError: string | null;
}

/** Which sources a sync covers: all, one group's, or one. */
export interface SourceSelection {
  sourceId?: string;
  groupId?: string;
}

/**
 * Keeps the copies of the configured sources up to date and indexed: syncs them one at a time per
 * source (also across processes, through a lock file), never lets one failing source stop the
 * others or cost earlier copies, and then runs the normal ingest so the copies are indexed like
 * files in the knowledge folder. Also the inbox that adds a file shared in a group's Slack channel.
 */
export class SourceRunner implements SourceInbox {
  private readonly logger: Logger;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly active = new Set<string>();

  constructor(private readonly options: SourceRunnerOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /** The configured sources. */
  get sources(): readonly ConfiguredSource[] {
    return this.options.sources;
  }

  /**
   * Syncs the selected sources (all but Slack's by default), then ingests when anything changed.
   * Sources run one after the other: a failing one is recorded and the next one runs.
   */
  async sync(selection: SourceSelection = {}): Promise<SourcesSyncReport> {
    const chosen = this.options.sources.filter(({ definition }) =>
      selection.sourceId !== undefined
        ? definition.id === selection.sourceId
        : // Files from Slack arrive through the inbox; there is nothing to fetch.
          definition.kind !== "slack" &&
          (selection.groupId === undefined || definition.group === selection.groupId),
    );
    return this.syncSources(chosen);
  }

  /** Syncs the sources whose interval has passed since their last sync (for a scheduler). */
  async syncDue(now: Date = new Date()): Promise<SourcesSyncReport> {
    const due: ConfiguredSource[] = [];
    for (const configured of this.options.sources) {
      // Files from Slack arrive through the inbox; there is nothing to fetch.
      if (configured.definition.kind === "slack") continue;
      const state = await readSourceState(sourceFolder(this.options.dataDir, configured.definition.id));
      const run = state?.lastRun;
      if (!run) {
        due.push(configured);
        continue;
      }
      const minutes = run.ok
        ? configured.definition.everyMinutes
        : Math.min(configured.definition.everyMinutes, RETRY_FAILED_MINUTES);
      if (now.getTime() - Date.parse(run.at) >= minutes * 60_000) due.push(configured);
    }
    return this.syncSources(due);
  }

  /**
   * Every configured source, and every source whose copies are still kept, with its last sync and
   * whether this process is syncing it now.
   */
  async status(): Promise<(SourceStatusRow & { running: boolean })[]> {
    const rows = await listSourceStatus(this.options.dataDir, this.options.sources);
    return rows.map((row) => ({ ...row, running: this.active.has(row.id) }));
  }

  async add(groupId: string, item: SourceItem, bytes: Uint8Array): Promise<InboxOutcome> {
    // The id names a folder: only a group id as group files have them.
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(groupId))
      throw new SamsynError("source_sync_failed", `"${groupId}" är inget grupp-id; filen lades inte till.`);
    const configured = this.options.sources.find(
      ({ definition }) => definition.kind === "slack" && definition.group === groupId,
    );
    const definition: SourceDefinition = configured?.definition ?? {
      id: `${groupId}-slack`,
      group: groupId,
      origin: `groups/${groupId}.yaml`,
      everyMinutes: DEFAULT_EVERY_MINUTES,
      kind: "slack",
    };
    const source = configured?.source ?? slackInboxSource(definition);
    const stored = await this.inQueue(
      definition.id,
      async (): Promise<{ problem: string } | { state: SourceState }> => {
        const folder = sourceFolder(this.options.dataDir, definition.id);
        const lock = await this.takeLock(folder);
        try {
          const state = (await readSourceState(folder)) ?? freshState(definition, source.label);
          const sink = new StagedSync(folder, state.items);
          await sink.put(item, bytes);
          const [problem] = sink.problems();
          if (problem !== undefined) {
            await sink.discard();
            return { problem };
          }
          const at = new Date().toISOString();
          const { state: next } = await sink.commit((counts) => ({
            ...state,
            group: definition.group,
            label: source.label,
            lastRun: { at, ok: true, ...counts, error: null, problems: [] },
            lastSuccessAt: at,
          }));
          return { state: next };
        } finally {
          await lock.release();
        }
      },
    );
    if ("problem" in stored) return { documentId: "", indexed: false, message: stored.problem };
    const file = stored.state.items.find((entry) => entry.key === item.key)?.file ?? item.fileName;
    const documentId = `källor/${definition.id}/${file}`;
    let summary: IngestSummary;
    try {
      summary = await this.options.ingest();
    } catch (error) {
      const message = describeSyncFailure(error, definition.id);
      return {
        documentId,
        indexed: false,
        message: `Filen sparades men kunde inte indexeras nu (${message}). Den läses in vid nästa indexering.`,
      };
    }
    const outcome = inboxOutcome(documentId, item, summary, this.options.catalog);
    // A file that cannot be read is not kept: it would be reported at every ingest.
    if (!outcome.indexed) await this.forget(definition, item.key);
    return outcome;
  }

  private async forget(definition: SourceDefinition, key: string): Promise<void> {
    await this.inQueue(definition.id, async () => {
      const folder = sourceFolder(this.options.dataDir, definition.id);
      const lock = await this.takeLock(folder);
      try {
        const state = await readSourceState(folder);
        if (state === null) return;
        const sink = new StagedSync(folder, state.items);
        sink.remove(key);
        await sink.commit(() => state);
      } finally {
        await lock.release();
      }
    });
  }

  private async syncSources(chosen: readonly ConfiguredSource[]): Promise<SourcesSyncReport> {
    const results: SourceSyncResult[] = [];
    let changed = await this.regroup();
    for (const configured of chosen) {
      const outcome = await this.inQueue(configured.definition.id, async () => {
        this.active.add(configured.definition.id);
        try {
          return await this.syncOne(configured);
        } finally {
          this.active.delete(configured.definition.id);
        }
      });
      results.push(outcome.result);
      changed ||= outcome.changed;
    }
    if (!changed) return { results, ingest: null, ingestError: null };
    try {
      return { results, ingest: await this.options.ingest(), ingestError: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn("ingest after a source sync failed", { error });
      return { results, ingest: null, ingestError: message };
    }
  }

  /**
   * Gives every configured source's copies the group its configuration names now, without waiting
   * for its next sync: a source moved to another group must leave the first group's channels at
   * once. True when a source with copies changed group (the copies must be indexed again).
   */
  private async regroup(): Promise<boolean> {
    let changed = false;
    for (const { definition } of this.options.sources) {
      const folder = sourceFolder(this.options.dataDir, definition.id);
      const state = await readSourceState(folder);
      if (state === null || state.group === definition.group) continue;
      const lock = await SourceLock.take(folder);
      // A source being synced gets its group from that sync.
      if (!(lock instanceof SourceLock)) continue;
      try {
        const current = await readSourceState(folder);
        if (current === null || current.group === definition.group) continue;
        await writeSourceState(folder, { ...current, group: definition.group });
        this.logger.info("source moved to another group", { source: definition.id });
        changed ||= current.items.length > 0;
      } finally {
        await lock.release();
      }
    }
    return changed;
  }

  private async syncOne({
    definition,
    source,
  }: ConfiguredSource): Promise<{ result: SourceSyncResult; changed: boolean }> {
    const base = { id: definition.id, label: source.label, group: definition.group };
    const folder = sourceFolder(this.options.dataDir, definition.id);
    const lock = await SourceLock.take(folder);
    if (!(lock instanceof SourceLock)) {
      const error = `synkas redan av en annan process (${lock.pid}); försök igen när den är klar`;
      return {
        result: { ...base, outcome: "busy", added: 0, changed: 0, removed: 0, error, problems: [] },
        changed: false,
      };
    }
    try {
      const state = (await readSourceState(folder)) ?? freshState(definition, source.label);
      const sink = new StagedSync(folder, state.items);
      const started = performance.now();
      let cursor: string | null;
      try {
        const signal = this.options.signal ?? new AbortController().signal;
        ({ cursor } = await source.sync(sink, { cursor: state.cursor, signal, logger: this.logger }));
      } catch (error) {
        await sink.discard();
        const message = describeSyncFailure(error, definition.id);
        this.logger.warn("source sync failed; earlier copies kept", { source: definition.id, error });
        const problems = [...sink.problems()];
        const at = new Date().toISOString();
        await writeSourceState(folder, {
          ...state,
          label: source.label,
          lastRun: { at, ok: false, added: 0, changed: 0, removed: 0, error: message, problems },
        });
        return {
          result: { ...base, outcome: "failed", added: 0, changed: 0, removed: 0, error: message, problems },
          changed: false,
        };
      }
      const problems = [...sink.problems()];
      const at = new Date().toISOString();
      const regrouped = state.group !== definition.group && state.items.length > 0;
      const { counts } = await sink.commit((counts) => ({
        ...state,
        kind: definition.kind,
        group: definition.group,
        label: source.label,
        cursor,
        lastRun: { at, ok: true, ...counts, error: null, problems },
        lastSuccessAt: at,
      }));
      this.logger.info("source synced", {
        source: definition.id,
        ...counts,
        problems: problems.length,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      });
      const changed = regrouped || counts.added + counts.changed + counts.removed > 0;
      return { result: { ...base, outcome: "synced", ...counts, error: null, problems }, changed };
    } finally {
      await lock.release();
    }
  }

  /** The inbox waits for a running sync of the same source instead of giving up. */
  private async takeLock(folder: string): Promise<SourceLock> {
    for (;;) {
      const lock = await SourceLock.take(folder);
      if (lock instanceof SourceLock) return lock;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** Runs `task` after the earlier tasks of the same source in this process. */
  private inQueue<T>(sourceId: string, task: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(sourceId) ?? Promise.resolve()).then(task);
    const settled = run.catch(() => {});
    this.queues.set(sourceId, settled);
    void settled.then(() => {
      if (this.queues.get(sourceId) === settled) this.queues.delete(sourceId);
    });
    return run;
  }
}

function freshState(definition: SourceDefinition, label: string): SourceState {
  return {
    version: 1,
    id: definition.id,
    kind: definition.kind,
    group: definition.group,
    label,
    cursor: null,
    items: [],
    lastRun: null,
    lastSuccessAt: null,
  };
}
