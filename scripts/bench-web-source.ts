/**
 * `tsx scripts/bench-web-source.ts [--pages 500]`: the fetching half of a web source sync. A local
 * server on 127.0.0.1 serves a listing page linking to N generated municipal pages and PDFs with
 * ETag/Last-Modified; the web adapter syncs them twice with no pause between requests (first: every
 * body downloaded and written to disk; second: nothing changed, conditional requests only) and
 * the wall time, requests, downloads and peak RSS of each are printed. `benchWebSource` is the
 * same for `scripts/bench.ts`. With `--with-ingest` the sync runs through the real runner into a
 * real index (`benchSourceSync`): what `npm run sources -- sync` costs, indexing included.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { openCore } from "../src/app/bootstrap.ts";
import { composeSources } from "../src/app/compose-sources.ts";
import { silentLogger } from "../src/logger.ts";
import type { SourceItem, SyncSink } from "../src/sources/source-port.ts";
import { DEFAULT_WEB_FETCH_SETTINGS } from "../src/sources/web/web-fetch-settings.ts";
import { webSource } from "../src/sources/web/web-source.ts";

/** What one sync of the bench cost. */
export interface WebSyncMeasurement {
  wallMs: number;
  requests: number;
  downloads: number;
  put: number;
  kept: number;
  problems: number;
  peakRssMb: number;
}

/** Serves `pages` generated pages (every tenth a PDF) and syncs them twice; returns both measurements. */
export async function benchWebSource(
  pages: number,
): Promise<{ first: WebSyncMeasurement; second: WebSyncMeasurement }> {
  const site = await startSite(pages);
  const dir = await mkdtemp(path.join(tmpdir(), "samsyn-bench-web-"));
  try {
    const sink = new DiskSink(dir);
    const source = webSource(
      {
        id: "bench-webb",
        group: null,
        origin: "bench",
        everyMinutes: 1440,
        kind: "web",
        web: { urls: [], follow: [{ page: `${site.origin}/styrdokument/`, under: null, match: null }] },
      },
      { ...DEFAULT_WEB_FETCH_SETTINGS, hostDelayMs: 0, maxPagesPerSource: pages },
    );
    let cursor: string | null = null;
    const measure = async (): Promise<WebSyncMeasurement> => {
      const before = { requests: site.requests, downloads: site.downloads };
      sink.begin();
      const started = performance.now();
      cursor = (
        await source.sync(sink, { cursor, signal: new AbortController().signal, logger: silentLogger })
      ).cursor;
      const wallMs = performance.now() - started;
      const counts = sink.commit();
      return {
        wallMs,
        requests: site.requests - before.requests,
        downloads: site.downloads - before.downloads,
        ...counts,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      };
    };
    const first = await measure();
    const second = await measure();
    return { first, second };
  } finally {
    await site.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What a sync through the runner cost: fetching, writing the copies and indexing them. */
export interface SourceSyncMeasurement {
  wallMs: number;
  added: number;
  changed: number;
  documents: number;
  peakRssMb: number;
}

/**
 * The whole path a person waits for: `npm run sources -- sync` of a public web source listing
 * `pages` pages, through the real runner into a real index in a temporary data folder, twice.
 */
export async function benchSourceSync(
  pages: number,
): Promise<{ first: SourceSyncMeasurement; second: SourceSyncMeasurement }> {
  const site = await startSite(pages);
  const root = await mkdtemp(path.join(tmpdir(), "samsyn-bench-sources-"));
  try {
    const knowledgeDir = path.join(root, "knowledge");
    await mkdir(knowledgeDir, { recursive: true });
    await writeFile(
      path.join(knowledgeDir, "sources.yaml"),
      `sources:\n  - follow: {page: "${site.origin}/styrdokument/"}\n`,
    );
    // As a person would set them for a local server: no pause between requests, room for every page.
    process.env.SAMSYN_WEB_SOURCE_HOST_DELAY_MS = "0";
    process.env.SAMSYN_WEB_SOURCE_MAX_PAGES = String(pages + 1);
    process.env.LOG_LEVEL = "silent";
    const { core, logger } = await openCore({
      overrides: { knowledgeDir, dataDir: path.join(root, "data") },
    });
    try {
      const { runner } = await composeSources(core, logger);
      const measure = async (): Promise<SourceSyncMeasurement> => {
        const started = performance.now();
        const report = await runner.sync();
        const result = report.results[0];
        if (result?.outcome !== "synced") throw new Error(`sync failed: ${result?.error}`);
        return {
          wallMs: performance.now() - started,
          added: result.added,
          changed: result.changed,
          documents: core.index.catalog.stats().documents,
          peakRssMb: process.resourceUsage().maxRSS / 1024,
        };
      };
      const first = await measure();
      const second = await measure();
      return { first, second };
    } finally {
      await core.knowledge.stopReader();
      core.close();
    }
  } finally {
    await site.stop();
    await rm(root, { recursive: true, force: true });
  }
}

/** Writes put copies to disk as the runner does, and remembers items between syncs. */
class DiskSink implements SyncSink {
  private readonly committed = new Map<string, SourceItem>();
  private pending = new Map<string, SourceItem>();
  private problems = 0;
  private put_ = 0;
  private kept = 0;

  constructor(private readonly dir: string) {}

  previous(key: string): SourceItem | undefined {
    return this.committed.get(key);
  }
  items(): readonly SourceItem[] {
    return [...this.committed.values()];
  }
  async put(item: SourceItem, bytes: Uint8Array): Promise<void> {
    await writeFile(path.join(this.dir, `${this.pending.size}-${item.fileName}`), bytes);
    this.pending.set(item.key, item);
    this.put_ += 1;
  }
  keep(item: SourceItem): void {
    this.pending.set(item.key, item);
    this.kept += 1;
  }
  remove(key: string): void {
    this.pending.delete(key);
  }
  problem(): void {
    this.problems += 1;
  }
  begin(): void {
    this.pending = new Map(this.committed);
    this.problems = 0;
    this.put_ = 0;
    this.kept = 0;
  }
  commit(): { put: number; kept: number; problems: number } {
    this.committed.clear();
    for (const [key, item] of this.pending) this.committed.set(key, item);
    return { put: this.put_, kept: this.kept, problems: this.problems };
  }
}

async function startSite(pages: number) {
  const pdf = await samplePdf();
  const lastModified = new Date(Date.UTC(2026, 1, 3)).toUTCString();
  const links: string[] = [];
  const bodies = new Map<string, { type: string; body: string | Uint8Array; etag: string }>();
  for (let index = 0; index < pages; index += 1) {
    const isPdf = index % 10 === 9;
    const name = isPdf ? `protokoll-${index}.pdf` : `dokument-${index}`;
    links.push(`<li><a href="${name}">Dokument ${index}</a></li>`);
    bodies.set(`/styrdokument/${name}`, {
      type: isPdf ? "application/pdf" : "text/html; charset=utf-8",
      body: isPdf ? pdf : municipalPage(index),
      etag: `"v1-${index}"`,
    });
  }
  bodies.set("/styrdokument/", {
    type: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="sv"><body><main><h1>Styrdokument</h1><ul>${links.join("")}</ul></main></body></html>`,
    etag: '"lista-v1"',
  });
  const counters = { requests: 0, downloads: 0 };
  const server = http.createServer((request, response) => {
    counters.requests += 1;
    const entry = bodies.get(request.url ?? "");
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    const headers = { "Content-Type": entry.type, ETag: entry.etag, "Last-Modified": lastModified };
    if (request.headers["if-none-match"] === entry.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    counters.downloads += 1;
    response.writeHead(200, headers).end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get requests() {
      return counters.requests;
    },
    get downloads() {
      return counters.downloads;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** About the size of a real municipal page (20–40 kB of HTML around a few paragraphs). */
function municipalPage(index: number): string {
  const menu = Array.from(
    { length: 60 },
    (_, item) => `<li><a href="/meny/${item}">Menyval ${item}</a></li>`,
  ).join("");
  const paragraphs = Array.from(
    { length: 12 },
    (_, paragraph) =>
      `<p>Dokument ${index}, stycke ${paragraph}: samverkansberedningen följer upp överenskommelsen mellan kommunen och regionen om hälsa, vård och omsorg, och bereder ärenden inför beslut i nämnderna.</p>`,
  ).join("");
  return `<!doctype html><html lang="sv"><head><title>Dokument ${index}</title><script>${"var x=1;".repeat(500)}</script></head>
<body><div class="cookie-banner">Vi använder kakor.</div><header><nav><ul>${menu}</ul></nav></header>
<main><h1>Dokument ${index}</h1>${paragraphs}</main><footer>Exempelby kommun, Storgatan 1</footer></body></html>`;
}

async function samplePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 0; page < 3; page += 1) {
    pdf
      .addPage([595, 842])
      .drawText(`Protokoll, sida ${page + 1}. Beredningen beslutade att godkänna dagordningen.`, {
        x: 56,
        y: 780,
        size: 11,
        font,
      });
  }
  return pdf.save();
}

function line(label: string, measurement: WebSyncMeasurement): string {
  return (
    `${label}: ${(measurement.wallMs / 1000).toFixed(2)} s, ${measurement.requests} anrop, ` +
    `${measurement.downloads} nedladdningar, ${measurement.put} nya, ${measurement.kept} oförändrade, ` +
    `${measurement.problems} problem, högsta RSS ${measurement.peakRssMb.toFixed(0)} MB`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { pages: { type: "string", default: "500" }, "with-ingest": { type: "boolean" } },
  });
  const pages = Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1) {
    process.stderr.write("--pages ska vara ett positivt heltal, t.ex. --pages 500\n");
    process.exit(2);
  }
  if (values["with-ingest"]) {
    const { first, second } = await benchSourceSync(pages);
    const describe = (label: string, measurement: SourceSyncMeasurement) =>
      `  ${label}: ${(measurement.wallMs / 1000).toFixed(2)} s, ${measurement.added} nya, ` +
      `${measurement.changed} ändrade, ${measurement.documents} dokument i indexet, högsta RSS ${measurement.peakRssMb.toFixed(0)} MB`;
    process.stdout.write(
      `Webbkälla genom npm run sources -- sync: ${pages} sidor och filer, hämtade och indexerade\n`,
    );
    process.stdout.write(
      `${describe("första synkningen", first)}\n${describe("andra synkningen (inget ändrat)", second)}\n`,
    );
    process.exit(0);
  }
  const { first, second } = await benchWebSource(pages);
  process.stdout.write(`Webbkälla, ${pages} sidor och filer från 127.0.0.1 (ingen paus mellan anrop)\n`);
  process.stdout.write(
    `${line("  första synkningen", first)}\n${line("  andra synkningen (inget ändrat)", second)}\n`,
  );
}
