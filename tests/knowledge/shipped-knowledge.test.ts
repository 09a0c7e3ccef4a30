import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDocument } from "../../src/knowledge/document.ts";
import { findMissingGroupDocuments, loadGroups } from "../../src/knowledge/groups.ts";
import { listKnowledgeFiles } from "../../src/knowledge/list-knowledge-files.ts";
import { loadDocument } from "../../src/knowledge/load-document.ts";
import { splitFrontMatter } from "../../src/knowledge/loaders/front-matter.ts";

const KNOWLEDGE = path.resolve("knowledge");
// The seed texts the shipped documents were made from; only present on the development machine.
const SEEDS = "/work/shared/seeds";

const documents = new Map<string, LoadedDocument>();
beforeAll(async () => {
  for (const file of (await listKnowledgeFiles(KNOWLEDGE)).files) {
    const document = await loadDocument(file, KNOWLEDGE);
    documents.set(document.id, document);
  }
});

describe("the shipped knowledge folder", () => {
  it("holds the five documents with their metadata, and no README among them", () => {
    expect([...documents.keys()].sort()).toEqual([
      "halsam-samverkansstruktur.md",
      "laholm-samverkansoverenskommelse.md",
      "laholmsnamnden-uppfoljningsrapport-1-2018.md",
      "norrbotten-overenskommelse-politisk-samverkan.md",
      "region-halland-lokala-namnder.md",
    ]);
    const types = Object.fromEntries([...documents].map(([id, document]) => [id, document.metadata.type]));
    expect(types).toEqual({
      "halsam-samverkansstruktur.md": "regulation",
      "laholm-samverkansoverenskommelse.md": "agreement",
      "laholmsnamnden-uppfoljningsrapport-1-2018.md": "report",
      "norrbotten-overenskommelse-politisk-samverkan.md": "agreement",
      "region-halland-lokala-namnder.md": "webpage",
    });
    expect(documents.get("norrbotten-overenskommelse-politisk-samverkan.md")?.metadata.date).toBe(
      "2016-12-01",
    );
  });

  it("loses no word of any document body", async () => {
    for (const [id, document] of documents) {
      const { body } = splitFrontMatter(await readFile(path.join(KNOWLEDGE, id), "utf8"));
      const bodyWords = body.match(/[\p{L}\p{N}]+/gu) ?? [];
      const textWords = document.text.match(/[\p{L}\p{N}]+/gu) ?? [];
      expect(textWords, id).toEqual(bodyWords);
    }
  });

  it.skipIf(!existsSync(SEEDS))("keeps every seed text byte for byte as a document body", async () => {
    const seeds = await Promise.all(
      (await readdir(SEEDS)).map((name) => readFile(path.join(SEEDS, name), "utf8")),
    );
    const bodies = await Promise.all(
      [...documents.keys()].map(
        async (id) => splitFrontMatter(await readFile(path.join(KNOWLEDGE, id), "utf8")).body,
      ),
    );
    expect(bodies.sort()).toEqual(seeds.sort());
  });

  it("has valid groups whose documents exist and agree with the documents' own front matter", async () => {
    const groupsDir = path.join(KNOWLEDGE, "groups");
    const { groups, problems } = await loadGroups(groupsDir);
    expect(problems).toEqual([]);
    expect(groups.map((group) => group.id)).toEqual([
      "halsam-vasternorrland",
      "laholm-samverkansberedning",
      "norrbotten-politisk-samverkansberedning",
      "region-halland-lokala-namnder",
    ]);
    expect(findMissingGroupDocuments(groups, new Set(documents.keys()), groupsDir)).toEqual([]);
    for (const group of groups) {
      for (const id of group.documents) expect(documents.get(id)?.metadata.groups, id).toContain(group.id);
    }
    const publicDocuments = groups
      .filter((group) => group.visibility === "public")
      .flatMap((group) => group.documents);
    expect(publicDocuments).toContain("region-halland-lokala-namnder.md");
  });
});
