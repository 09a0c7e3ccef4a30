import { rm } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IngestSummary } from "../../src/index/ingest-knowledge.ts";
import { groupWarnings } from "../../src/knowledge/group-warnings.ts";
import { loadGroups } from "../../src/knowledge/groups.ts";
import { formatIngestSummary } from "../../src/surfaces/cli/format-ingest-summary.ts";
import { makeTempDir, writeTextFile } from "../builders/document-files.ts";

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir("samsyn-group-warnings-");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SUMMARY: IngestSummary = {
  seconds: 1.2,
  documents: 3,
  chunks: 12,
  added: 3,
  updated: 0,
  removed: 0,
  unchanged: 0,
  skipped: [],
  warnings: [],
};

describe("group warnings in the ingest summary", () => {
  it("names a broken group file, what it withholds until fixed, and listed documents that do not exist", async () => {
    await writeTextFile(dir, "stavfel.yaml", "name: X\nvisibilty: internal\ndocuments: [pm.txt]\n");
    await writeTextFile(dir, "laholm.yaml", "name: Laholm\ndocuments: [avtal.md, saknas.md]\n");
    const { groups } = await loadGroups(dir);
    const warnings = groupWarnings(groups, new Set(["pm.txt", "avtal.md"]));

    expect(warnings).toEqual([
      'groups/stavfel.yaml rad 2: okänt fält "visibilty" – menade du "visibility"? Filen går inte att använda, så dokumenten den nämner (pm.txt) hålls undanlagda: de visas inte i någon kanal eller för besökare förrän filen är rättad.',
      'groups/laholm.yaml rad 2: dokumentet "saknas.md" finns inte i kunskapsmappen (stavfel eller flyttad fil?)',
    ]);
    const printed = formatIngestSummary(SUMMARY, warnings);
    expect(printed).toContain(
      "2 problem i gruppfilerna (knowledge/groups/) – rätta dem och kör indexeringen eller starta Samsyn igen:",
    );
    expect(printed).toContain("  • groups/stavfel.yaml rad 2: okänt fält");
    expect(formatIngestSummary(SUMMARY)).not.toContain("gruppfilerna");
  });
});
