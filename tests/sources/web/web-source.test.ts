import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SamsynError } from "../../../src/errors.ts";
import type { SourceDefinition, WebSourceOptions } from "../../../src/sources/source-definition.ts";
import type { DocumentSource } from "../../../src/sources/source-port.ts";
import {
  DEFAULT_WEB_FETCH_SETTINGS,
  type WebFetchSettings,
} from "../../../src/sources/web/web-fetch-settings.ts";
import { webSource } from "../../../src/sources/web/web-source.ts";
import { makeTempDir, writePdf } from "../../builders/document-files.ts";
import { LocalWebSite } from "../../fakes/local-web-site.ts";
import { RecordingSyncSink } from "../../fakes/recording-sync-sink.ts";

const SETTINGS: WebFetchSettings = {
  ...DEFAULT_WEB_FETCH_SETTINGS,
  userAgent: "Samsyn/0.1 (+test)",
  timeoutMs: 2_000,
  maxBytes: 64 * 1024,
  hostDelayMs: 0,
};
const HTML = "text/html; charset=utf-8";
const MONDAY = "Mon, 02 Mar 2026 08:00:00 GMT";

let site: LocalWebSite;
let sink: RecordingSyncSink;
let pdfBytes: Uint8Array;

beforeEach(async () => {
  site = new LocalWebSite();
  await site.start();
  sink = new RecordingSyncSink();
  const dir = await makeTempDir("samsyn-web-");
  const file = await writePdf(dir, "reglemente.pdf", [
    {
      heading: "Reglemente för samverkansberedningen",
      paragraphs: [["Beredningen sammanträder fyra gånger per år."]],
    },
  ]);
  pdfBytes = new Uint8Array(await readFile(path.join(file)));
});

afterEach(async () => {
  await site.stop();
});

function page(title: string, text: string): string {
  return `<!doctype html><html lang="sv"><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

function source(
  options: Partial<WebSourceOptions>,
  settings: Partial<WebFetchSettings> = {},
): DocumentSource {
  const definition: SourceDefinition = {
    id: "laholm-webb",
    group: "laholm",
    origin: "groups/laholm.yaml rad 12",
    everyMinutes: 1440,
    kind: "web",
    web: { urls: options.urls ?? [], follow: options.follow ?? [] },
  };
  return webSource(definition, { ...SETTINGS, ...settings });
}

function listing(links: [string, string][]): string {
  const items = links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join("");
  return `<!doctype html><html><body><nav><a href="/">Start</a><a href="/kontakt">Kontakt</a></nav>
<main><h1>Styrdokument</h1><ul>${items}</ul><a href="https://annan.example.se/styrdokument/x.pdf">Extern</a></main></body></html>`;
}

describe("webSource", () => {
  it("fetches pages and PDFs, then asks only 'changed since?' when nothing changed", async () => {
    site.pages.set("/samverkan/om", {
      contentType: HTML,
      etag: '"v1"',
      body: page("Om beredningen", "Beredningen består av politiker."),
    });
    site.pages.set("/samverkan/reglemente.pdf", {
      contentType: "application/pdf",
      lastModified: MONDAY,
      body: pdfBytes,
    });
    const adapter = source({
      urls: [site.url("/samverkan/om#kontakt"), site.url("/samverkan/reglemente.pdf")],
    });

    await sink.sync(adapter);
    expect(sink.calls.put.map((put) => [put.item.key, put.item.fileName])).toEqual([
      [site.url("/samverkan/om"), "om.html"],
      [site.url("/samverkan/reglemente.pdf"), "reglemente.pdf"],
    ]);
    expect(sink.calls.put[1]?.bytes).toEqual(pdfBytes);
    expect(sink.calls.problems).toEqual([]);
    expect(site.requests.every((request) => request.userAgent === SETTINGS.userAgent)).toBe(true);

    const downloadsBefore = site.contentDownloads().length;
    await sink.sync(adapter);
    expect(site.contentDownloads().length).toBe(downloadsBefore);
    expect(sink.calls.put).toEqual([]);
    expect(sink.calls.kept.map((item) => item.key).sort()).toEqual([
      site.url("/samverkan/om"),
      site.url("/samverkan/reglemente.pdf"),
    ]);
    expect(site.requests.filter((request) => request.path === "/robots.txt")).toHaveLength(2);
    expect(
      site.requests.find((request) => request.path === "/samverkan/om" && request.status === 304)
        ?.ifNoneMatch,
    ).toBe('"v1"');
    expect(
      site.requests.find((request) => request.path.endsWith(".pdf") && request.status === 304)
        ?.ifModifiedSince,
    ).toBe(MONDAY);
  });

  it("puts a changed page again and keeps the unchanged ones", async () => {
    site.pages.set("/a", { contentType: HTML, etag: '"a1"', body: page("A", "Första versionen.") });
    site.pages.set("/b", { contentType: HTML, etag: '"b1"', body: page("B", "Oförändrad.") });
    const adapter = source({ urls: [site.url("/a"), site.url("/b")] });
    await sink.sync(adapter);

    site.pages.set("/a", { contentType: HTML, etag: '"a2"', body: page("A", "Andra versionen.") });
    await sink.sync(adapter);

    expect(sink.calls.put.map((put) => put.item.key)).toEqual([site.url("/a")]);
    expect(sink.text(site.url("/a"))).toContain("Andra versionen.");
    expect(sink.calls.kept.map((item) => item.key)).toEqual([site.url("/b")]);
  });

  it("compares content when the server gives neither ETag nor Last-Modified", async () => {
    site.pages.set("/dynamisk", { contentType: HTML, body: page("Dynamisk", "Samma text.") });
    const adapter = source({ urls: [site.url("/dynamisk")] });
    await sink.sync(adapter);
    await sink.sync(adapter);
    expect(sink.calls.put).toEqual([]);
    expect(sink.calls.kept).toHaveLength(1);

    site.pages.set("/dynamisk", { contentType: HTML, body: page("Dynamisk", "Ny text.") });
    await sink.sync(adapter);
    expect(sink.calls.put).toHaveLength(1);
  });

  it("keeps a page whose markup changes on every request while its text stays the same", async () => {
    let request = 0;
    const withToken = (text: string) =>
      page("Om beredningen", text).replace(
        "</main>",
        `</main><form><input type="hidden" name="csrf" value="t${++request}"></form><script>var now=${request};</script>`,
      );
    site.pages.set("/om", { contentType: HTML, body: withToken("Beredningen består av politiker.") });
    const adapter = source({ urls: [site.url("/om")] });
    await sink.sync(adapter);
    site.pages.set("/om", { contentType: HTML, body: withToken("Beredningen består av politiker.") });
    await sink.sync(adapter);
    expect(sink.calls.put).toEqual([]);
    expect(sink.calls.kept).toHaveLength(1);

    site.pages.set("/om", { contentType: HTML, body: withToken("Beredningen består av förtroendevalda.") });
    await sink.sync(adapter);
    expect(sink.calls.put).toHaveLength(1);
    expect(sink.text(site.url("/om"))).toContain("förtroendevalda");
  });

  it("follows the links of a listing page under its folder, with link text as title, and removes a link taken away", async () => {
    site.pages.set("/styrdokument/", {
      contentType: HTML,
      etag: '"lista1"',
      body: listing([
        ["reglemente.pdf", "Reglemente för beredningen"],
        ["/styrdokument/overenskommelse", "Överenskommelse om samverkan"],
        ["/styrdokument/overenskommelse#bilaga", "Överenskommelse (bilaga)"],
        ["/nyheter/nyhet-1", "En nyhet"],
      ]),
    });
    site.pages.set("/styrdokument/reglemente.pdf", {
      contentType: "application/pdf",
      etag: '"r1"',
      body: pdfBytes,
    });
    site.pages.set("/styrdokument/overenskommelse", {
      contentType: HTML,
      etag: '"o1"',
      body: page("Överenskommelse", "Parterna samverkar."),
    });
    const adapter = source({ follow: [{ page: site.url("/styrdokument/"), under: null, match: null }] });

    await sink.sync(adapter);
    expect(sink.calls.put.map((put) => [put.item.key, put.item.title])).toEqual([
      [site.url("/styrdokument/reglemente.pdf"), "Reglemente för beredningen"],
      [site.url("/styrdokument/overenskommelse"), "Överenskommelse om samverkan"],
    ]);
    expect(site.requests.map((request) => request.path)).not.toContain("/nyheter/nyhet-1");

    // Unchanged listing (304): its links are still known, nothing is downloaded or removed.
    await sink.sync(adapter);
    expect(sink.calls.removed).toEqual([]);
    expect(sink.calls.kept).toHaveLength(2);
    expect(site.contentDownloads().filter((request) => request.path === "/styrdokument/")).toHaveLength(1);

    site.pages.set("/styrdokument/", {
      contentType: HTML,
      etag: '"lista2"',
      body: listing([["reglemente.pdf", "Reglemente"]]),
    });
    await sink.sync(adapter);
    expect(sink.calls.removed).toEqual([site.url("/styrdokument/overenskommelse")]);
    expect(sink.items().map((item) => item.key)).toEqual([site.url("/styrdokument/reglemente.pdf")]);
  });

  it("keeps only links matching the pattern", async () => {
    site.pages.set("/dok/", {
      contentType: HTML,
      body: listing([
        ["a.pdf", "A"],
        ["b.html", "B"],
      ]),
    });
    site.pages.set("/dok/a.pdf", { contentType: "application/pdf", body: pdfBytes });
    const adapter = source({ follow: [{ page: site.url("/dok/"), under: null, match: /\.pdf$/ }] });
    await sink.sync(adapter);
    expect(sink.calls.put.map((put) => put.item.key)).toEqual([site.url("/dok/a.pdf")]);
  });

  it("reads an unchanged listing page again when the source's pattern changed", async () => {
    site.pages.set("/dok/", {
      contentType: HTML,
      etag: '"l1"',
      body: listing([
        ["a.pdf", "A"],
        ["b.pdf", "B"],
      ]),
    });
    site.pages.set("/dok/a.pdf", { contentType: "application/pdf", etag: '"a"', body: pdfBytes });
    site.pages.set("/dok/b.pdf", { contentType: "application/pdf", etag: '"b"', body: pdfBytes });
    await sink.sync(source({ follow: [{ page: site.url("/dok/"), under: null, match: /a\.pdf$/ }] }));
    expect(sink.items().map((item) => item.key)).toEqual([site.url("/dok/a.pdf")]);

    // The sink hands the first source's cursor (listing page unchanged, ETag "l1") to the changed one.
    await sink.sync(source({ follow: [{ page: site.url("/dok/"), under: null, match: /\.pdf$/ }] }));
    expect(sink.calls.put.map((put) => put.item.key)).toEqual([site.url("/dok/b.pdf")]);
  });

  it("removes a followed document that answers 410 while the listing still links to it", async () => {
    site.pages.set("/dok/", { contentType: HTML, etag: '"l1"', body: listing([["a.pdf", "A"]]) });
    site.pages.set("/dok/a.pdf", { contentType: "application/pdf", etag: '"a"', body: pdfBytes });
    const adapter = source({ follow: [{ page: site.url("/dok/"), under: null, match: null }] });
    await sink.sync(adapter);
    site.pages.set("/dok/a.pdf", { status: 410 });
    await sink.sync(adapter);
    expect(sink.calls.removed).toEqual([site.url("/dok/a.pdf")]);
    expect(sink.items()).toEqual([]);
  });

  it("removes a configured page that answers 404 and says which address to fix", async () => {
    site.pages.set("/borta", { contentType: HTML, etag: '"1"', body: page("Borta", "Snart borta.") });
    const adapter = source({ urls: [site.url("/borta")] });
    await sink.sync(adapter);
    site.pages.delete("/borta");
    await sink.sync(adapter);
    expect(sink.calls.removed).toEqual([site.url("/borta")]);
    expect(sink.calls.problems[0]).toMatch(/finns inte längre \(HTTP 404\).*groups\/laholm\.yaml rad 12/);
  });

  it("keeps the earlier copy when a page is slow, too large, of the wrong type or a server error", async () => {
    const pages = ["/seg", "/stor", "/bild", "/fel"];
    for (const [index, pathName] of pages.entries()) {
      site.pages.set(pathName, {
        contentType: HTML,
        etag: `"${index}"`,
        body: page(pathName, "Första versionen."),
      });
    }
    const adapter = source({ urls: pages.map((pathName) => site.url(pathName)) }, { timeoutMs: 300 });
    await sink.sync(adapter);
    expect(sink.calls.put).toHaveLength(4);

    site.pages.set("/seg", { contentType: HTML, etag: '"nytt"', body: page("Seg", "Ny."), delayMs: 3_000 });
    site.pages.set("/stor", { contentType: HTML, etag: '"nytt"', body: "x".repeat(200 * 1024) });
    site.pages.set("/bild", { contentType: "image/png", etag: '"nytt"', body: "PNG" });
    site.pages.set("/fel", { status: 503 });
    await sink.sync(adapter);

    expect(sink.calls.put).toEqual([]);
    expect(sink.calls.removed).toEqual([]);
    const problems = sink.calls.problems.join("\n");
    expect(problems).toContain(`${site.url("/seg")} svarade inte inom 0,3 sekunder`);
    expect(problems).toContain(`${site.url("/stor")} är större än`);
    expect(problems).toContain(`${site.url("/bild")} är av typen image/png`);
    expect(problems).toContain(`${site.url("/fel")} svarade med HTTP 503`);
    for (const pathName of pages) expect(sink.text(site.url(pathName))).toContain("Första versionen.");
  });

  it("aborts an oversized body whose length the server did not declare", async () => {
    const big = new Uint8Array(1024 * 1024).fill(65);
    site.pages.set("/stor.txt", {
      contentType: "text/plain",
      body: big,
      headers: { "Transfer-Encoding": "chunked" },
    });
    await sink.sync(source({ urls: [site.url("/stor.txt")] }));
    expect(sink.calls.put).toEqual([]);
    expect(sink.calls.problems[0]).toContain("är större än 0,1 MB");
  });

  it("does not fetch what robots.txt disallows, honouring the longest rule and its own group", async () => {
    site.pages.set("/robots.txt", {
      contentType: "text/plain",
      body: "User-agent: *\nDisallow: /\n\nUser-agent: Samsyn\nDisallow: /intern/\nAllow: /intern/publikt\n",
    });
    site.pages.set("/intern/hemligt", { contentType: HTML, body: page("Hemligt", "Nej.") });
    site.pages.set("/intern/publikt", { contentType: HTML, body: page("Publikt", "Ja.") });
    site.pages.set("/oppet", { contentType: HTML, body: page("Öppet", "Ja.") });
    await sink.sync(
      source({ urls: [site.url("/intern/hemligt"), site.url("/intern/publikt"), site.url("/oppet")] }),
    );

    expect(sink.calls.put.map((put) => put.item.key)).toEqual([
      site.url("/intern/publikt"),
      site.url("/oppet"),
    ]);
    expect(sink.calls.problems).toEqual([
      expect.stringContaining(`tillåter inte Samsyn att hämta ${site.url("/intern/hemligt")}`),
    ]);
    expect(site.requests.map((request) => request.path)).not.toContain("/intern/hemligt");
  });

  it("fetches nothing from a host whose robots.txt answers 5xx, and keeps the copies", async () => {
    site.pages.set("/sida", { contentType: HTML, etag: '"1"', body: page("Sida", "Text.") });
    const adapter = source({ urls: [site.url("/sida")] });
    await sink.sync(adapter);
    site.pages.set("/robots.txt", { status: 503 });
    await sink.sync(adapter);
    expect(sink.calls.problems).toEqual([expect.stringContaining("robots.txt på")]);
    expect(sink.calls.removed).toEqual([]);
    expect(site.requests.filter((request) => request.path === "/sida")).toHaveLength(1);
  });

  it("cites the address a redirect ends at", async () => {
    site.pages.set("/gammal", { status: 301, headers: { Location: "/ny/reglemente.pdf" } });
    site.pages.set("/ny/reglemente.pdf", { contentType: "application/pdf", body: pdfBytes });
    await sink.sync(source({ urls: [site.url("/gammal")] }));
    expect(sink.calls.put.map((put) => [put.item.key, put.item.url, put.item.fileName])).toEqual([
      [site.url("/gammal"), site.url("/ny/reglemente.pdf"), "reglemente.pdf"],
    ]);
  });

  it("throws and removes nothing when the listing page fails", async () => {
    site.pages.set("/lista/", { contentType: HTML, body: listing([["a.html", "A"]]) });
    site.pages.set("/lista/a.html", { contentType: HTML, body: page("A", "Text.") });
    const adapter = source({ follow: [{ page: site.url("/lista/"), under: null, match: null }] });
    await sink.sync(adapter);
    site.pages.set("/lista/", { status: 500 });
    const error = await sink.sync(adapter).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SamsynError);
    expect((error as SamsynError).message).toMatch(/Listningssidan .*\/lista\/ .*HTTP 500.*Inga dokument/);
    expect(sink.calls.removed).toEqual([]);
  });

  it("throws when no address can be reached at all", async () => {
    site.pages.set("/a", { contentType: HTML, body: page("A", "Text.") });
    const adapter = source({ urls: [site.url("/a"), site.url("/b")] });
    await site.stop();
    const error = await sink.sync(adapter).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SamsynError);
    expect((error as SamsynError).message).toContain("Ingen adress i webbkällan laholm-webb");
    site = new LocalWebSite();
    await site.start();
  });

  it("sends one request at a time to a host and waits the Crawl-delay between them", async () => {
    site.pages.set("/robots.txt", { contentType: "text/plain", body: "User-agent: *\nCrawl-delay: 0.05\n" });
    const paths = ["/1", "/2", "/3", "/4"];
    for (const pathName of paths)
      site.pages.set(pathName, { contentType: HTML, body: page(pathName, "Text.") });
    await sink.sync(source({ urls: paths.map((pathName) => site.url(pathName)) }));

    expect(site.maxInFlight).toBe(1);
    const pages = site.requests
      .filter((request) => paths.includes(request.path))
      .sort((a, b) => a.started - b.started);
    const pauses = pages.slice(1).map((request, index) => request.started - (pages[index]?.ended ?? 0));
    expect(pauses).toHaveLength(3);
    for (const pause of pauses) expect(pause).toBeGreaterThanOrEqual(45);
  });

  it("fetches at most the configured number of pages and says so", async () => {
    site.pages.set("/dok/", {
      contentType: HTML,
      body: listing([
        ["1", "1"],
        ["2", "2"],
        ["3", "3"],
      ]),
    });
    for (const name of ["1", "2", "3"])
      site.pages.set(`/dok/${name}`, { contentType: HTML, body: page(name, "Text.") });
    await sink.sync(
      source({ follow: [{ page: site.url("/dok/"), under: null, match: null }] }, { maxPagesPerSource: 2 }),
    );
    expect(sink.calls.put).toHaveLength(2);
    expect(sink.calls.problems[0]).toContain("SAMSYN_WEB_SOURCE_MAX_PAGES");
  });
});
