import { mkdir, rm } from "node:fs/promises";
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

  it("reports broken files in Swedish, naming file and field, and withholds them", async () => {
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

    expect(groups.filter((group) => group.withheld === undefined).map((group) => group.id)).toEqual(["ok"]);
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

  it("reads visibility in any case and one value where a list is expected", async () => {
    await writeTextFile(
      dir,
      "halsam.yaml",
      "name: HälSam\nvisibility: Internal\ndocuments: halsam.txt\nchannels:\n  slack: C0HEMLIG\n",
    );
    await writeTextFile(dir, "oppen.yaml", "name: Öppen\nvisibility: PUBLIC\n");
    const { groups, problems } = await loadGroups(dir);

    expect(problems).toEqual([]);
    expect(groups.map((group) => [group.id, group.visibility])).toEqual([
      ["halsam", "internal"],
      ["oppen", "public"],
    ]);
    expect(groups[0]?.channels).toEqual({ slack: ["C0HEMLIG"] });
    expect(groups[0]?.documents).toEqual(["halsam.txt"]);
  });

  it("turns a file it cannot use into an internal group in no channel that claims the documents it names", async () => {
    await writeTextFile(
      dir,
      "stavfel.yaml",
      "name: HälSam\nvisibilty: public\ndocuments:\n  - hemlig/protokoll 2024.pdf\n  - budget.txt\nchannels:\n  slack: [C0HEMLIG]\n",
    );
    await writeTextFile(
      dir,
      "trasig.yaml",
      'name: "oavslutad\ndocuments: [avtal.docx, "del 2.md"]\n  - x: [\n',
    );
    await writeTextFile(dir, "nastlad.yaml", "name: X\ndocuments:\n  a: inne.md\n");
    const { groups, problems } = await loadGroups(dir);

    const byId = new Map(groups.map((group) => [group.id, group]));
    const misspelt = byId.get("stavfel");
    expect(misspelt).toMatchObject({
      visibility: "internal",
      channels: {},
      secretaries: [],
      reminders: { enabled: false },
      withheld: expect.stringContaining(
        'groups/stavfel.yaml rad 2: okänt fält "visibilty" – menade du "visibility"?',
      ),
    });
    expect(misspelt?.documents).toEqual(expect.arrayContaining(["hemlig/protokoll 2024.pdf", "budget.txt"]));
    expect(byId.get("trasig")?.documents).toEqual(expect.arrayContaining(["avtal.docx", "del 2.md"]));
    expect(byId.get("nastlad")?.documents).toContain("inne.md");
    expect(problems.map((problem) => problem.withheld?.length ?? 0).every((count) => count > 0)).toBe(true);
  });

  it("withholds a second file that takes an id already used", async () => {
    await writeTextFile(dir, "laholm.yaml", "name: Laholm\nvisibility: public\n");
    await writeTextFile(
      dir,
      "laholm.yml",
      "name: Laholm igen\nvisibility: public\ndocuments: [intern.txt]\n",
    );
    const { groups, problems } = await loadGroups(dir);

    expect(groups.map((group) => [group.id, group.withheld === undefined])).toEqual([
      ["laholm", true],
      ["laholm.yml", false],
    ]);
    expect(groups[1]?.documents).toEqual(["intern.txt"]);
    expect(problems[0]?.message).toBe('groups/laholm.yml: en annan fil har redan id "laholm"');
  });

  it("treats a missing groups folder as no groups", async () => {
    expect(await loadGroups(path.join(dir, "finns-inte"))).toEqual({ groups: [], problems: [] });
  });

  it("withholds a group file it cannot read and still reads the others", async () => {
    await mkdir(path.join(dir, "mapp.yaml"));
    await writeTextFile(dir, "laholm.yaml", "name: Laholm\n");
    const { groups, problems } = await loadGroups(dir);
    expect(groups.find((group) => group.id === "laholm")?.withheld).toBeUndefined();
    expect(problems.map((problem) => problem.message)).toEqual([
      "groups/mapp.yaml: filen kunde inte läsas (EISDIR); kontrollera att det är en vanlig fil som Samsyn får läsa",
    ]);
  });

  it("finds group documents that are not in the knowledge folder", async () => {
    await writeTextFile(dir, "laholm.yaml", "name: Laholm\ndocuments: [finns.md, saknas.md]\n");
    const { groups } = await loadGroups(dir);
    const missing = findMissingGroupDocuments(groups, new Set(["finns.md"]), dir);
    expect(missing.map((problem) => problem.message)).toEqual([
      'groups/laholm.yaml rad 2: dokumentet "saknas.md" finns inte i kunskapsmappen (stavfel eller flyttad fil?)',
    ]);
  });
});
