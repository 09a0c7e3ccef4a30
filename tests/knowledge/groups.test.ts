import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findMissingGroupDocuments, loadGroups } from "../../src/knowledge/groups.ts";
import { makeTempDir, writeTextFile } from "../builders/document-files.ts";

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir("samsyn-groups-");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VALID = `
name: Samverkansberedningen i Laholm
organisations: [Laholms kommun, Region Halland]
documents:
  - laholm-samverkansoverenskommelse.md
channels:
  slack: [C0123ABCDEF]
secretaries:
  - name: Anna Andersson
    email: anna.andersson@laholm.se
welcome:
  enabled: true
reminders:
  daysBefore: [14, 3, 1]
`;

describe("loadGroups", () => {
  it("reads a group, taking its id from the file name and filling defaults", async () => {
    await writeTextFile(dir, "laholm-samverkansberedning.yaml", VALID);
    await writeTextFile(
      dir,
      "norrbotten.yml",
      "name: Norrbotten\nvisibility: public\ndocuments:\nsecretaries:\n",
    );
    const { groups, problems } = await loadGroups(dir);

    expect(problems).toEqual([]);
    expect(groups).toEqual([
      {
        id: "laholm-samverkansberedning",
        name: "Samverkansberedningen i Laholm",
        organisations: ["Laholms kommun", "Region Halland"],
        documents: ["laholm-samverkansoverenskommelse.md"],
        visibility: "internal",
        channels: { slack: ["C0123ABCDEF"] },
        secretaries: [{ name: "Anna Andersson", email: "anna.andersson@laholm.se" }],
        welcome: { enabled: true },
        reminders: { daysBefore: [14, 3, 1] },
      },
      {
        id: "norrbotten",
        name: "Norrbotten",
        organisations: [],
        documents: [],
        visibility: "public",
        channels: {},
        secretaries: [],
      },
    ]);
  });

  it("reports broken files in Swedish, naming file and field, and skips them", async () => {
    await writeTextFile(dir, "ok.yaml", "name: Fungerar\n");
    await writeTextFile(dir, "saknar-namn.yaml", "organisations: [Region Halland]\n");
    await writeTextFile(dir, "fel-synlighet.yaml", "name: X\nvisibility: hemlig\n");
    await writeTextFile(
      dir,
      "fel-epost.yaml",
      "name: X\nsecretaries:\n  - name: Bo\n    email: inte-en-adress\n",
    );
    await writeTextFile(dir, "stavfel.yaml", "name: X\ndokuments: [a.md]\n");
    await writeTextFile(dir, "trasig.yaml", "name: [oavslutad\n");
    await writeTextFile(dir, "Fel Namn.yaml", "name: X\n");
    const { groups, problems } = await loadGroups(dir);

    expect(groups.map((group) => group.id)).toEqual(["ok"]);
    const messages = Object.fromEntries(
      problems.map((problem) => [path.basename(problem.file), problem.message]),
    );
    expect(messages["saknar-namn.yaml"]).toBe('groups/saknar-namn.yaml: fältet "name" saknas');
    expect(messages["fel-synlighet.yaml"]).toContain('fältet "visibility" ska vara ett av: public, internal');
    expect(messages["fel-epost.yaml"]).toContain(
      'fältet "secretaries → nr 1 → email" ska vara en e-postadress',
    );
    expect(messages["stavfel.yaml"]).toContain('okänt fält "dokuments"');
    expect(messages["trasig.yaml"]).toContain("inte giltig YAML");
    expect(messages["Fel Namn.yaml"]).toContain("filnamnet");
    expect(problems).toHaveLength(6);
  });

  it("treats a missing groups folder as no groups", async () => {
    expect(await loadGroups(path.join(dir, "finns-inte"))).toEqual({ groups: [], problems: [] });
  });

  it("finds group documents that are not in the knowledge folder", async () => {
    await writeTextFile(dir, "laholm.yaml", "name: Laholm\ndocuments: [finns.md, saknas.md]\n");
    const { groups } = await loadGroups(dir);
    const missing = findMissingGroupDocuments(groups, new Set(["finns.md"]), dir);
    expect(missing.map((problem) => problem.message)).toEqual([
      'groups/laholm.yaml: dokumentet "saknas.md" finns inte i kunskapsmappen (stavfel eller flyttad fil?)',
    ]);
  });
});
