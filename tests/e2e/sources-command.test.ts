import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallWorkspace } from "../builders/core.ts";
import { runCommandScript } from "./helpers/run-command-script.ts";

let knowledgeDir: string;
let dataDir: string;
let cleanup: () => void;

/** Runs `npm run sources -- …` as a person would. */
function runSources(args: string[]) {
  return runCommandScript("sources-command.ts", args, {
    SAMSYN_KNOWLEDGE_DIR: knowledgeDir,
    SAMSYN_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  });
}

beforeAll(() => {
  ({ knowledgeDir, dataDir, cleanup } = smallWorkspace("samsyn-sources-cli-"));
  fs.writeFileSync(
    path.join(knowledgeDir, "sources.yaml"),
    // Nothing listens on port 1: the address cannot be reached, at once and without a network.
    "sources:\n  - web: http://127.0.0.1:1/reglemente.pdf\n",
  );
  fs.writeFileSync(
    path.join(knowledgeDir, "groups/alfa.yaml"),
    `name: Alfa
sources:
  - sharepoint: {site: "contoso.sharepoint.com,1,2", folder: Styrdokument}
    every: 6 timmar
  - web: https://www.alfa.se/
    intervall: 1 dag
`,
  );
});

afterAll(() => cleanup?.());

describe("npm run sources", () => {
  it("lists the configured sources, warns about a wrong entry by file and line, and exits 2", async () => {
    const { code, stdout, stderr } = await runSources(["status"]);
    expect(stderr).toBe(
      'Varning: groups/alfa.yaml rad 6: källa nr 2: okänt fält "intervall"; tillåtna fält: id, web, follow, every\n',
    );
    expect(stdout).toContain("webb – webb: 127.0.0.1:1 (1 adress)");
    expect(stdout).toContain(
      "  webb · allmän (alla grupper) · synkas var 1 dag · sources.yaml rad 2\n  aldrig synkad · 0 dokument",
    );
    expect(stdout).toContain("alfa-sharepoint – SharePoint: contoso.sharepoint.com / Styrdokument");
    expect(stdout).toContain("SharePoint · grupp alfa · synkas var 6 timmar · groups/alfa.yaml rad 3");
    expect(code).toBe(2);
  }, 120_000);

  it("syncs every source, says in Swedish why each failed, keeps going and exits 1", async () => {
    const { code, stdout } = await runSources(["sync"]);
    expect(stdout).toContain(
      "webb: misslyckades – Ingen adress i webbkällan webb (sources.yaml rad 2) gick att nå. Inga dokument tas bort",
    );
    expect(stdout).toContain(
      "alfa-sharepoint: misslyckades – groups/alfa.yaml rad 3: SharePoint-källor läses med Samsyns appregistrering, men MICROSOFT_APP_ID saknas.",
    );
    expect(stdout).toContain("Inget ändrades; indexet är oförändrat.");
    expect(code).toBe(1);

    const status = await runSources(["status", "--json"]);
    const { sources } = JSON.parse(status.stdout) as {
      sources: { id: string; lastRun: { ok: boolean; error: string } | null }[];
    };
    expect(sources.map((source) => [source.id, source.lastRun?.ok])).toEqual([
      ["webb", false],
      ["alfa-sharepoint", false],
    ]);
    expect(status.code).toBe(1);
  }, 180_000);

  it("names an unknown source or group and exits 2", async () => {
    const unknown = await runSources(["sync", "--source", "finns-inte"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Okänd källa "finns-inte". Finns: webb, alfa-sharepoint');
    expect(unknown.stderr).toContain("Användning:");
  }, 120_000);
});
