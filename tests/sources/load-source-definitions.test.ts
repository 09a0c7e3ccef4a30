import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseGroup } from "../../src/knowledge/groups.ts";
import { listKnowledgeFiles } from "../../src/knowledge/list-knowledge-files.ts";
import { loadSourceDefinitions, parseSourceEntries } from "../../src/sources/load-source-definitions.ts";
import { temporaryFolder } from "../builders/core.ts";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A knowledge folder with the given files (relative path → content). */
function knowledge(files: Record<string, string>): string {
  const folder = temporaryFolder("samsyn-sources-config-");
  cleanup = folder.cleanup;
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder.dir, name)), { recursive: true });
    fs.writeFileSync(path.join(folder.dir, name), content);
  }
  return folder.dir;
}

const GROUP = `name: Laholm
sources:
  - web: [https://www.laholm.se/a.pdf, https://www.laholm.se/b.html]
    follow: {page: "https://www.laholm.se/styrdokument/", match: "\\\\.pdf$"}
    every: 6 timmar
  - sharepoint: {site: "contoso.sharepoint.com,1111,2222", drive: "b!abc", folder: "/Styrdokument/"}
  - slack: true
`;

describe("source configuration", () => {
  it("reads web, SharePoint and Slack sources of a group with ids from group and kind", async () => {
    const dir = knowledge({ "groups/laholm.yaml": GROUP });
    const { definitions, problems } = await loadSourceDefinitions(dir);
    expect(problems).toEqual([]);
    expect(definitions.map((definition) => [definition.id, definition.kind, definition.group])).toEqual([
      ["laholm-webb", "web", "laholm"],
      ["laholm-sharepoint", "sharepoint", "laholm"],
      ["laholm-slack", "slack", "laholm"],
    ]);
    const [web, sharepoint] = definitions;
    expect(web?.everyMinutes).toBe(360);
    expect(web?.origin).toBe("groups/laholm.yaml rad 3");
    expect(web?.web?.urls).toEqual(["https://www.laholm.se/a.pdf", "https://www.laholm.se/b.html"]);
    expect(web?.web?.follow[0]?.match?.test("https://www.laholm.se/styrdokument/x.PDF")).toBe(true);
    expect(sharepoint?.everyMinutes).toBe(24 * 60);
    expect(sharepoint?.sharepoint).toEqual({
      site: "contoso.sharepoint.com,1111,2222",
      drive: "b!abc",
      folder: "Styrdokument",
    });
  });

  it("reads public sources from knowledge/sources.yaml with no group", async () => {
    const dir = knowledge({
      "sources.yaml": "sources:\n  - web: https://www.regionhalland.se/reglemente.pdf\n",
    });
    const { definitions, problems } = await loadSourceDefinitions(dir);
    expect(problems).toEqual([]);
    expect(definitions).toMatchObject([
      { id: "webb", group: null, kind: "web", origin: "sources.yaml rad 2" },
    ]);
  });

  it("names file, line and field in Swedish, and keeps the entries that are right", () => {
    const { definitions, problems } = parseSourceEntries(
      "groups/laholm.yaml",
      "laholm",
      `name: Laholm
sources:
  - web: ftp://www.laholm.se/a.pdf
  - webb: https://www.laholm.se/
  - web: https://www.laholm.se/ok.pdf
    evry: 1 dag
  - sharepoint: {site: x, mapp: Styrdokument}
  - web: https://www.laholm.se/c.pdf
    every: 3 sekunder
  - web: https://www.laholm.se/d.pdf
    follow: {page: "https://www.laholm.se/", match: "(["}
  - web: https://www.laholm.se/fine.pdf
`,
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'groups/laholm.yaml rad 3: källa nr 1: fältet "web → nr 1" ska vara en hel webbadress som börjar med https:// (eller http://)',
      'groups/laholm.yaml rad 4: källa nr 2 säger inte vilket slag av källa den är; börja den med web:, sharepoint: eller slack: (menade du "web"?)',
      'groups/laholm.yaml rad 6: källa nr 3: okänt fält "evry" – menade du "every"?',
      'groups/laholm.yaml rad 7: källa nr 4: okänt fält "mapp" under fältet "sharepoint"; tillåtna fält: site, drive, folder',
      'groups/laholm.yaml rad 9: källa nr 5: fältet "every" ska vara ett antal minuter, timmar, dagar eller veckor, t.ex. "1 dag" eller "6 timmar" (fick "3 sekunder")',
      'groups/laholm.yaml rad 11: källa nr 6: fältet "follow → nr 1 → match" är inget giltigt mönster (reguljärt uttryck), t.ex. "\\\\.pdf$" för alla PDF:er (fick "([")',
    ]);
    expect(definitions.map((definition) => definition.web?.urls)).toEqual([
      ["https://www.laholm.se/fine.pdf"],
    ]);
  });

  it("reports an id used twice and numbers made-up ids", async () => {
    const dir = knowledge({
      "groups/alfa.yaml": `name: Alfa
sources:
  - web: https://a.se/1.pdf
  - web: https://a.se/2.pdf
  - id: gemensam
    web: https://a.se/3.pdf
`,
      "groups/beta.yaml": "name: Beta\nsources:\n  - id: gemensam\n    web: https://b.se/1.pdf\n",
    });
    const { definitions, problems } = await loadSourceDefinitions(dir);
    expect(definitions.map((definition) => definition.id)).toEqual(["alfa-webb", "alfa-webb-2", "gemensam"]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'groups/beta.yaml rad 3: id "gemensam" används redan (groups/alfa.yaml rad 5); ge källan ett eget id',
    ]);
  });

  it("leaves a group usable when its sources are wrong", () => {
    const parsed = parseGroup("alfa.yaml", "name: Alfa\nsources: {web: inte en lista}\n");
    expect("group" in parsed).toBe(true);
    const { problems } = parseSourceEntries("groups/alfa.yaml", "alfa", "name: Alfa\nsources: {web: x}\n");
    expect(problems[0]?.message).toBe(
      'groups/alfa.yaml rad 2: fältet "sources" ska vara en lista där varje källa börjar med "- "',
    );
  });

  it("does not index knowledge/sources.yaml or report it as an unsupported file", async () => {
    const dir = knowledge({ "sources.yaml": "sources: []\n", "a.md": "# A\n\nText.\n" });
    const listing = await listKnowledgeFiles(dir);
    expect(listing.unsupported).toEqual([]);
    expect(listing.files.map((file) => path.basename(file))).toEqual(["a.md"]);
  });
});
