import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeCore } from "../../src/app/compose.ts";
import { loadConfig } from "../../src/config/config.ts";
import { ingestKnowledge } from "../../src/index/ingest-knowledge.ts";
import { KnowledgeIndex } from "../../src/index/knowledge-index.ts";
import { writeMeta } from "../../src/index/sqlite-database.ts";
import { silentLogger } from "../../src/logger.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { FakeEmbedder } from "../fakes/fake-embedder.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function workspace() {
  const folder = temporaryFolder();
  cleanups.push(folder.cleanup);
  const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  return { knowledgeDir, dataDir: path.join(folder.dir, "data") };
}

/** A document that names Kvarnholmia too rarely for the word to get a vector of its own. */
function writeKvarnholmia(knowledgeDir: string): void {
  fs.writeFileSync(
    path.join(knowledgeDir, "kvarnholmia.md"),
    "# Kvarnholmia\n\nKvarnholmia är ett nätverk för kustkommunerna. Kvarnholmia leds av en presidiegrupp.\n",
  );
}

/** A second document after which the word is used often enough to get a vector. */
function writeKvarnholmiaMeetings(knowledgeDir: string): void {
  fs.writeFileSync(
    path.join(knowledgeDir, "kvarnholmia-moten.md"),
    `# Möten\n\n${"Kvarnholmia sammanträder i hamnen. Kvarnholmia bjuder in kommunerna. ".repeat(3)}\n`,
  );
}

/** Each passage's stored vector, by passage id. */
function storedVectors(core: { index: KnowledgeIndex }): Map<string, Float32Array> {
  const rows = core.index.database.prepare("SELECT id, embedding FROM chunks").all() as {
    id: string;
    embedding: Buffer;
  }[];
  return new Map(rows.map((row) => [row.id, new Float32Array(new Uint8Array(row.embedding).buffer)]));
}

function largestDifference(actual: Map<string, Float32Array>, expected: Map<string, Float32Array>): number {
  let largest = 0;
  for (const [id, vector] of expected) {
    const other = actual.get(id);
    vector.forEach((value, index) => {
      largest = Math.max(largest, Math.abs(value - (other?.[index] ?? Number.POSITIVE_INFINITY)));
    });
  }
  return largest;
}

describe("incremental ingest", () => {
  it("re-reads only changed files, drops deleted ones and keeps the rest", async () => {
    const { knowledgeDir, dataDir } = workspace();
    const first = await ingestedCore(knowledgeDir, dataDir);
    const documents = first.summary.documents;
    expect(first.summary.added).toBe(documents);
    first.core.close();

    const files = fs.readdirSync(knowledgeDir).filter((name) => name.endsWith(".md") && name !== "README.md");
    const [changed, removed] = files;
    if (!changed || !removed) throw new Error("the shipped knowledge needs at least two documents");
    fs.appendFileSync(
      path.join(knowledgeDir, changed),
      "\nSamverkansberedningen besöker Mellbystrand varje midsommar.\n",
    );
    fs.rmSync(path.join(knowledgeDir, removed));

    const second = await ingestedCore(knowledgeDir, dataDir);
    expect(second.summary).toMatchObject({ added: 0, updated: 1, removed: 1, unchanged: documents - 2 });
    expect(second.summary.documents).toBe(documents - 1);
    const { answer } = await second.core.answers.ask("Vilken strand besöker samverkansberedningen?", {
      scope: EVERYTHING,
    });
    expect(answer.text).toMatch(/Mellbystrand/);
    expect(second.core.index.catalog.document(removed)).toBeUndefined();
    second.core.close();
  });

  it("ranks keyword matches after updates exactly as a freshly built index does", async () => {
    const { knowledgeDir, dataDir } = workspace();
    (await ingestedCore(knowledgeDir, dataDir)).core.close();
    const [changed] = fs
      .readdirSync(knowledgeDir)
      .filter((name) => name.endsWith(".md") && name !== "README.md");
    if (!changed) throw new Error("the shipped knowledge needs a document");
    // Two rounds of edits: every round deletes and re-inserts the file's passages.
    for (const line of ["Nämnden har en ekonomi i balans.", "Ekonomin följs upp varje kvartal."]) {
      fs.appendFileSync(path.join(knowledgeDir, changed), `\n${line}\n`);
      (await ingestedCore(knowledgeDir, dataDir)).core.close();
    }
    const updated = await ingestedCore(knowledgeDir, dataDir);
    const fresh = await ingestedCore(knowledgeDir, path.join(dataDir, "..", "fresh-data"));
    const terms = updated.core.index.analyzer.queryTerms("Hur ser ekonomin ut för nämnden i Laholm?");
    const hits = (core: typeof fresh.core) => {
      const found = core.index.keywords.search(terms, { limit: 10 });
      const chunks = core.index.catalog.chunksByRowid(found.map((hit) => hit.rowid));
      return found.map((hit) => ({ id: chunks.get(hit.rowid)?.id, score: hit.score.toFixed(6) }));
    };
    expect(hits(updated.core)).toEqual(hits(fresh.core));
    updated.core.close();
    fresh.core.close();
  });

  it("reads every document again when the data was cut by an older chunker", async () => {
    const { knowledgeDir, dataDir } = workspace();
    const first = await ingestedCore(knowledgeDir, dataDir);
    const documents = first.summary.documents;
    // As an index made before the line-joining fix would have it.
    writeMeta(first.core.index.database, "chunking_version", "1");
    first.core.close();

    const second = await ingestedCore(knowledgeDir, dataDir);
    expect(second.summary).toMatchObject({ updated: documents, unchanged: 0 });
    second.core.close();
    const third = await ingestedCore(knowledgeDir, dataDir);
    expect(third.summary).toMatchObject({ updated: 0, unchanged: documents });
    third.core.close();
  });

  it("learns vectors for the knowledge base's own words, re-embedding only the passages that use them", async () => {
    const { knowledgeDir, dataDir } = workspace();
    writeKvarnholmia(knowledgeDir);
    const first = await ingestedCore(knowledgeDir, dataDir);
    const cached = () => fs.readdirSync(dataDir).filter((name) => name.startsWith("word-vectors-adapted-"));
    expect(cached()).toHaveLength(1);
    const embeddings = (core: typeof first.core) =>
      new Map(
        (
          core.index.database.prepare("SELECT id, embedding FROM chunks").all() as {
            id: string;
            embedding: Buffer;
          }[]
        ).map((row) => [row.id, row.embedding.toString("base64")]),
      );
    const before = embeddings(first.core);
    first.core.close();

    const restarted = await ingestedCore(knowledgeDir, dataDir);
    expect(restarted.summary.unchanged).toBe(restarted.summary.documents);
    expect(embeddings(restarted.core)).toEqual(before);
    restarted.core.close();

    // Now the word is used often enough to get a vector of its own.
    writeKvarnholmiaMeetings(knowledgeDir);
    const grown = await ingestedCore(knowledgeDir, dataDir);
    expect(grown.summary).toMatchObject({ added: 1, updated: 0 });
    const after = embeddings(grown.core);
    const changed = [...before.keys()].filter((id) => after.get(id) !== before.get(id));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((id) => id.startsWith("kvarnholmia.md"))).toBe(true);
    grown.core.close();
  });

  it("after files are added, changed and removed, keeps no stale vector and stays as close to a fresh ingest as its IDF tolerance", async () => {
    const { knowledgeDir, dataDir } = workspace();
    writeKvarnholmia(knowledgeDir);
    (await ingestedCore(knowledgeDir, dataDir)).core.close();
    // The word reaches the count that gives it a vector, a seed mentions it, another seed goes.
    writeKvarnholmiaMeetings(knowledgeDir);
    fs.appendFileSync(
      path.join(knowledgeDir, "halsam-samverkansstruktur.md"),
      "\nHälSam samråder med Kvarnholmia om kustfrågor.\n",
    );
    fs.rmSync(path.join(knowledgeDir, "laholmsnamnden-uppfoljningsrapport-1-2018.md"));
    fs.writeFileSync(
      path.join(knowledgeDir, "ordlista.md"),
      "# Ordlista\n\nEn samverkansberedning bereder ärenden.\n",
    );
    const updated = await ingestedCore(knowledgeDir, dataDir);
    expect(updated.summary).toMatchObject({ added: 2, updated: 1, removed: 1 });
    const actual = storedVectors(updated.core);
    // Every passage embedded again with what this ingest learned: nothing kept an older meaning.
    writeMeta(updated.core.index.database, "embedder_id", "an older embedder");
    updated.core.close();
    const reembedded = await ingestedCore(knowledgeDir, dataDir);
    expect(reembedded.summary).toMatchObject({ updated: reembedded.summary.documents });
    const expected = storedVectors(reembedded.core);
    reembedded.core.close();
    const fresh = await ingestedCore(knowledgeDir, path.join(path.dirname(dataDir), "fresh-data"));
    const learnedAtOnce = storedVectors(fresh.core);
    fresh.core.close();

    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(largestDifference(actual, expected)).toBeLessThan(1e-6);
    // A word's IDF follows the knowledge base's size only when it moves by more than 1 %.
    expect(largestDifference(actual, learnedAtOnce)).toBeLessThan(0.01);
  });

  it("still refreshes the old passages with a newly learned word when the ingest that learned it died before committing", async () => {
    const question = "Vad är Kvarnholmia?";
    const oldPassageScore = async (core: Awaited<ReturnType<typeof ingestedCore>>["core"]) => {
      const { passages } = await core.retriever.retrieve(question, EVERYTHING, 5);
      return passages.find((passage) => passage.document.id === "kvarnholmia.md")?.vectorScore;
    };

    const uninterrupted = workspace();
    writeKvarnholmia(uninterrupted.knowledgeDir);
    (await ingestedCore(uninterrupted.knowledgeDir, uninterrupted.dataDir)).core.close();
    writeKvarnholmiaMeetings(uninterrupted.knowledgeDir);
    const expected = await ingestedCore(uninterrupted.knowledgeDir, uninterrupted.dataDir);
    const expectedScore = await oldPassageScore(expected.core);
    expected.core.close();

    const { knowledgeDir, dataDir } = workspace();
    writeKvarnholmia(knowledgeDir);
    (await ingestedCore(knowledgeDir, dataDir)).core.close();
    writeKvarnholmiaMeetings(knowledgeDir);
    // The process dies after the adaptation is cached, before the ingest's transaction commits.
    const dying = await composeCore({ ...loadConfig({}), knowledgeDir, dataDir }, silentLogger);
    const crash = (progress: { phase: string }) => {
      if (progress.phase === "writing") throw new Error("process killed");
    };
    await expect(ingestKnowledge(dying.index, knowledgeDir, { onProgress: crash })).rejects.toThrow(
      "process killed",
    );
    dying.close();

    const recovered = await ingestedCore(knowledgeDir, dataDir);
    expect(recovered.summary).toMatchObject({ added: 1, updated: 0 });
    const score = await oldPassageScore(recovered.core);
    recovered.core.close();
    expect(expectedScore).toBeDefined();
    expect(score).toBeCloseTo(expectedScore ?? Number.NaN, 5);
  });

  it("reports a broken file by name and reason and indexes everything else", async () => {
    const { knowledgeDir, dataDir } = workspace();
    fs.writeFileSync(path.join(knowledgeDir, "trasig.pdf"), "%PDF-1.7\nthis is not really a pdf");
    fs.writeFileSync(path.join(knowledgeDir, "bild.png"), "not a document");
    const { core, summary } = await ingestedCore(knowledgeDir, dataDir);
    const skipped = Object.fromEntries(summary.skipped.map((problem) => [problem.file, problem]));
    expect(skipped["trasig.pdf"]?.code).toBe("ingest_unreadable_file");
    expect(skipped["trasig.pdf"]?.message).toMatch(/trasig\.pdf/);
    expect(skipped["bild.png"]?.code).toBe("ingest_unsupported_format");
    expect(summary.documents).toBeGreaterThanOrEqual(5);
    core.close();
  });

  it("embeds only the passages of a changed file, never the unchanged ones", async () => {
    const { knowledgeDir, dataDir } = workspace();
    const analyzer = createSwedishAnalyzer();
    const embedder = new FakeEmbedder({ dimensions: 32 });
    const index = KnowledgeIndex.open(dataDir, embedder, analyzer);
    await ingestKnowledge(index, knowledgeDir);
    const embeddedAtFirst = embedder.calls.flatMap((call) => call.texts).length;
    expect(embeddedAtFirst).toBe(index.catalog.stats().chunks);

    embedder.calls.length = 0;
    expect(await ingestKnowledge(index, knowledgeDir)).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(embedder.calls).toHaveLength(0);

    const file =
      fs.readdirSync(knowledgeDir).find((name) => name.endsWith(".md") && name !== "README.md") ?? "";
    fs.appendFileSync(
      path.join(knowledgeDir, file),
      "\nEtt nytt stycke om Mellbystrand som ingen har läst förut.\n",
    );
    await ingestKnowledge(index, knowledgeDir);
    const reembedded = embedder.calls.flatMap((call) => call.texts);
    expect(reembedded.length).toBeGreaterThan(0);
    expect(reembedded.length).toBeLessThan(index.catalog.document(file)?.chunkCount ?? 0);
    expect(reembedded.some((text) => text.includes("Mellbystrand"))).toBe(true);
    index.close();
  });
});
