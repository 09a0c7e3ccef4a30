import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isIgnoredChange, KnowledgeFolderWatcher } from "../../src/index/knowledge-folder-watcher.ts";
import { silentLogger } from "../../src/logger.ts";
import { temporaryFolder } from "../builders/core.ts";
import { poll } from "../e2e/helpers/poll.ts";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A watcher on a fresh folder whose `onChange` counts its calls and takes `busyMs` each. */
function watched(options: { busyMs?: number; watch?: typeof fs.watch } = {}) {
  const folder = temporaryFolder("samsyn-watcher-");
  const calls: number[] = [];
  const watcher = new KnowledgeFolderWatcher(folder.dir, {
    logger: silentLogger,
    debounceMs: 100,
    pollIntervalMs: 50,
    ...(options.watch ? { watch: options.watch } : {}),
    onChange: async () => {
      calls.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, options.busyMs ?? 0));
    },
  });
  stops.push(async () => {
    await watcher.stop();
    folder.cleanup();
  });
  return { dir: folder.dir, calls, watcher };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unavailable = (() => {
  throw Object.assign(new Error("recursive watch unavailable"), {
    code: "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
  });
}) as unknown as typeof fs.watch;

describe("knowledge folder watcher", () => {
  it("ignores editors' temporary files and the group and calendar folders", () => {
    for (const name of [
      ".avtal.md.swp",
      "avtal.md~",
      "~$avtal.docx",
      "#avtal.md#",
      "4913",
      "rapport.pdf.part",
    ])
      expect(isIgnoredChange(name), name).toBe(true);
    expect(isIgnoredChange("groups/beredningen.yaml")).toBe(true);
    expect(isIgnoredChange("calendar/moten.ics")).toBe(true);
    expect(isIgnoredChange("sources.yaml")).toBe(true);
    expect(isIgnoredChange("avtal.md")).toBe(false);
    expect(isIgnoredChange("protokoll/2026/mars.pdf")).toBe(false);
  });

  it("indexes once after a burst of saved files", async () => {
    const { dir, calls, watcher } = watched();
    expect(watcher.start()).toBe("events");
    for (const name of ["a.md", "b.md", "c.md"]) fs.writeFileSync(path.join(dir, name), "# Text\n");
    await poll(() => calls.length === 1, 10_000);
    await pause(400);
    expect(calls).toHaveLength(1);
  });

  it("does not index for an editor's swap file alone", async () => {
    const { dir, calls, watcher } = watched();
    watcher.start();
    fs.writeFileSync(path.join(dir, ".avtal.md.swp"), "swap");
    await pause(600);
    expect(calls).toHaveLength(0);
  });

  it("indexes once more when a file changes while an ingest runs", async () => {
    const { dir, calls, watcher } = watched({ busyMs: 500 });
    watcher.start();
    fs.writeFileSync(path.join(dir, "a.md"), "# A\n");
    await poll(() => calls.length === 1, 10_000);
    fs.writeFileSync(path.join(dir, "b.md"), "# B\n");
    await poll(() => calls.length === 2, 10_000);
    expect((calls[1] ?? 0) - (calls[0] ?? 0)).toBeGreaterThanOrEqual(500);
  });

  it("lists the folder instead when file events are unavailable", async () => {
    const { dir, calls, watcher } = watched({ watch: unavailable });
    expect(watcher.start()).toBe("polling");
    fs.writeFileSync(path.join(dir, ".avtal.md.swp"), "swap");
    await pause(400);
    expect(calls).toHaveLength(0);
    fs.mkdirSync(path.join(dir, "protokoll"));
    fs.writeFileSync(path.join(dir, "protokoll", "mars.md"), "# Mars\n");
    await poll(() => calls.length === 1, 10_000);
    fs.rmSync(path.join(dir, "protokoll", "mars.md"));
    await poll(() => calls.length === 2, 10_000);
  });
});
