import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_INGEST_LIMITS } from "../../src/config/ingest-limits.ts";
import { DocumentReader } from "../../src/knowledge/reading/document-reader.ts";
import { makeTempDir, writeTextFile } from "../builders/document-files.ts";

let dir: string;
let small: string;
let heavy: string;
beforeAll(async () => {
  dir = await makeTempDir();
  small = await writeTextFile(dir, "kort.md", "# Beredningen\n\nBeredningen träffas fyra gånger per år.\n");
  const items = Array.from(
    { length: 40_000 },
    (_, index) => `<div><p>Punkt ${index} om samverkan.</p></div>`,
  );
  heavy = path.join(dir, "tung.html");
  await writeFile(heavy, `<html><body><main>${items.join("")}</main></body></html>`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("DocumentReader", () => {
  it("reads a file into passages in its worker", async () => {
    const reader = new DocumentReader(DEFAULT_INGEST_LIMITS);
    try {
      const outcome = await reader.read(small, dir, "kort.md");
      expect(outcome.ok && outcome.chunks.map((chunk) => chunk.text)).toEqual([
        "Beredningen\n\nBeredningen träffas fyra gånger per år.",
      ]);
    } finally {
      await reader.close();
    }
  });

  it("reads the next of many files in a second worker while a large one still holds the first", async () => {
    const reader = new DocumentReader(DEFAULT_INGEST_LIMITS, undefined, 2);
    reader.expect(100);
    try {
      // Both workers started: two reads asked at once go to different workers.
      await Promise.all([reader.read(small, dir, "kort.md"), reader.read(small, dir, "kort.md")]);
      const settled: string[] = [];
      const note = (name: string) => (outcome: { ok: boolean }) => {
        settled.push(`${name}:${outcome.ok}`);
      };
      await Promise.all([
        reader.read(heavy, dir, "tung.html").then(note("tung.html")),
        reader.read(small, dir, "kort.md").then(note("kort.md")),
      ]);
      expect(settled).toEqual(["kort.md:true", "tung.html:true"]);
    } finally {
      await reader.close();
    }
  });

  it("reads a few files one after the other in one worker", async () => {
    const reader = new DocumentReader(DEFAULT_INGEST_LIMITS, undefined, 2);
    reader.expect(2);
    try {
      const settled: string[] = [];
      await Promise.all([
        reader.read(heavy, dir, "tung.html").then(() => settled.push("tung.html")),
        reader.read(small, dir, "kort.md").then(() => settled.push("kort.md")),
      ]);
      expect(settled).toEqual(["tung.html", "kort.md"]);
    } finally {
      await reader.close();
    }
  });

  it("stops a file that takes longer than the budget, says so in Swedish, and reads the next file", async () => {
    const reader = new DocumentReader({ ...DEFAULT_INGEST_LIMITS, fileTimeoutMs: 50 });
    try {
      const slow = await reader.read(heavy, dir, "tung.html");
      expect(slow).toMatchObject({ ok: false, code: "ingest_file_timeout" });
      expect(!slow.ok && slow.message).toMatch(/^tung\.html: inläsningen tog för lång tid/);
      const relaxed = new DocumentReader(DEFAULT_INGEST_LIMITS);
      expect((await relaxed.read(small, dir, "kort.md")).ok).toBe(true);
      await relaxed.close();
    } finally {
      await reader.close();
    }
  });

  it("gives up a file that needs more memory than the worker may use, and reads the next one", async () => {
    const reader = new DocumentReader({ ...DEFAULT_INGEST_LIMITS, workerMemoryMb: 32 });
    try {
      const outcome = await reader.read(heavy, dir, "tung.html");
      expect(outcome).toMatchObject({ ok: false, code: "ingest_file_too_large" });
      expect(!outcome.ok && outcome.message).toMatch(/^tung\.html: filen är för stor .*32 MB minne/);
      expect((await reader.read(small, dir, "kort.md")).ok).toBe(true);
    } finally {
      await reader.close();
    }
  });
});
