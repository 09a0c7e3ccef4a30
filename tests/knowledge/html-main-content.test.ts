import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../src/knowledge/load-document.ts";
import { makeTempDir, writeTextFile } from "../builders/document-files.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/web/kommun-samverkansberedning.html");

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  const { rm } = await import("node:fs/promises");
  await rm(dir, { recursive: true, force: true });
});

describe("loadDocument: a municipal web page", () => {
  it("keeps the main text and drops header, menus, cookie banner, breadcrumbs, skip link, chat and footer", async () => {
    const file = await writeTextFile(dir, "samverkansberedningen.html", await readFile(FIXTURE, "utf8"));
    const document = await loadDocument(file, dir);

    expect(document.blocks.map((block) => [block.kind, block.text])).toEqual([
      ["heading", "Samverkansberedningen"],
      ["paragraph", "Samverkansberedningen är ett politiskt forum där kommunen och regionen möts."],
      ["heading", "Uppdrag"],
      [
        "paragraph",
        "Beredningen följer upp överenskommelsen om samverkan inom hälsa, vård och omsorg och bereder frågor inför beslut i kommunstyrelsen och regionstyrelsen.",
      ],
      ["heading", "Sammansättning"],
      [
        "paragraph",
        "Beredningen består av tre ledamöter från kommunen och tre från regionen. Ordförandeskapet växlar varje år.",
      ],
      ["list-item", "Kommunstyrelsens ordförande"],
      ["list-item", "Regionrådet för hälso- och sjukvård"],
      ["heading", "Sammanträden 2026"],
      ["paragraph", "Datum | Plats"],
      ["paragraph", "12 mars | Kommunhuset"],
      ["paragraph", "Senast uppdaterad: 3 februari 2026"],
    ]);
    expect(document.metadata).toMatchObject({
      title: "Samverkansberedningen",
      type: "webpage",
      source: "https://www.exempelby.se/kommun-och-politik/samverkan/samverkansberedningen.html",
    });
  });

  it("drops the same furniture from a page without <main>", async () => {
    const html = `<!doctype html><html lang="sv"><head><title>Protokoll</title></head><body>
<div class="cc-window cc-banner"><span>Den här webbplatsen använder cookies.</span><a class="cc-btn">Jag förstår</a></div>
<div id="gdpr-notice">Vi behandlar personuppgifter enligt GDPR.</div>
<ul class="breadcrumb"><li><a href="/">Hem</a></li><li>Protokoll</li></ul>
<div id="content"><h1>Protokoll från beredningen</h1><p>Protokollen publiceras inom två veckor efter mötet.</p></div>
<div class="footer-contact">Region Exempel, Box 1</div>
</body></html>`;
    const file = await writeTextFile(dir, "protokoll.html", html);
    const document = await loadDocument(file, dir);

    expect(document.text).toContain("Protokollen publiceras inom två veckor efter mötet.");
    for (const noise of ["cookies", "Jag förstår", "GDPR", "Hem"]) expect(document.text).not.toContain(noise);
  });
});
