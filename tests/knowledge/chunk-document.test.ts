import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/knowledge/chunk-document.ts";
import type { Chunk, LoadedDocument } from "../../src/knowledge/document.ts";
import { listKnowledgeFiles } from "../../src/knowledge/list-knowledge-files.ts";
import { loadDocument } from "../../src/knowledge/load-document.ts";
import { assembleDocument } from "../../src/knowledge/loaders/assemble-document.ts";
import type { RawBlock } from "../../src/knowledge/loaders/parsed-document.ts";

const KNOWLEDGE = path.resolve("knowledge");
const FIXTURES = path.resolve("tests/fixtures");
const MAX_WORDS = 220;
const SENTENCE_END = /[.!?…"”)]$/;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A document built directly from blocks, for precise chunker cases. */
function documentFrom(blocks: RawBlock[], title = "Testdokument"): LoadedDocument {
  const { text, blocks: placed } = assembleDocument(blocks);
  const metadata = { title, type: "other" as const, organisations: [], groups: [], date: null, source: null };
  return { id: "test.md", text, blocks: placed, metadata, contentHash: "0" };
}
const heading = (text: string, level: number, page: number | null = null): RawBlock => ({
  kind: "heading",
  text,
  level,
  page,
});
const paragraph = (text: string, page: number | null = null): RawBlock => ({ kind: "paragraph", text, page });
/** Distinct sentences of `size` words, so overlaps and cuts can be located exactly. */
const sentences = (count: number, size: number, label = "Mening") =>
  Array.from({ length: count }, (_, index) => `${label} ${index + 1} ${"ord ".repeat(size - 3)}slut.`);

function expectSoundChunks(document: LoadedDocument, chunks: Chunk[]) {
  const blockStarts = new Set(document.blocks.map((block) => block.start));
  const blockEnds = new Set(document.blocks.map((block) => block.end));
  chunks.forEach((chunk, ordinal) => {
    expect(chunk.id).toBe(`${document.id}#${ordinal}`);
    expect(chunk.text).toBe(document.text.slice(chunk.start, chunk.end));
    expect(words(chunk.text)).toBeLessThanOrEqual(MAX_WORDS);
    expect(chunk.text.length).toBeLessThanOrEqual(1_400);
    // A chunk starts at a block or right after a sentence, and ends at a block end or a sentence end.
    const startsCleanly =
      blockStarts.has(chunk.start) || /[.!?…"”)]\s$/.test(document.text.slice(0, chunk.start));
    expect(startsCleanly, `${chunk.id} starts mid-sentence: ${chunk.text.slice(0, 60)}`).toBe(true);
    const endsCleanly = blockEnds.has(chunk.end) || SENTENCE_END.test(chunk.text);
    expect(endsCleanly, `${chunk.id} ends mid-sentence: ${chunk.text.slice(-60)}`).toBe(true);
  });
  // Every paragraph and list item is covered by the chunks together.
  for (const block of document.blocks.filter((candidate) => candidate.kind !== "heading")) {
    let covered = block.start;
    for (const chunk of chunks) if (chunk.start <= covered && chunk.end > covered) covered = chunk.end;
    expect(covered, `not covered: ${block.text.slice(0, 60)}`).toBeGreaterThanOrEqual(block.end);
  }
}

describe("chunkDocument on the shipped knowledge", () => {
  const loaded = new Map<string, LoadedDocument>();
  beforeAll(async () => {
    for (const file of (await listKnowledgeFiles(KNOWLEDGE)).files) {
      const document = await loadDocument(file, KNOWLEDGE);
      loaded.set(document.id, document);
    }
  });
  const chunkOf = (id: string, phrase: string) => {
    const document = loaded.get(id);
    if (!document) throw new Error(`${id} missing`);
    const chunk = chunkDocument(document).find((candidate) => candidate.text.includes(phrase));
    if (!chunk) throw new Error(`no chunk with "${phrase}"`);
    return chunk;
  };

  it("produces sound chunks for every document", () => {
    expect(loaded.size).toBe(5);
    for (const document of loaded.values()) expectSoundChunks(document, chunkDocument(document));
  });

  it("keeps the heading path of a passage, without the document title", () => {
    const laholm = chunkOf("laholm-samverkansoverenskommelse.md", "fyra möten per år");
    expect(laholm.headingPath).toEqual(["Samverkansberedning"]);
    const report = chunkOf(
      "laholmsnamnden-uppfoljningsrapport-1-2018.md",
      "Kunskapsunderlaget ska ligga till grund",
    );
    expect(report.headingPath).toEqual(["1 Sammanfattning", "Kunskapsuppdraget"]);
    const halland = chunkOf("region-halland-lokala-namnder.md", "Agenda 2030");
    expect(halland.headingPath).toEqual(["Utveckling, kunskap och samverkan"]);
    for (const document of loaded.values()) {
      for (const chunk of chunkDocument(document))
        expect(chunk.headingPath).not.toContain(document.metadata.title);
    }
  });

  it("does not run a section into the next top-level section", () => {
    const norrbotten = chunkOf(
      "norrbotten-overenskommelse-politisk-samverkan.md",
      "minst fyra gånger per år",
    );
    expect(norrbotten.text).not.toContain("Ikraftträdande");
    expect(norrbotten.headingPath).toEqual(["Former för samarbete"]);
  });
});

describe("chunkDocument on a statute", () => {
  let statute: LoadedDocument;
  beforeAll(async () => {
    statute = await loadDocument(path.join(FIXTURES, "sfs/sfs-2023-455.md"), FIXTURES);
  });

  it("keeps chapters apart and uses the paragraf as the unit", () => {
    const chunks = chunkDocument(statute);
    expectSoundChunks(statute, chunks);
    const chapters = statute.blocks.filter((block) => block.kind === "heading" && block.level === 2);
    expect(chapters.map((block) => block.text)).toEqual([
      "1 kap. Inledande bestämmelser",
      "2 kap. Granskning av utbetalningar",
      "3 kap. Underrättelseskyldighet för Utbetalningsmyndigheten",
    ]);
    const chapterAt = (offset: number) => chapters.filter((chapter) => chapter.start <= offset).length;
    for (const chunk of chunks) {
      const body = statute.blocks.filter(
        (block) => block.kind !== "heading" && block.start < chunk.end && block.end > chunk.start,
      );
      expect(new Set(body.map((block) => chapterAt(block.start))).size).toBe(1);
    }
    const bolagsverket = chunks.find((chunk) => chunk.text.includes("underrätta Bolagsverket"));
    expect(bolagsverket?.headingPath).toEqual([
      "3 kap. Underrättelseskyldighet för Utbetalningsmyndigheten",
      "Bolagsverket",
      "2 §",
    ]);
    expect(bolagsverket?.text.startsWith("Bolagsverket")).toBe(true);
  });
});

describe("chunkDocument on constructed documents", () => {
  it("splits a long section at sentences into even chunks that overlap by one sentence", () => {
    const document = documentFrom([heading("Uppdrag", 2, 3), paragraph(sentences(40, 12).join(" "), 3)]);
    const chunks = chunkDocument(document);
    expectSoundChunks(document, chunks);

    expect(chunks.length).toBe(Math.ceil(482 / 150));
    for (const chunk of chunks) {
      expect(chunk.headingPath).toEqual(["Uppdrag"]);
      expect(chunk.page).toBe(3);
      expect(words(chunk.text)).toBeGreaterThan(100);
    }
    for (let index = 1; index < chunks.length; index++) {
      const previous = chunks[index - 1] as Chunk;
      const current = chunks[index] as Chunk;
      const lastSentence = previous.text.slice(previous.text.lastIndexOf("Mening"));
      expect(current.text.startsWith(lastSentence)).toBe(true);
      expect(current.start).toBe(previous.end - lastSentence.length);
    }
  });

  it("repeats nothing when overlap is turned off", () => {
    const document = documentFrom([paragraph(sentences(40, 12).join(" "))]);
    const chunks = chunkDocument(document, { overlapSentences: 0 });
    for (let index = 1; index < chunks.length; index++) {
      expect((chunks[index] as Chunk).start).toBeGreaterThan((chunks[index - 1] as Chunk).end);
    }
  });

  it("merges a small section into its next sibling but never into another parent", () => {
    const document = documentFrom([
      heading("Organisation", 2),
      heading("Presidium", 3),
      paragraph("Presidiet består av tre ordförande."),
      heading("Sekreterare", 3),
      paragraph(sentences(6, 12, "Sekreteraren").join(" ")),
      heading("Ekonomi", 3),
      paragraph("Budgeten beslutas årligen."),
      heading("Möten", 2),
      paragraph(sentences(6, 12, "Mötet").join(" ")),
    ]);
    const chunks = chunkDocument(document);
    expectSoundChunks(document, chunks);

    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
      ["Organisation", "Sekreterare"],
      ["Organisation", "Ekonomi"],
      ["Möten"],
    ]);
    expect(chunks[0]?.text.startsWith("Organisation\n\nPresidium\n\nPresidiet består")).toBe(true);
    expect(chunks[1]?.text).toBe("Ekonomi\n\nBudgeten beslutas årligen.");
  });

  it("cuts a sentence longer than the limit at commas", () => {
    const clauses = Array.from({ length: 30 }, (_, index) => `punkt ${index + 1} gäller för alla parter,`);
    const document = documentFrom([
      paragraph(`Följande gäller ${clauses.join(" ")} och därmed är listan slut.`),
    ]);
    const chunks = chunkDocument(document, { maxWords: 60, targetWords: 40 });

    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(words(chunk.text)).toBeLessThanOrEqual(60);
      expect(chunk.text).toBe(document.text.slice(chunk.start, chunk.end));
    }
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.endsWith(",")).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join(" ")).toBe(document.text);
  });

  it("leaves out a word longer than a whole passage and keeps the text around it", () => {
    const image = "iVBORw0KGgoAAAANSUhEUgAA".repeat(20_000);
    const document = documentFrom([
      paragraph("Beredningen träffas fyra gånger per år."),
      paragraph(`Bilden visar organisationen: ${image} Presidiet leder arbetet.`),
    ]);
    const chunks = chunkDocument(document);

    expect(chunks.map((chunk) => chunk.text.length).every((length) => length <= 1_400)).toBe(true);
    const text = chunks.map((chunk) => chunk.text).join(" ");
    expect(text).toContain("Beredningen träffas fyra gånger per år.");
    expect(text).toContain("Presidiet leder arbetet.");
    expect(text).not.toContain("iVBORw0KGgo");
  });

  it("makes no passage of a document that is one endless word", () => {
    expect(chunkDocument(documentFrom([paragraph("a".repeat(100_000))]))).toEqual([]);
  });

  it("leaves the title heading out of paths and keeps a heading with the text it introduces", () => {
    const document = documentFrom(
      [
        heading("Reglemente", 1),
        paragraph(sentences(14, 12).join(" ")),
        heading("Ikraftträdande", 2),
        paragraph(sentences(3, 12, "Ikraft").join(" ")),
      ],
      "Reglemente",
    );
    const chunks = chunkDocument(document);
    expectSoundChunks(document, chunks);
    expect(chunks[0]?.headingPath).toEqual([]);
    const last = chunks.at(-1);
    expect(last?.headingPath).toEqual(["Ikraftträdande"]);
    expect(last?.text.startsWith("Ikraftträdande")).toBe(true);
    for (const chunk of chunks) expect(chunk.text.endsWith("Ikraftträdande")).toBe(false);
  });
});
