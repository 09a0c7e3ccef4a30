import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeCore } from "../../src/app/compose.ts";
import { loadConfig } from "../../src/config/config.ts";
import { ingestKnowledge } from "../../src/index/ingest-knowledge.ts";
import { KnowledgeIndex } from "../../src/index/knowledge-index.ts";
import { silentLogger } from "../../src/logger.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";
import { temporaryFolder } from "../builders/core.ts";
import { FakeEmbedder } from "../fakes/fake-embedder.ts";

// Two `KnowledgeIndex` objects on one data folder stand for two processes (`npm start` and
// `npm run ingest`): each has its own connection, vectors and caches.

const analyzer = createSwedishAnalyzer();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folders(): { knowledgeDir: string; dataDir: string; open: () => KnowledgeIndex } {
  const folder = temporaryFolder("samsyn-shared-index-");
  const knowledgeDir = path.join(folder.dir, "knowledge");
  const dataDir = path.join(folder.dir, "data");
  fs.mkdirSync(knowledgeDir);
  const opened: KnowledgeIndex[] = [];
  cleanups.push(() => {
    for (const index of opened) index.close();
    folder.cleanup();
  });
  const open = () => {
    const index = KnowledgeIndex.open(dataDir, new FakeEmbedder(), analyzer);
    opened.push(index);
    return index;
  };
  write(
    knowledgeDir,
    "reglemente.md",
    "# Reglemente\n\nBeredningen sammanträder fyra gånger per år i Laholm.\n",
  );
  return { knowledgeDir, dataDir, open };
}

/** Two whole cores (the offline embedder with its adaptation) on one data folder. */
async function twoServers() {
  const { knowledgeDir, dataDir } = folders();
  const config = { ...loadConfig({}), knowledgeDir, dataDir };
  const server = await composeCore(config, silentLogger);
  const ingester = await composeCore(config, silentLogger);
  cleanups.unshift(() => {
    server.close();
    ingester.close();
  });
  return { knowledgeDir, server, ingester };
}

function write(knowledgeDir: string, name: string, text: string): void {
  fs.writeFileSync(path.join(knowledgeDir, name), text);
}

const KVARNHOLMIA =
  "# Kvarnholmia\n\nKvarnholmia är ett nätverk för kustkommunerna och leds av en presidiegrupp.\n";

function keywordDocuments(index: KnowledgeIndex, word: string): string[] {
  const hits = index.keywords.search(analyzer.queryTerms(word), { limit: 10 });
  const chunks = index.catalog.chunksByRowid(hits.map((hit) => hit.rowid));
  return [...new Set([...chunks.values()].map((chunk) => chunk.documentId))];
}

describe("one index shared by several processes", () => {
  it("loads another process's ingest on the next check: catalog, keywords and vectors of its generation", async () => {
    const { knowledgeDir, open } = folders();
    const server = open();
    const ingester = open();
    expect(await server.syncWithDatabase()).toBe(false);

    write(knowledgeDir, "kvarnholmia.md", KVARNHOLMIA);
    const summary = await ingestKnowledge(ingester, knowledgeDir);
    expect(server.catalog.stats().documents).toBe(0);

    expect(await server.syncWithDatabase()).toBe(true);
    expect(server.generation).toBe(ingester.generation);
    expect(server.catalog.stats()).toMatchObject({ documents: 2, chunks: summary.chunks });
    expect(server.vectors.size).toBe(summary.chunks);
    expect(keywordDocuments(server, "Kvarnholmia")).toEqual(["kvarnholmia.md"]);
    expect(await server.syncWithDatabase()).toBe(false);
  });

  it("ingests on top of another process's ingest instead of failing on its rows", async () => {
    const { knowledgeDir, open } = folders();
    const server = open();
    await ingestKnowledge(server, knowledgeDir);
    const ingester = open();
    write(knowledgeDir, "kvarnholmia.md", KVARNHOLMIA);
    await ingestKnowledge(ingester, knowledgeDir);

    // The server has not looked yet: an upload's ingest starts from the other process's generation.
    write(knowledgeDir, "protokoll.md", "# Protokoll\n\nMötet i Mellbystrand beslutade om en ny budget.\n");
    const summary = await ingestKnowledge(server, knowledgeDir);
    expect(summary).toMatchObject({ documents: 3, added: 1, unchanged: 2, skipped: [] });
    expect(server.vectors.size).toBe(summary.chunks);
    expect(keywordDocuments(server, "Kvarnholmia")).toEqual(["kvarnholmia.md"]);

    expect(await ingester.syncWithDatabase()).toBe(true);
    expect(keywordDocuments(ingester, "Mellbystrand")).toEqual(["protokoll.md"]);
    expect(ingester.vectors.size).toBe(summary.chunks);
  });

  it("runs two processes' ingests one after the other, the second from the first one's result", async () => {
    const { knowledgeDir, open } = folders();
    const first = open();
    const second = open();
    write(knowledgeDir, "kvarnholmia.md", KVARNHOLMIA);
    let waited = false;
    const [one, two] = await Promise.all([
      ingestKnowledge(first, knowledgeDir),
      ingestKnowledge(second, knowledgeDir, {
        lease: { retryMs: 20 },
        onWait: () => {
          waited = true;
        },
      }),
    ]);
    expect(waited).toBe(true);
    expect(one).toMatchObject({ documents: 2, added: 2 });
    expect(two).toMatchObject({ documents: 2, added: 0, unchanged: 2 });
    expect(second.generation).toBe(first.generation);
  });

  it("commits no new generation when nothing changed, so other processes need not reload", async () => {
    const { knowledgeDir, open } = folders();
    const server = open();
    const ingester = open();
    await ingestKnowledge(ingester, knowledgeDir);
    expect(await server.syncWithDatabase()).toBe(true);
    const generation = ingester.generation;
    const summary = await ingestKnowledge(ingester, knowledgeDir);
    expect(summary).toMatchObject({ documents: 1, unchanged: 1 });
    expect(ingester.generation).toBe(generation);
    expect(await server.syncWithDatabase()).toBe(false);
  });

  it("rebuilds the vectors from the stored embeddings when the generation's vector file is gone", async () => {
    const { knowledgeDir, dataDir, open } = folders();
    const server = open();
    const ingester = open();
    await ingestKnowledge(ingester, knowledgeDir);
    // Deleted by hand, or by a writer that replaced it: the embeddings in the database still have them.
    for (const name of fs.readdirSync(dataDir).filter((file) => file.endsWith(".hnsw")))
      fs.rmSync(path.join(dataDir, name));
    expect(await server.syncWithDatabase()).toBe(true);
    expect(server.vectors.size).toBe(server.catalog.stats().chunks);
  });

  it("embeds questions as the other process embedded the new passages, new words included", async () => {
    const { knowledgeDir, server, ingester } = await twoServers();
    await ingestKnowledge(server.index, knowledgeDir);
    // Used often enough for the offline embedder to learn a vector for the new word.
    write(
      knowledgeDir,
      "kvarnholmia.md",
      `# Kvarnholmia\n\n${"Kvarnholmia sammanträder i hamnen. ".repeat(8)}\n`,
    );
    await ingestKnowledge(ingester.index, knowledgeDir);
    const [learned] = await ingester.index.embedder.embed(["Kvarnholmia"], "query");
    const [before] = await server.index.embedder.embed(["Kvarnholmia"], "query");
    expect(before).not.toEqual(learned);

    expect(await server.index.syncWithDatabase()).toBe(true);
    const [after] = await server.index.embedder.embed(["Kvarnholmia"], "query");
    expect(after).toEqual(learned);
  });

  it("answers a question asked right after another process's ingest from that ingest, title and text alike", async () => {
    const { knowledgeDir, server, ingester } = await twoServers();
    write(
      knowledgeDir,
      "kvarnholmia.md",
      "---\ntitle: Kvarnholmias stadga\n---\n\n# Möten\n\nKvarnholmia sammanträder varannan månad i hamnen.\n",
    );
    await server.knowledge.refresh();
    const question = "Hur ofta sammanträder Kvarnholmia?";
    const first = await server.answers.ask(question, { scope: EVERYTHING });
    expect(first.answer.text).toMatch(/hamnen/);

    write(
      knowledgeDir,
      "kvarnholmia.md",
      "---\ntitle: Kvarnholmias nya stadga\n---\n\n# Möten\n\nKvarnholmia sammanträder varje vecka i rådhuset.\n",
    );
    await ingester.knowledge.refresh();
    // No timer has looked for the other process's commit: the question itself does.
    const { answer } = await server.answers.ask(question, { scope: EVERYTHING });

    expect(answer.text).toMatch(/rådhuset/);
    expect(answer.text).not.toMatch(/hamnen/);
    expect(answer.citations.map((citation) => citation.title)).toContain("Kvarnholmias nya stadga");
  });
});
