import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { loadGroups } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { ADMINISTRATOR } from "../../src/retrieval/scope.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { startWebSurface, type WebSurface } from "../../src/surfaces/web/start-web-surface.ts";
import type { WebPanelRequest } from "../../src/surfaces/web/web-panels.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { HAS_CHROMIUM, launchBrowser, NO_CHROMIUM_MESSAGE, type TestBrowser } from "./helpers/browser.ts";

/** Saving and indexing an upload reads the file in a worker thread; on a busy machine that takes seconds. */
const UPLOAD_WAIT = { timeout: 20_000 };

const SCREENSHOT = path.resolve(import.meta.dirname, "../../test-artifacts/web-answer.png");
const LAHOLM_QUESTION = "Vem kallar till samverkansberedningens möten i Laholm?";
const MELLBY_QUESTION = "Vem samordnar strandvärdarna på Mellbystrand?";
const INJECTION = `<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">`;
const MELLBY_DOCUMENT = `---
date: "2019-05"
---

# Strandvärdar på Mellbystrand

Strandvärdarna på Mellbystrand samordnas av Laholms kommun tillsammans med Region Hallands lokala nämnd i Laholm.

## Säsong

Strandvärdarna arbetar varje sommar från midsommar till mitten av augusti.
`;
// Plain text keeps angle brackets (the Markdown loader drops HTML tags), so markup reaches the page.
const KIOSK_DOCUMENT = `Kiosker vid Mellbystrand

Glasskiosken vid Mellbystrand öppnar klockan tio varje dag under sommaren. ${INJECTION}
`;

const suite = HAS_CHROMIUM ? describe : describe.skip;

suite(`web chat in Chromium${HAS_CHROMIUM ? "" : ` (${NO_CHROMIUM_MESSAGE})`}`, () => {
  let folder: { dir: string; cleanup: () => void };
  let knowledgeDir: string;
  let core: Core;
  let http: HttpServer;
  let surface: WebSurface;
  let browser: TestBrowser;
  let page: Page;
  const panelRequests: WebPanelRequest[] = [];

  beforeAll(async () => {
    folder = temporaryFolder("samsyn-web-");
    knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
    ({ core } = await ingestedCore(knowledgeDir, path.join(folder.dir, "data")));
    const { groups } = await loadGroups(path.join(knowledgeDir, "groups"));
    http = new HttpServer(silentLogger);
    surface = await startWebSurface({
      core,
      config: { token: null, uploads: null, maxUploadBytes: 1024 * 1024 },
      host: "127.0.0.1",
      http,
      groups,
      feedback: new SqliteFeedbackStore(core.index.database, "test-salt"),
      logger: silentLogger,
      providers: {
        upcoming: (request) => {
          panelRequests.push(request);
          return {
            sections: [
              {
                heading: "Nästa möte",
                items: [{ title: `Samverkansberedningen ${INJECTION}`, when: "tis 3 juni kl. 13.00" }],
              },
            ],
          };
        },
      },
    });
    const address = await http.listen(0, "127.0.0.1");
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(address.url);
  });

  afterAll(async () => {
    await browser?.close();
    await surface?.stop();
    await http?.close();
    core?.close();
    folder?.cleanup();
  });

  async function ask(question: string): Promise<ReturnType<Page["locator"]>> {
    const count = await page.locator("article.exchange").count();
    await page.getByLabel("Din fråga").fill(question);
    await page.getByLabel("Din fråga").press("Enter");
    const exchange = page.locator("article.exchange").nth(count);
    await exchange.locator(".answer:not(.pending)").waitFor();
    return exchange;
  }

  it("shows the index status, the scopes and the panels in Swedish", async () => {
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    const status = page.locator("#status");
    await expect.poll(() => status.textContent()).toContain("5 dokument");
    const text = (await status.textContent()) ?? "";
    expect(await page.locator("#status-details").textContent()).toMatch(/Avsnitt\d+/);
    expect(text).toContain("Offline-läge");
    expect(await page.locator("#status-details").textContent()).toContain(core.index.embedder.id);
    const scopes = await page.getByLabel("Sök i").locator("option").allTextContents();
    expect(scopes[0]).toBe("Alla dokument");
    expect(scopes).toContain("Samverkansberedningen i Laholm (intern)");
    await expect
      .poll(() => page.locator("#introduction-body").textContent())
      .toContain("Introduktion visas inte i den här installationen");
    await expect.poll(() => page.locator("#upcoming-body").textContent()).toContain("tis 3 juni kl. 13.00");
    expect(await page.locator("#upcoming-body li strong").textContent()).toBe(
      `Samverkansberedningen ${INJECTION}`,
    );
    expect(panelRequests.at(-1)).toEqual({ groupId: null, admin: true, audience: ADMINISTRATOR });
  });

  it("answers with [n] markers linked to sources that open in context", async () => {
    const exchange = await ask(LAHOLM_QUESTION);
    const answerText = (await exchange.locator(".answer-text").first().textContent()) ?? "";
    expect(answerText).toContain("kommunstyrelsens ordförande");
    const marker = exchange.locator("a.marker").first();
    expect(await marker.textContent()).toBe("[1]");
    const source = exchange.locator(".sources li").first();
    expect(await marker.getAttribute("href")).toBe(`#${await source.getAttribute("id")}`);
    expect(await source.locator(".location").textContent()).toMatch(
      /^Revidering av samverkansöverenskommelse .* § Samverkansberedning$/,
    );
    // The agreement's front matter gives no date: none is shown, none made up.
    expect(await source.locator(".location").textContent()).not.toMatch(/\(\d|\d{4}\)/);

    // Keyboard only: the source button opens the passage, with the cited words marked.
    await source.getByRole("button", { name: "Visa källtext" }).focus();
    await page.keyboard.press("Enter");
    const passage = source.locator(".passage");
    await passage.locator("mark").waitFor();
    expect(await passage.locator("mark").textContent()).toContain("kommunstyrelsens ordförande");
    expect(await passage.locator(".passage-around").count()).toBeGreaterThan(0);
    expect(await source.getByRole("button", { name: "Dölj källtext" }).getAttribute("aria-expanded")).toBe(
      "true",
    );

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await exchange.evaluate((node) => node.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: SCREENSHOT });
  });

  it("stores 👍 and 👎 in the feedback table, a second vote replacing the first", async () => {
    const exchange = page.locator("article.exchange").first();
    const up = exchange.getByRole("button", { name: "Bra svar" });
    await up.click();
    await expect.poll(() => exchange.locator(".feedback-status").textContent()).toContain("Tack!");
    expect(await up.getAttribute("aria-pressed")).toBe("true");
    const rows = () =>
      core.index.database.prepare("SELECT surface, vote, question, citations FROM feedback").all() as {
        surface: string;
        vote: string;
        question: string;
        citations: string;
      }[];
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ surface: "web", vote: "up", question: LAHOLM_QUESTION });
    expect(rows()[0]?.citations).toContain("laholm-samverkansoverenskommelse.md");

    await exchange.getByRole("button", { name: "Inte bra" }).click();
    await expect.poll(() => rows().map((row) => row.vote)).toEqual(["down"]);
  });

  it("declines with the closest passages when the documents do not say", async () => {
    const exchange = await ask(MELLBY_QUESTION);
    expect(await exchange.locator(".answer").getAttribute("class")).toContain("declined");
    expect(await exchange.locator(".answer-text").textContent()).toContain("framgår inte av underlaget");
    expect(await exchange.getByRole("heading", { name: "Närmast i underlaget" }).count()).toBe(1);
    expect(await exchange.locator(".closest li").count()).toBeGreaterThan(0);
    expect(await exchange.locator("a.marker").count()).toBe(0);
  });

  it("shows markup typed into a question as text", async () => {
    const question = `${INJECTION} Vad är HälSam?`;
    const exchange = await ask(question);
    expect(await exchange.locator(".question-text").textContent()).toBe(question);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("uploads a document, re-indexes and answers from it", async () => {
    const input = page.locator("#upload-input");
    await input.setInputFiles({
      name: "trasig.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("inte en pdf"),
    });
    const result = page.locator("#upload-result");
    await expect.poll(() => result.textContent(), UPLOAD_WAIT).toContain("kunde inte läsas och togs bort");
    expect(await result.locator(".skipped li").first().textContent()).toContain(
      "trasig.pdf: PDF-filen är trasig",
    );
    expect(fs.existsSync(path.join(knowledgeDir, "trasig.pdf"))).toBe(false);

    await input.setInputFiles({
      name: "mellbystrand.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(MELLBY_DOCUMENT),
    });
    await expect
      .poll(() => result.textContent(), UPLOAD_WAIT)
      .toContain("mellbystrand.md är sparad och indexerad.");
    expect(await result.textContent()).toContain("6 dokument");
    expect(fs.readFileSync(path.join(knowledgeDir, "mellbystrand.md"), "utf8")).toBe(MELLBY_DOCUMENT);
    await expect.poll(() => page.locator("#status").textContent(), UPLOAD_WAIT).toContain("6 dokument");

    const exchange = await ask(MELLBY_QUESTION);
    expect(await exchange.locator(".answer-text").textContent()).toContain("samordnas av Laholms kommun");
    const source = exchange.locator(".sources li").first();
    // Dated to the month in its front matter: shown to the month, in Swedish.
    expect(await source.locator(".location").textContent()).toContain(
      "Strandvärdar på Mellbystrand (maj 2019)",
    );
  });

  it("shows markup inside a document as text", async () => {
    await page.locator("#upload-input").setInputFiles({
      name: "kiosker.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(KIOSK_DOCUMENT),
    });
    await expect
      .poll(() => page.locator("#upload-result").textContent(), UPLOAD_WAIT)
      .toContain("kiosker.txt är sparad och indexerad.");
    const exchange = await ask("När öppnar glasskiosken vid Mellbystrand?");
    expect(await exchange.locator(".answer-text").textContent()).toContain("klockan tio");
    const source = exchange.locator(".sources li").first();
    await source.getByRole("button", { name: "Visa källtext" }).click();
    await source.locator(".passage-text").waitFor();
    expect(await source.locator(".passage").textContent()).toContain(INJECTION);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("refuses an upload with a name that is already taken", async () => {
    await page.locator("#upload-input").setInputFiles({
      name: "mellbystrand.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# Annan text"),
    });
    await expect
      .poll(() => page.locator("#upload-result").textContent(), UPLOAD_WAIT)
      .toContain("Det finns redan en fil");
    expect(fs.readFileSync(path.join(knowledgeDir, "mellbystrand.md"), "utf8")).toBe(MELLBY_DOCUMENT);
  });

  it("searches a group's documents plus the public ones when the group is chosen", async () => {
    const question = "Vilka ingår i politisk samverkan inom HälSam?";
    const scope = page.getByLabel("Sök i");
    await scope.selectOption({ label: "HälSam Västernorrland (intern)" });
    await expect.poll(() => panelRequests.at(-1)?.groupId).toBe("halsam-vasternorrland");
    const inGroup = await ask(question);
    expect(await inGroup.locator(".answer").getAttribute("class")).toBe("answer");
    expect(await inGroup.locator(".sources .location").allTextContents()).toContainEqual(
      expect.stringContaining("Samverkansstruktur HälSam"),
    );

    // HälSam's document is internal to its group: another group's scope cannot draw on it.
    await scope.selectOption({ label: "Politiska samverkansberedningen Norrbotten (intern)" });
    const elsewhere = await ask(question);
    const locations = await elsewhere.locator(".sources .location").allTextContents();
    expect(locations.some((location) => location.includes("HälSam"))).toBe(false);
  });

  it("keeps internal groups and uploads behind the access code when one is configured", async () => {
    const guardedHttp = new HttpServer(silentLogger);
    const guarded = await startWebSurface({
      core,
      config: { token: "a-long-test-access-code", uploads: true, maxUploadBytes: 1024 * 1024 },
      host: "127.0.0.1",
      http: guardedHttp,
      groups: (await loadGroups(path.join(knowledgeDir, "groups"))).groups,
      feedback: new SqliteFeedbackStore(core.index.database, "test-salt"),
      logger: silentLogger,
    });
    const visitor = await browser.context.newPage();
    try {
      await visitor.goto((await guardedHttp.listen(0, "127.0.0.1")).url);
      const scope = visitor.getByLabel("Sök i");
      await expect
        .poll(() => scope.locator("option").allTextContents())
        .toEqual(["Offentliga dokument", "Region Hallands lokala nämnder"]);
      expect(await visitor.locator("#upload-hint").textContent()).toContain("Logga in med åtkomstkoden");
      expect(await visitor.locator("#upload-input").isDisabled()).toBe(true);

      const code = visitor.getByLabel("Åtkomstkod");
      await code.fill("fel-kod-som-inte-stammer");
      await code.press("Enter");
      await expect.poll(() => visitor.locator("#login-message").textContent()).toBe("Fel åtkomstkod.");

      await code.fill("a-long-test-access-code");
      await visitor.getByRole("button", { name: "Logga in" }).click();
      await expect.poll(() => scope.locator("option").first().textContent()).toBe("Alla dokument");
      expect(await scope.locator("option").count()).toBe(5);
      expect(await visitor.locator("#upload-input").isDisabled()).toBe(false);

      await visitor.getByRole("button", { name: "Logga ut" }).click();
      await expect.poll(() => scope.locator("option").first().textContent()).toBe("Offentliga dokument");
    } finally {
      await visitor.close();
      await guarded.stop();
      await guardedHttp.close();
    }
  });
});
