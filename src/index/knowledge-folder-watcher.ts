import fs from "node:fs";
import path from "node:path";
import type { Logger } from "../logger.ts";

/** How the watcher learns about changes. */
export type WatchMode = "events" | "polling";

/** Options of a `KnowledgeFolderWatcher`. */
export interface KnowledgeFolderWatcherOptions {
  /** Called (never twice at once) after the folder has been quiet for `debounceMs`. */
  onChange: () => Promise<unknown>;
  logger: Logger;
  /** Quiet time after the last change before `onChange`; a copied folder arrives as many events. */
  debounceMs?: number;
  /** How often the folder is listed when file events are unavailable. */
  pollIntervalMs?: number;
  /** The file-event API; a test passes one that throws to exercise polling. */
  watch?: typeof fs.watch;
}

// Top-level folders with group and calendar files: the document index does not read them.
const CONFIGURATION_FOLDERS = new Set(["groups", "calendar"]);
// The list of public sources: the sources runner reads it, the document index does not.
const CONFIGURATION_FILES = new Set(["sources.yaml", "sources.yml"]);
// Editors' and downloaders' temporary files: swap files, backups, lock files, partial downloads.
const TEMPORARY_NAME = /^\.|^~\$|^#.*#$|~$|\.(swp|swx|swo|tmp|temp|part|crdownload|download)$|^4913$/i;

/** True when a change to this path (relative to the knowledge folder) cannot change the index. */
export function isIgnoredChange(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/).filter((part) => part !== "");
  if (parts.length === 0) return false;
  if (CONFIGURATION_FOLDERS.has((parts[0] as string).toLowerCase())) return true;
  if (parts.length === 1 && CONFIGURATION_FILES.has((parts[0] as string).toLowerCase())) return true;
  return parts.some((part) => TEMPORARY_NAME.test(part));
}

/**
 * Watches the knowledge folder and calls `onChange` (an ingest) shortly after a document is added,
 * changed or removed, so nobody has to run `npm run ingest`. Uses recursive file events where
 * Node offers them (Linux from Node 20, macOS, Windows) and lists the folder every few seconds
 * where it does not. Changes during a running `onChange` lead to one more call after it.
 */
export class KnowledgeFolderWatcher {
  private readonly debounceMs: number;
  private readonly pollIntervalMs: number;
  private watcher: fs.FSWatcher | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private debounceTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private pending = false;
  private stopped = false;
  private lastListing = "";

  constructor(
    private readonly folder: string,
    private readonly options: KnowledgeFolderWatcherOptions,
  ) {
    this.debounceMs = options.debounceMs ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
  }

  /** Starts watching; says whether file events or polling are used. */
  start(): WatchMode {
    try {
      const watch = this.options.watch ?? fs.watch;
      this.watcher = watch(this.folder, { recursive: true }, (_event, name) => this.noticed(name));
      this.watcher.on("error", (error) => {
        this.options.logger.warn("knowledge folder events failed, listing it instead", { error });
        this.watcher?.close();
        this.watcher = undefined;
        this.startPolling();
      });
      return "events";
    } catch (error) {
      // ERR_FEATURE_UNAVAILABLE_ON_PLATFORM, or ENOSPC when the inotify watch limit is reached.
      this.options.logger.warn("knowledge folder events unavailable, listing it instead", { error });
      this.startPolling();
      return "polling";
    }
  }

  /** Stops watching and waits for a running `onChange` to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.watcher?.close();
    clearInterval(this.pollTimer);
    clearTimeout(this.debounceTimer);
    await this.running;
  }

  private noticed(name: string | Buffer | null): void {
    if (name !== null && isIgnoredChange(String(name))) return;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.fire(), this.debounceMs);
  }

  private fire(): void {
    if (this.stopped) return;
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = this.options
      .onChange()
      .then(
        () => {},
        (error: unknown) =>
          this.options.logger.warn("ingest after a knowledge folder change failed", { error }),
      )
      .finally(() => {
        this.running = null;
        if (this.pending) {
          this.pending = false;
          this.schedule();
        }
      });
  }

  private startPolling(): void {
    if (this.stopped || this.pollTimer) return;
    this.lastListing = this.listing();
    this.pollTimer = setInterval(() => {
      const listing = this.listing();
      if (listing === this.lastListing) return;
      this.lastListing = listing;
      this.schedule();
    }, this.pollIntervalMs);
    this.pollTimer.unref();
  }

  /** Names, sizes and modification times of the files that matter, as one comparable string. */
  private listing(): string {
    const lines: string[] = [];
    const visit = (folder: string, relative: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const name = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (isIgnoredChange(name)) continue;
        const fullPath = path.join(folder, entry.name);
        if (entry.isDirectory()) visit(fullPath, name);
        else if (entry.isFile()) {
          try {
            const stats = fs.statSync(fullPath);
            lines.push(`${name}\t${stats.size}\t${stats.mtimeMs}`);
          } catch {
            // Removed between listing and stat: the next listing no longer has it.
          }
        }
      }
    };
    visit(this.folder, "");
    return lines.sort().join("\n");
  }
}
