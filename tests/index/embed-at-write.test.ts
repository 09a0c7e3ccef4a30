import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmbedder } from "../../src/app/compose.ts";
import { loadConfig } from "../../src/config/config.ts";
import type { AdaptationCorpus, Embedder } from "../../src/index/embedder.ts";
import { ingestKnowledge } from "../../src/index/ingest-knowledge.ts";
import { KnowledgeIndex } from "../../src/index/knowledge-index.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";
import { copyKnowledge, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

const analyzer = createSwedishAnalyzer();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The same embedder without its synchronous path, as a remote embedder is: ingest embeds ahead of the commit. */
class EmbedsAheadOnly implements Embedder {
  constructor(private readonly inner: Embedder) {}
  get id() {
    return this.inner.id;
  }
  get dimensions() {
    return this.inner.dimensions;
  }
  get maxBatchSize() {
    return this.inner.maxBatchSize;
  }
  get termsId() {
    return this.inner.termsId;
  }
  embed(texts: readonly string[], kind: "passage" | "query") {
    return this.inner.embed(texts, kind);
  }
  embedTerms(terms: readonly (readonly string[])[], kind: "passage" | "query") {
    if (!this.inner.embedTerms) throw new Error("the offline embedder embeds analysed terms");
    return this.inner.embedTerms(terms, kind);
  }
  adaptTo(corpus: AdaptationCorpus) {
    return this.inner.adaptTo?.(corpus) ?? Promise.resolve(new Set<string>());
  }
}

async function ingestWith(embedder: Embedder) {
  const folder = temporaryFolder();
  cleanups.push(folder.cleanup);
  const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  const index = KnowledgeIndex.open(path.join(folder.dir, "data"), embedder, analyzer);
  cleanups.unshift(() => index.close());
  await ingestKnowledge(index, knowledgeDir);
  const rows = index.database.prepare("SELECT id, embedding FROM chunks ORDER BY rowid").all() as {
    id: string;
    embedding: Buffer;
  }[];
  const [query] = await embedder.embed(["Vem är ordförande i beredningen?"], "query");
  const nearest = index.vectors.search(query as Float32Array, 5).map((hit) => hit.label);
  const ids = new Map(
    index.database
      .prepare("SELECT rowid, id FROM chunks")
      .all()
      .map((row) => {
        const { rowid, id } = row as { rowid: number; id: string };
        return [rowid, id];
      }),
  );
  return {
    stored: rows.map((row) => `${row.id} ${row.embedding.toString("base64")}`),
    nearest: nearest.map((label) => ids.get(label)),
  };
}

describe("embedding while the commit writes", () => {
  it("stores and finds the same vectors as embedding every passage ahead of the commit", async () => {
    const atWrite = await createEmbedder(loadConfig({}), analyzer);
    expect(atWrite.embedTermsNow).toBeDefined();
    const ahead = new EmbedsAheadOnly(await createEmbedder(loadConfig({}), analyzer));

    const written = await ingestWith(atWrite);
    const embeddedAhead = await ingestWith(ahead);

    expect(written.stored.length).toBeGreaterThan(20);
    expect(written.stored).toEqual(embeddedAhead.stored);
    expect(written.nearest).toEqual(embeddedAhead.nearest);
    expect(written.nearest).toHaveLength(5);
  });
});
