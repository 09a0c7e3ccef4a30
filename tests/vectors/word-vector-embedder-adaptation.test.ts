import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { trainWordVectors } from "../../src/vectors/train-word-vectors.ts";
import { WordVectorEmbedder } from "../../src/vectors/word-vector-embedder.ts";
import { temporaryFolder } from "../builders/core.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

const words = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];
const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function knowledgeBase(): string[] {
  // "omega" is used like the sky words in the group's documents but unknown to the base model.
  return syntheticCorpus(60, 11, "omega").map((document) => document.join(" "));
}

describe("WordVectorEmbedder.adaptTo", () => {
  it("gives a word of the knowledge base that the base model lacks a meaning, and reports it as changed", async () => {
    const base = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const folder = temporaryFolder();
    cleanups.push(folder.cleanup);
    const embedder = new WordVectorEmbedder(base, words);
    const before = embedder.id;
    const [unknown] = await embedder.embed(["omega"], "query");
    expect([...(unknown ?? [])].every((value) => value === 0)).toBe(true);

    const documents = knowledgeBase();
    const changed = await embedder.adaptTo({
      fingerprint: "v1",
      committedFingerprint: null,
      cacheDir: folder.dir,
      documents: () => documents,
    });

    expect([...changed]).toEqual(["omega"]);
    // Same model family: stored vectors of passages without the new word stay valid.
    expect(embedder.id).toBe(before);
    const [omega, sky, farm] = await embedder.embed(["omega", "alfa", "gamma"], "query");
    if (!omega || !sky || !farm) throw new Error("missing vectors");
    expect(dot(omega, sky)).toBeGreaterThan(dot(omega, farm));
  });

  it("reads the cached adaptation after a restart instead of reading the documents again", async () => {
    const base = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const folder = temporaryFolder();
    cleanups.push(folder.cleanup);
    const documents = knowledgeBase();
    const first = new WordVectorEmbedder(base, words);
    await first.adaptTo({
      fingerprint: "v1",
      committedFingerprint: null,
      cacheDir: folder.dir,
      documents: () => documents,
    });

    const restarted = new WordVectorEmbedder(base, words);
    let read = false;
    const changed = await restarted.adaptTo({
      fingerprint: "v1",
      committedFingerprint: "v1",
      cacheDir: folder.dir,
      documents: () => {
        read = true;
        return documents;
      },
    });
    expect(read).toBe(false);
    expect(changed.size).toBe(0);
    const [omega] = await restarted.embed(["omega"], "query");
    expect([...(omega ?? [])].some((value) => value !== 0)).toBe(true);
  });

  it("keeps the committed adaptation until the next one is committed, then removes it", async () => {
    const base = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const folder = temporaryFolder();
    cleanups.push(folder.cleanup);
    const documents = knowledgeBase();
    const cached = () =>
      fs.readdirSync(folder.dir).filter((name) => name.startsWith("word-vectors-adapted-"));
    const embedder = new WordVectorEmbedder(base, words);
    const adapt = (fingerprint: string, committedFingerprint: string | null) =>
      embedder.adaptTo({
        fingerprint,
        committedFingerprint,
        cacheDir: folder.dir,
        documents: () => documents,
      });

    await adapt("v1", null);
    await adapt("v2", "v1");
    expect(cached()).toHaveLength(2);
    await adapt("v2", "v2");
    expect(cached()).toHaveLength(1);
  });

  it("reports the learned words as changed when the cached adaptation was never committed", async () => {
    const base = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const folder = temporaryFolder();
    cleanups.push(folder.cleanup);
    const documents = knowledgeBase();
    // The process died after caching the adaptation and before the ingest committed it.
    await new WordVectorEmbedder(base, words).adaptTo({
      fingerprint: "v1",
      committedFingerprint: null,
      cacheDir: folder.dir,
      documents: () => documents,
    });

    const restarted = new WordVectorEmbedder(base, words);
    const changed = await restarted.adaptTo({
      fingerprint: "v1",
      committedFingerprint: null,
      cacheDir: folder.dir,
      documents: () => documents,
    });
    expect([...changed]).toEqual(["omega"]);
  });

  it("keeps the base model when the knowledge base brings no new word", async () => {
    const base = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
    const folder = temporaryFolder();
    cleanups.push(folder.cleanup);
    const embedder = new WordVectorEmbedder(base, words);
    const documents = syntheticCorpus(20, 3).map((document) => document.join(" "));
    const changed = await embedder.adaptTo({
      fingerprint: "v1",
      committedFingerprint: null,
      cacheDir: folder.dir,
      documents: () => documents,
    });
    expect(changed.size).toBe(0);
    expect(embedder.activeModel).toBe(base);
  });
});
