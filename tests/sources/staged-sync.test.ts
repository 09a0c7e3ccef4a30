import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { safeFileName } from "../../src/sources/safe-file-name.ts";
import { SourceLock } from "../../src/sources/source-lock.ts";
import type { SourceItem } from "../../src/sources/source-port.ts";
import { readSourceState, type SourceState } from "../../src/sources/source-state.ts";
import { StagedSync } from "../../src/sources/staged-sync.ts";
import { temporaryFolder } from "../builders/core.ts";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function folder(): string {
  const made = temporaryFolder("samsyn-staged-");
  cleanup = made.cleanup;
  return made.dir;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const item = (key: string, fileName: string): SourceItem => ({ key, url: `https://x.se/${key}`, fileName });
const finish = (): Omit<SourceState, "items"> => ({
  version: 1,
  id: "test",
  kind: "web",
  group: null,
  label: "test",
  cursor: null,
  lastRun: null,
  lastSuccessAt: null,
});

async function commitOne(dir: string, work: (sink: StagedSync) => Promise<void>) {
  const sink = new StagedSync(dir, (await readSourceState(dir))?.items ?? []);
  await work(sink);
  return sink.commit(finish);
}

const copies = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .sort();

describe("copies on disk", () => {
  it("gives safe, unique names that keep the extension", () => {
    expect(safeFileName("../../etc/passwd.txt", new Set())).toBe("etc-passwd.txt");
    expect(safeFileName("Protokoll 2026.PDF", new Set(["protokoll 2026.pdf"]))).toBe("Protokoll 2026-2.pdf");
    expect(safeFileName(".html", new Set())).toBe("dokument.html");
    expect(safeFileName(`${"å".repeat(300)}.docx`, new Set())).toBe(`${"å".repeat(100)}.docx`);
  });

  it("keeps a document's file name while it changes, and renames it only when its format does", async () => {
    const dir = folder();
    await commitOne(dir, async (sink) => {
      await sink.put(item("a", "index.html"), bytes("<p>A</p>"));
      await sink.put(item("b", "index.html"), bytes("<p>B</p>"));
    });
    expect(copies(dir)).toEqual(["index-2.html", "index.html"]);
    const { counts } = await commitOne(dir, async (sink) => {
      await sink.put(item("b", "ny.html"), bytes("<p>B2</p>"));
      await sink.put(item("a", "index.pdf"), bytes("%PDF-1.4"));
    });
    expect(counts).toEqual({ added: 0, changed: 2, removed: 0 });
    expect(copies(dir)).toEqual(["index-2.html", "index.pdf"]);
    expect(fs.readFileSync(path.join(dir, "index-2.html"), "utf8")).toBe("<p>B2</p>");
  });

  it("changes nothing when a sync is discarded", async () => {
    const dir = folder();
    await commitOne(dir, async (sink) => sink.put(item("a", "a.txt"), bytes("ett")));
    const state = fs.readFileSync(path.join(dir, ".source.json"), "utf8");
    const sink = new StagedSync(dir, (await readSourceState(dir))?.items ?? []);
    await sink.put(item("a", "a.txt"), bytes("två"));
    sink.remove("a");
    await sink.discard();
    expect(fs.readdirSync(dir).sort()).toEqual([".source.json", "a.txt"]);
    expect(fs.readFileSync(path.join(dir, "a.txt"), "utf8")).toBe("ett");
    expect(fs.readFileSync(path.join(dir, ".source.json"), "utf8")).toBe(state);
  });
});

describe("the sync lock", () => {
  it("lets one sync of a source run at a time and takes over a lock whose process is gone", async () => {
    const dir = folder();
    const first = await SourceLock.take(dir);
    expect(first).toBeInstanceOf(SourceLock);
    expect(await SourceLock.take(dir)).toMatchObject({ pid: process.pid });
    await (first as SourceLock).release();
    const again = await SourceLock.take(dir);
    expect(again).toBeInstanceOf(SourceLock);
    await (again as SourceLock).release();
    // A pid above Linux's maximum (2^22) belongs to no process.
    fs.writeFileSync(
      path.join(dir, ".sync.lock"),
      JSON.stringify({ pid: 4_194_305, host: os.hostname(), since: new Date().toISOString() }),
    );
    expect(await SourceLock.take(dir)).toBeInstanceOf(SourceLock);
  });
});
