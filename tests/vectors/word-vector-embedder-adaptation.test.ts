import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { trainWordVectors } from "../../src/vectors/train-word-vectors.ts";
import { WordVectorEmbedder } from "../../src/vectors/word-vector-embedder.ts";
import type { WordVectorModel } from "../../src/vectors/word-vector-model.ts";
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

/** A small base model and an empty data folder, removed after the test. */
async function setUp() {
  const base = await trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2 });
  const folder = temporaryFolder();
  cleanups.push(folder.cleanup);
  return { base, folder };
}

/** A restarted process's embedder taking on the committed adaptation "v1"; says whether it read the documents. */
async function restartAtV1(base: WordVectorModel, cacheDir: string, documents: string[]) {
  let read = false;
  const embedder = new WordVectorEmbedder(base, words);
  const changed = await embedder.adaptTo({
    fingerprint: "v1",
    committedFingerprint: "v1",
    cacheDir,
    documents: () => {
      read = true;
      return documents;
    },
  });
  return { embedder, changed, read };
}

/** `setUp` plus one adaptation to the knowledge base as "v1", the first one (nothing committed yet). */
async function adaptedOnce() {
  const { base, folder } = await setUp();
  const documents = knowledgeBase();
  await new WordVectorEmbedder(base, words).adaptTo({
    fingerprint: "v1",
    committedFingerprint: null,
    cacheDir: folder.dir,
    documents: () => documents,
  });
  return { base, folder, documents };
}

describe("WordVectorEmbedder.adaptTo", () => {
  it("gives a word of the knowledge base that the base model lacks a meaning, and reports it as changed", async () => {
    const { base, folder } = await setUp();
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
    const { base, folder } = await setUp();
    const documents = knowledgeBase();
    const first = new WordVectorEmbedder(base, words);
    await first.adaptTo({
      fingerprint: "v1",
      committedFingerprint: null,
      cacheDir: folder.dir,
      documents: () => documents,
    });

    const { embedder: restarted, changed, read } = await restartAtV1(base, folder.dir, documents);
    expect(read).toBe(false);
    expect(changed.size).toBe(0);
    const [omega] = await restarted.embed(["omega"], "query");
    expect([...(omega ?? [])].some((value) => value !== 0)).toBe(true);
  });

  it("keeps the committed adaptation until the next one is committed, then removes it", async () => {
    const { base, folder } = await setUp();
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
    // The process died after caching the adaptation and before the ingest committed it.
    const { base, folder, documents } = await adaptedOnce();

    const restarted = new WordVectorEmbedder(base, words);
    const changed = await restarted.adaptTo({
      fingerprint: "v1",
      committedFingerprint: null,
      cacheDir: folder.dir,
      documents: () => documents,
    });
    expect([...changed]).toEqual(["omega"]);
  });

  it("updates what it learned from the changed documents alone, as a full adaptation would learn it", async () => {
    const { base, folder } = await setUp();
    const documents = knowledgeBase();
    const added = "omega lyser över havet i kväll och omega syns på himlen";
    const embedder = new WordVectorEmbedder(base, words, "ord");
    await embedder.adaptTo({
      fingerprint: "v1",
      committedFingerprint: null,
      cacheDir: folder.dir,
      documents: () => documents,
    });

    let readAll = false;
    const changed = await embedder.adaptTo({
      fingerprint: "v2",
      committedFingerprint: "v1",
      cacheDir: folder.dir,
      documents: () => {
        readAll = true;
        return [...documents, added];
      },
      changes: {
        termsId: "ord",
        before: () => [],
        after: () => [words(added)],
        containing: () => [],
      },
    });
    // A restarted process takes the update over from the data folder.
    const restarted = new WordVectorEmbedder(base, words, "ord");
    await restarted.adaptTo({
      fingerprint: "v2",
      committedFingerprint: "v2",
      cacheDir: folder.dir,
      documents: () => [],
    });
    const elsewhere = temporaryFolder();
    cleanups.push(elsewhere.cleanup);
    const fresh = new WordVectorEmbedder(base, words, "ord");
    await fresh.adaptTo({
      fingerprint: "v2",
      committedFingerprint: null,
      cacheDir: elsewhere.dir,
      documents: () => [...documents, added],
    });

    expect(readAll).toBe(false);
    expect([...changed]).toEqual(["omega"]);
    const [updated] = await embedder.embed(["omega"], "query");
    const [reread] = await restarted.embed(["omega"], "query");
    const [learned] = await fresh.embed(["omega"], "query");
    // Equal up to float rounding: the sums were added up in another order.
    const difference = (a?: Float32Array, b?: Float32Array) =>
      Math.max(...[...(a ?? [])].map((value, index) => Math.abs(value - (b?.[index] ?? Number.NaN))));
    expect(difference(updated, learned)).toBeLessThan(1e-6);
    expect(reread).toEqual(updated);
  });

  it("learns again from every document when its cached state is damaged", async () => {
    const { base, folder, documents } = await adaptedOnce();
    for (const name of fs.readdirSync(folder.dir))
      fs.writeFileSync(`${folder.dir}/${name}`, "SAMSYNAS\u0000");

    const { embedder: restarted, read } = await restartAtV1(base, folder.dir, documents);
    expect(read).toBe(true);
    const [omega] = await restarted.embed(["omega"], "query");
    expect([...(omega ?? [])].some((value) => value !== 0)).toBe(true);
  });

  it("keeps the base model when the knowledge base brings no new word", async () => {
    const { base, folder } = await setUp();
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
