import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { loadGroups } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { startWebSurface, type WebSurface } from "../../src/surfaces/web/start-web-surface.ts";
import { ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { HAS_CHROMIUM, launchBrowser, NO_CHROMIUM_MESSAGE, type TestBrowser } from "./helpers/browser.ts";
import { chatCommandModules } from "./helpers/chat-command-modules.ts";

/** December, with the group's next meetings in the following year: the årshjul must look ahead. */
const NOW = "2026-12-10T08:00:00+01:00";
const GROUP = "laholm-samverkansberedning";
const ANSWERED = "Vem kallar till samverkansberedningens möten i Laholm?";
const DECLINED = "Vem samordnar strandvärdarna på Mellbystrand?";
const SECRETARY = "Anna Berg";
const ARTIFACTS = path.resolve(import.meta.dirname, "../../test-artifacts/web-layout");
const WIDTHS = [1280, 390] as const;

type Box = { x: number; y: number; width: number; height: number };

const suite = HAS_CHROMIUM ? describe : describe.skip;

suite(`web chat layout at desktop and phone width${HAS_CHROMIUM ? "" : ` (${NO_CHROMIUM_MESSAGE})`}`, () => {
  let folder: { dir: string; cleanup: () => void };
  let core: Core;
  let http: HttpServer;
  let surface: WebSurface;
  let browser: TestBrowser;
  let url: string;

  beforeAll(async () => {
    folder = temporaryFolder("samsyn-web-layout-");
    ({ core } = await ingestedCore(SHIPPED_KNOWLEDGE, path.join(folder.dir, "data")));
    // The chosen group names its secretary, whom a decline then names too.
    const groups = (await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups"))).groups.map((group) =>
      group.id === GROUP
        ? { ...group, secretaries: [{ name: SECRETARY, email: "anna.berg@example.se" }] }
        : group,
    );
    const { reminders, onboarding } = chatCommandModules(core, groups, SHIPPED_KNOWLEDGE, NOW);
    http = new HttpServer(silentLogger);
    surface = await startWebSurface({
      core,
      config: { token: null, uploads: null, maxUploadBytes: 1024 * 1024 },
      host: "127.0.0.1",
      http,
      groups,
      feedback: new SqliteFeedbackStore(core.index.database, "test-salt"),
      logger: silentLogger,
      providers: { upcoming: (request) => reminders.panel(request), introduction: onboarding.panel() },
    });
    url = (await http.listen(0, "127.0.0.1")).url;
    browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await surface?.stop();
    await http?.close();
    core?.close();
    folder?.cleanup();
  });

  async function openPage(width: number): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 860 });
    await page.goto(url);
    await page.getByLabel("Sök i").selectOption(GROUP);
    await page.locator("#starters .suggestion").first().waitFor();
    await page.locator("#upcoming-body img").waitFor();
    return page;
  }

  async function ask(page: Page, question: string): Promise<Locator> {
    const count = await page.locator("article.exchange").count();
    await page.getByLabel("Din fråga").fill(question);
    await page.getByLabel("Din fråga").press("Enter");
    const exchange = page.locator("article.exchange").nth(count);
    await exchange.locator(".answer:not(.pending)").waitFor();
    return exchange;
  }

  const overlap = (a: Box, b: Box) =>
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)) *
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));

  for (const width of WIDTHS) {
    describe(`at ${width} px`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await openPage(width);
      });
      afterAll(async () => {
        await page?.close();
      });

      it("keeps the header short and free of the embedder id, with the details in the status view", async () => {
        const header = page.locator("header.top");
        await expect.poll(() => header.innerText()).toContain("Offline-läge");
        const text = await header.innerText();
        expect(text).not.toContain(core.index.embedder.id);
        expect(text).not.toMatch(/hashed-ngram|word-vectors|inbäddning|[0-9a-f]{12}/i);
        expect((await header.boundingBox())?.height).toBeLessThanOrEqual(width < 600 ? 130 : 100);
        await header.getByRole("link", { name: "Status" }).click();
        await expect
          .poll(() => page.locator("#status-details").innerText())
          .toContain(core.index.embedder.id);
        await page.screenshot({ path: path.join(ARTIFACTS, `empty-${width}.png`) });
      });

      it("offers the group's checked questions on the empty page", async () => {
        const panel = (await page.evaluate(async (group) => {
          const response = await fetch(`/api/web/panels/introduction?group=${group}`, {
            headers: { "X-Samsyn-Request": "1" },
          });
          return response.json();
        }, GROUP)) as { questions: string[] };
        const offered = await page.locator("#starters .suggestion").allInnerTexts();
        expect(offered.length).toBeGreaterThan(0);
        for (const question of offered) expect(panel.questions).toContain(question);
      });

      it("shows the introduction folded, in plain text with numbered sources, at a bounded height", async () => {
        const intro = page.locator("#introduction-body");
        await intro.locator("details").first().waitFor();
        const panelBox = await page.locator("section[aria-labelledby='introduction-heading']").boundingBox();
        expect(panelBox?.height).toBeLessThanOrEqual(1000);
        const folds = intro.locator("details.fold");
        expect(await folds.count()).toBeGreaterThan(3);
        expect(await intro.locator("details.fold:not([open])").count()).toBeGreaterThan(1);
        // Quoted statements are plain text, each with a [n] that leads to the numbered source list.
        const statements = intro.locator(".statement");
        expect(await statements.count()).toBeGreaterThan(0);
        const weights = await statements.evaluateAll((nodes) =>
          nodes.map((node) => Number(node.ownerDocument.defaultView?.getComputedStyle(node).fontWeight)),
        );
        expect(Math.max(...weights)).toBeLessThan(600);
        const marker = intro.locator("a.marker").first();
        const target = (await marker.getAttribute("href"))?.slice(1) ?? "";
        expect(await page.locator(`[id="${target}"]`).textContent()).toMatch(/^\[\d+\] \S/);
        // The suggested questions line up: no bullet or marker beside a wrapped question.
        const suggestions = intro.locator(".suggestions");
        const listLeft = (await suggestions.boundingBox())?.x ?? 0;
        for (const button of await suggestions.locator("button").all()) {
          expect(Math.abs(((await button.boundingBox())?.x ?? 0) - listLeft)).toBeLessThan(1);
        }
        expect(
          await suggestions.evaluate(
            (node) => node.ownerDocument.defaultView?.getComputedStyle(node).listStyleType,
          ),
        ).toBe("none");
        await page
          .locator("section[aria-labelledby='introduction-heading']")
          .screenshot({ path: path.join(ARTIFACTS, `introduction-${width}.png`) });
      });

      it("shows the coming twelve months in the årshjul, its marks listed in words", async () => {
        const upcoming = page.locator("section[aria-labelledby='upcoming-heading']");
        const picture = upcoming.locator("img.panel-picture");
        expect(await picture.getAttribute("alt")).toContain("dec 2026 – nov 2027");
        const pictureBox = await picture.boundingBox();
        expect(pictureBox?.width).toBeGreaterThan(250);
        const listed = upcoming.locator(".picture-items li");
        expect(await listed.count()).toBeGreaterThan(3);
        expect(await listed.first().textContent()).toContain("2027");
        await upcoming.locator(".picture-items summary").click();
        expect(await listed.first().isVisible()).toBe(true);
        await upcoming.screenshot({ path: path.join(ARTIFACTS, `upcoming-${width}.png`) });
      });

      it("answers with feedback buttons that read as text and clear of the question box", async () => {
        const exchange = await ask(page, ANSWERED);
        const votes = exchange.locator("button.vote");
        expect(await votes.allInnerTexts()).toEqual(["Bra svar", "Inte bra"]);
        for (const vote of await votes.all()) {
          expect(await vote.locator("svg").count()).toBe(1);
          expect(await vote.innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
        }
        const form = (await page.locator("#ask-form").boundingBox()) as Box;
        expect(overlap(form, (await exchange.locator(".answer").boundingBox()) as Box)).toBe(0);
        await page.screenshot({ path: path.join(ARTIFACTS, `answer-${width}.png`) });
        // A real click, as a person makes it: nothing may lie on top of the button.
        await exchange.getByRole("button", { name: "Inte bra" }).click({ timeout: 5000 });
        await expect.poll(() => exchange.locator(".feedback-status").innerText()).not.toBe("");
      });

      it("declines with the latest answer's end above the question box", async () => {
        const exchange = await ask(page, DECLINED);
        expect(await exchange.locator(".answer").getAttribute("class")).toContain("declined");
        expect(await exchange.locator(".answer-text").innerText()).toContain(
          `Kontrollera gärna med gruppens sekreterare ${SECRETARY} (anna.berg@example.se) eller i originaldokumenten.`,
        );
        await page.screenshot({ path: path.join(ARTIFACTS, `decline-${width}.png`) });
        // A string: the test's TypeScript has no DOM types.
        await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)");
        const form = (await page.locator("#ask-form").boundingBox()) as Box;
        const feedback = (await exchange.locator(".feedback").boundingBox()) as Box;
        expect(overlap(form, feedback)).toBe(0);
        expect(feedback.y + feedback.height).toBeLessThanOrEqual(form.y);
        await exchange.getByRole("button", { name: "Bra svar" }).click({ timeout: 5000 });
        await expect.poll(() => exchange.locator(".feedback-status").innerText()).not.toBe("");
      });
    });
  }
});
