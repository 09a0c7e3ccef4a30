import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { SamsynError } from "../../src/errors.ts";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import { scopeForGroups } from "../../src/retrieval/scope.ts";
import { createSources } from "../../src/sources/create-sources.ts";
import type { SourceDefinition } from "../../src/sources/source-definition.ts";
import { SourceRunner } from "../../src/sources/source-runner.ts";
import { ingestedCore, temporaryFolder } from "../builders/core.ts";
import { FakeDocumentSource } from "../fakes/fake-document-source.ts";

const FEES = "https://www.testkommun.se/arvoden";
const RULES = "https://www.testkommun.se/reglemente";
const FEES_ID = "källor/alfa-webb/arvoden.html";

function feesPage(amount: string): string {
  return `<html><head><title>Arvoden</title></head><body><nav>Meny Start Kontakt</nav><main>
<h1>Arvoden för samverkansberedningen i Testkommun</h1>
<p>Ledamöter i samverkansberedningen i Testkommun får ett arvode om ${amount} kronor per sammanträde.</p>
<p>Arvodet betalas ut månaden efter sammanträdet.</p></main><footer>Cookies</footer></body></html>`;
}

function definition(
  id: string,
  group: string | null,
  kind: SourceDefinition["kind"] = "web",
): SourceDefinition {
  return { id, group, kind, origin: `groups/${group}.yaml rad 3`, everyMinutes: 24 * 60 };
}

let core: Core;
let groups: Group[];
let dataDir: string;
let cleanup: () => void;
const alfa = new FakeDocumentSource("alfa-webb");
const beta = new FakeDocumentSource("beta-webb");
let runner: SourceRunner;
let ingests = 0;

beforeAll(async () => {
  const folder = temporaryFolder("samsyn-sources-");
  cleanup = folder.cleanup;
  const knowledgeDir = path.join(folder.dir, "knowledge");
  dataDir = path.join(folder.dir, "data");
  fs.mkdirSync(path.join(knowledgeDir, "groups"), { recursive: true });
  fs.writeFileSync(path.join(knowledgeDir, "groups/alfa.yaml"), "name: Alfa\n");
  fs.writeFileSync(path.join(knowledgeDir, "groups/beta.yaml"), "name: Beta\n");
  fs.writeFileSync(
    path.join(knowledgeDir, "allmant.md"),
    "# Allmänt om samverkan\n\nKommunerna samverkar i frågor om kollektivtrafik.\n",
  );
  ({ core } = await ingestedCore(knowledgeDir, dataDir));
  groups = (await loadGroups(path.join(knowledgeDir, "groups"))).groups;
  alfa.documents.set(FEES, { url: FEES, fileName: "arvoden.html", text: feesPage("1 234"), version: "1" });
  alfa.documents.set(RULES, {
    url: RULES,
    fileName: "reglemente.txt",
    title: "Reglemente för samverkansberedningen",
    text: "Reglemente för samverkansberedningen\n\nBeredningen sammanträder minst sex gånger per år.\n",
    version: "1",
  });
  beta.documents.set("https://www.beta.se/a", {
    url: "https://www.beta.se/a",
    fileName: "a.txt",
    text: "Betas beredning möts i Betaby varje vår.\n",
    version: "1",
  });
  const sources = [
    { definition: definition("alfa-webb", "alfa"), source: alfa },
    { definition: definition("beta-webb", "beta"), source: beta },
    ...createSources([definition("alfa-sharepoint", "alfa", "sharepoint")], {}),
  ];
  runner = new SourceRunner({
    dataDir: core.index.dataDir,
    sources,
    ingest: () => {
      ingests++;
      return core.knowledge.refresh();
    },
    catalog: core.index.catalog,
  });
}, 120_000);

afterAll(() => {
  core?.close();
  cleanup?.();
});

const askInGroup = (question: string, groupId: string) =>
  core.answers.ask(question, {
    scope: scopeForGroups([groupId], groups, core.index.catalog.documents()),
  });

describe("syncing sources into the index", () => {
  it("indexes the synced documents in their group, answering with the source link", async () => {
    const report = await runner.sync({ groupId: "alfa" });
    expect(report.results.map((result) => [result.id, result.outcome, result.added])).toEqual([
      ["alfa-webb", "synced", 2],
      ["alfa-sharepoint", "failed", 0],
    ]);
    expect(report.ingest?.added).toBe(2);
    const { answer } = await askInGroup("Hur stort arvode får ledamöterna per sammanträde?", "alfa");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/1 234 kronor/);
    expect(answer.citations[0]).toMatchObject({ documentId: FEES_ID, source: FEES });
    const rules = core.index.catalog.document("källor/alfa-webb/reglemente.txt");
    expect(rules).toMatchObject({
      title: "Reglemente för samverkansberedningen",
      groups: ["alfa"],
      source: RULES,
    });
  });

  it("keeps a group's synced documents out of other groups' channels", () => {
    const scope = scopeForGroups(["beta"], groups, core.index.catalog.documents());
    expect(scope.documentIds).not.toContain(FEES_ID);
    expect(scope.documentIds).toContain("allmant.md");
  });

  it("shows a kind without an adapter as failed with a Swedish reason, without stopping the others", async () => {
    const rows = await runner.status();
    const sharepoint = rows.find((row) => row.id === "alfa-sharepoint");
    expect(sharepoint?.lastRun?.ok).toBe(false);
    expect(sharepoint?.lastRun?.error).toMatch(/^groups\/alfa\.yaml rad 3: SharePoint-källor kräver/);
    expect(rows.find((row) => row.id === "alfa-webb")).toMatchObject({ documents: 2, lastRun: { ok: true } });
  });

  it("fetches nothing and writes nothing when a second sync finds nothing changed", async () => {
    const copy = path.join(dataDir, FEES_ID);
    const before = fs.statSync(copy).mtimeMs;
    const fetched = alfa.fetched.length;
    const ingested = ingests;
    const report = await runner.sync({ sourceId: "alfa-webb" });
    expect(report.results[0]).toMatchObject({ outcome: "synced", added: 0, changed: 0, removed: 0 });
    expect(alfa.fetched.length).toBe(fetched);
    expect(report.ingest).toBeNull();
    expect(ingests).toBe(ingested);
    expect(fs.statSync(copy).mtimeMs).toBe(before);
    expect(alfa.cursors.at(-1)).toBe("efter-1");
  });

  it("answers from the new text after the source changes", async () => {
    alfa.documents.set(FEES, { url: FEES, fileName: "arvoden.html", text: feesPage("2 345"), version: "2" });
    const report = await runner.sync({ sourceId: "alfa-webb" });
    expect(report.results[0]).toMatchObject({ added: 0, changed: 1, removed: 0 });
    expect(report.ingest?.updated).toBe(1);
    const { answer } = await askInGroup("Hur stort arvode får ledamöterna per sammanträde?", "alfa");
    expect(answer.text).toMatch(/2 345 kronor/);
    expect(answer.text).not.toMatch(/1 234/);
  });

  it("keeps every earlier copy when a sync throws, and records the error in Swedish", async () => {
    alfa.documents.delete(RULES);
    alfa.documents.set(FEES, { url: FEES, fileName: "arvoden.html", text: feesPage("9 999"), version: "3" });
    alfa.failAfter = new SamsynError("source_sync_failed", "www.testkommun.se svarar inte (tidsgräns 30 s).");
    const report = await runner.sync();
    alfa.failAfter = null;
    expect(report.results.map((result) => [result.id, result.outcome])).toEqual([
      ["alfa-webb", "failed"],
      ["beta-webb", "synced"],
      ["alfa-sharepoint", "failed"],
    ]);
    expect(report.results[0]?.error).toBe("www.testkommun.se svarar inte (tidsgräns 30 s).");
    expect(core.index.catalog.document("källor/alfa-webb/reglemente.txt")).toBeDefined();
    expect(core.index.catalog.document("källor/beta-webb/a.txt")?.groups).toEqual(["beta"]);
    const { answer } = await askInGroup("Hur stort arvode får ledamöterna per sammanträde?", "alfa");
    expect(answer.text).toMatch(/2 345 kronor/);
    const row = (await runner.status()).find((candidate) => candidate.id === "alfa-webb");
    expect(row).toMatchObject({ documents: 2, lastRun: { ok: false, error: report.results[0]?.error } });
    expect(fs.readdirSync(path.join(dataDir, "källor/alfa-webb")).sort()).toEqual([
      ".source.json",
      "arvoden.html",
      "reglemente.txt",
    ]);
  });

  it("removes a document from the index when the source no longer has it", async () => {
    const report = await runner.sync({ sourceId: "alfa-webb" });
    expect(report.results[0]).toMatchObject({ outcome: "synced", changed: 1, removed: 1 });
    expect(core.index.catalog.document("källor/alfa-webb/reglemente.txt")).toBeUndefined();
    expect(fs.existsSync(path.join(dataDir, "källor/alfa-webb/reglemente.txt"))).toBe(false);
    const { answer } = await askInGroup("Hur ofta sammanträder beredningen enligt reglementet?", "alfa");
    expect(answer.citations.map((citation) => citation.documentId)).not.toContain(
      "källor/alfa-webb/reglemente.txt",
    );
  });

  it("syncs a source again only when its interval has passed", async () => {
    const fetchedBefore = alfa.cursors.length;
    await runner.syncDue(new Date(Date.now() + 60_000));
    expect(alfa.cursors.length).toBe(fetchedBefore);
    await runner.syncDue(new Date(Date.now() + 24 * 60 * 60_000 + 60_000));
    expect(alfa.cursors.length).toBe(fetchedBefore + 1);
  });

  it("moves a source's documents to the group its configuration names now, before its next fetch", async () => {
    const moved = new SourceRunner({
      dataDir: core.index.dataDir,
      sources: [
        { definition: definition("alfa-webb", "beta"), source: alfa },
        { definition: definition("beta-webb", "beta"), source: beta },
      ],
      ingest: () => core.knowledge.refresh(),
    });
    const fetches = alfa.cursors.length;
    const report = await moved.sync({ sourceId: "beta-webb" });
    expect(alfa.cursors.length).toBe(fetches);
    expect(report.ingest?.updated).toBe(1);
    expect(core.index.catalog.document(FEES_ID)?.groups).toEqual(["beta"]);
    const scope = scopeForGroups(["alfa"], groups, core.index.catalog.documents());
    expect(scope.documentIds).not.toContain(FEES_ID);
  });
});

describe("adding a file from a group's chat", () => {
  it("indexes the file in that group only, with its link, and confirms in Swedish", async () => {
    const text =
      "---\ngroups: [beta]\n---\n# Protokoll\n\nBeredningen beslutade att bygga en ny cykelbana i Alfaby.\n";
    const outcome = await runner.add(
      "alfa",
      {
        key: "F0001",
        url: "https://testkommun.slack.com/files/U1/F0001/protokoll.md",
        fileName: "protokoll.md",
      },
      new TextEncoder().encode(text),
    );
    expect(outcome).toMatchObject({ documentId: "källor/alfa-slack/protokoll.md", indexed: true });
    expect(outcome.message).toMatch(
      /^”Protokoll” finns nu bland gruppens dokument \(1 avsnitt\) och går att fråga om\.$/,
    );
    expect(core.index.catalog.document(outcome.documentId)).toMatchObject({
      groups: ["alfa"],
      source: "https://testkommun.slack.com/files/U1/F0001/protokoll.md",
    });
  });

  it("says why a file cannot be read and does not keep it", async () => {
    const outcome = await runner.add(
      "alfa",
      { key: "F0002", url: "https://testkommun.slack.com/files/U1/F0002/tom.txt", fileName: "tom.txt" },
      new Uint8Array(),
    );
    expect(outcome.indexed).toBe(false);
    expect(outcome.message).toMatch(/^Filen ”tom\.txt” kunde inte läsas in och lades inte till: .*tom/);
    expect(fs.existsSync(path.join(dataDir, "källor/alfa-slack/tom.txt"))).toBe(false);
    const unsupported = await runner.add(
      "alfa",
      { key: "F0003", url: "https://testkommun.slack.com/files/U1/F0003/bild.png", fileName: "bild.png" },
      new Uint8Array([1, 2, 3]),
    );
    expect(unsupported).toMatchObject({ indexed: false });
    expect(unsupported.message).toMatch(/filformatet "\.png" kan inte läsas/);
  });
});
