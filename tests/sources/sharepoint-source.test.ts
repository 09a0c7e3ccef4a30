import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SamsynError } from "../../src/errors.ts";
import type { GraphSettings } from "../../src/sources/sharepoint/graph-settings.ts";
import { sharePointSource } from "../../src/sources/sharepoint/sharepoint-source.ts";
import type { SourceDefinition } from "../../src/sources/source-definition.ts";
import { temporaryFolder } from "../builders/core.ts";
import { FakeGraphApi } from "../fakes/fake-graph-api.ts";
import { RecordingSyncSink } from "../fakes/recording-sync-sink.ts";

const APP_ID = "11111111-2222-3333-4444-555555555555";
const TENANT_ID = "contoso.onmicrosoft.com";
const SECRET = "stub-secret";

let graph: FakeGraphApi;
let waits: number[];

beforeEach(async () => {
  graph = await FakeGraphApi.start({ appId: APP_ID, tenantId: TENANT_ID, clientSecret: SECRET, pageSize: 2 });
  waits = [];
});

afterEach(async () => {
  await graph.close();
});

function definition(folder: string | null = null): SourceDefinition {
  return {
    id: "samverkan-sharepoint",
    group: "samverkan",
    origin: "groups/samverkan.yaml rad 7",
    everyMinutes: 1440,
    kind: "sharepoint",
    sharepoint: { site: "contoso.sharepoint.com:/sites/samverkan", drive: null, folder },
  };
}

function settings(
  credential: GraphSettings["credential"] = { kind: "secret", secret: SECRET },
): GraphSettings {
  return {
    appId: APP_ID,
    tenantId: TENANT_ID,
    credential,
    graphBaseUrl: graph.baseUrl,
    loginBaseUrl: graph.baseUrl,
  };
}

function source(
  folder: string | null = null,
  credential?: GraphSettings["credential"],
  maxFileBytes?: number,
) {
  return sharePointSource(definition(folder), settings(credential), {
    sleep: async (ms) => {
      waits.push(ms);
    },
    maxFileBytes,
  });
}

function library(): void {
  graph.addFile("Styrdokument/Reglemente.pdf", "reglementet 2026");
  graph.addFile("Styrdokument/Överenskommelse.docx", "överenskommelsen");
  graph.addFile("Protokoll/2026-01-15.md", "# Protokoll januari");
  graph.addFile("Bilder/logga.png", "png");
}

describe("SharePoint source", () => {
  it("first sync fetches every readable file of the library with its SharePoint link, paging through delta", async () => {
    library();
    const sink = new RecordingSyncSink();

    const record = await sink.sync(source());

    expect(sink.texts()).toEqual([
      "2026-01-15.md: # Protokoll januari",
      "Reglemente.pdf: reglementet 2026",
      "Överenskommelse.docx: överenskommelsen",
    ]);
    const reglemente = record.put.find((entry) => entry.item.fileName === "Reglemente.pdf")?.item;
    expect(reglemente?.title).toBe("Reglemente");
    expect(reglemente?.url).toBe(graph.webUrl(reglemente?.key ?? ""));
    expect(graph.requestsTo(`/drives/${graph.driveId}/root/delta`).length).toBeGreaterThan(2);
    expect(graph.downloadsWithToken).toEqual([]);
    expect(sink.cursor).toContain("deltaLink");
  });

  it("a second sync with nothing changed downloads nothing", async () => {
    library();
    const sink = new RecordingSyncSink();
    await sink.sync(source());
    const downloads = graph.downloads.length;

    const record = await sink.sync(source());

    expect(graph.downloads.length).toBe(downloads);
    expect(record).toMatchObject({ put: [], removed: [], problems: [] });
  });

  it("downloads an edited file again and removes a deleted one", async () => {
    library();
    const sink = new RecordingSyncSink();
    const sharepoint = source();
    await sink.sync(sharepoint);
    graph.editFile("Styrdokument/Reglemente.pdf", "reglementet 2027");
    graph.deleteItem("Protokoll/2026-01-15.md");

    const record = await sink.sync(sharepoint);

    expect(record.put.map((entry) => entry.item.fileName)).toEqual(["Reglemente.pdf"]);
    expect(record.removed).toHaveLength(1);
    expect(sink.texts()).toEqual([
      "Reglemente.pdf: reglementet 2027",
      "Överenskommelse.docx: överenskommelsen",
    ]);
  });

  it("a folder source holds only files under the folder and follows moves in and out", async () => {
    library();
    graph.addFile("Styrdokument/Arkiv/Reglemente 2020.txt", "gamla reglementet");
    const sink = new RecordingSyncSink();
    const sharepoint = source("Styrdokument");
    await sink.sync(sharepoint);
    expect(sink.texts()).toEqual([
      "Reglemente 2020.txt: gamla reglementet",
      "Reglemente.pdf: reglementet 2026",
      "Överenskommelse.docx: överenskommelsen",
    ]);

    graph.moveItem("Styrdokument/Överenskommelse.docx", "Utkast");
    graph.addFile("Utkast/Nytt/Plan.md", "planen");
    graph.moveItem("Utkast/Nytt", "Styrdokument");
    await sink.sync(sharepoint);

    expect(sink.texts()).toEqual([
      "Plan.md: planen",
      "Reglemente 2020.txt: gamla reglementet",
      "Reglemente.pdf: reglementet 2026",
    ]);
  });

  it("lists the library afresh when Graph no longer knows the delta token, removing what is gone", async () => {
    library();
    const sink = new RecordingSyncSink();
    const sharepoint = source();
    await sink.sync(sharepoint);
    const downloads = graph.downloads.length;
    graph.expireDeltaTokens();
    graph.deleteItem("Styrdokument/Reglemente.pdf");

    const record = await sink.sync(sharepoint);

    expect(record.removed).toHaveLength(1);
    expect(graph.downloads.length).toBe(downloads);
    expect(sink.texts()).toEqual([
      "2026-01-15.md: # Protokoll januari",
      "Överenskommelse.docx: överenskommelsen",
    ]);
  });

  it("waits as long as Retry-After asks when Graph throttles, then goes on", async () => {
    library();
    graph.throttle(2, 7);
    const sink = new RecordingSyncSink();

    await sink.sync(source());

    expect(waits).toEqual([7000, 7000]);
    expect(sink.stored.size).toBe(3);
  });

  it("gives up with a Swedish message when throttling does not end, keeping what it had", async () => {
    library();
    const sink = new RecordingSyncSink();
    const sharepoint = source();
    await sink.sync(sharepoint);
    graph.editFile("Styrdokument/Reglemente.pdf", "ny text");
    graph.throttle(50, 1, 503);

    await expect(sink.sync(sharepoint)).rejects.toThrow(/Microsoft Graph begränsar Samsyns anrop \(HTTP 503/);
    expect(waits.length).toBe(5);
    expect(sink.texts()).toContain("Reglemente.pdf: reglementet 2026");
  });

  it("does not block a sync for longer than the cap when Retry-After asks for more", async () => {
    library();
    graph.throttle(1, 3600);

    await expect(new RecordingSyncSink().sync(source())).rejects.toThrow(/vänta 3600 s/);
    expect(waits).toEqual([]);
  });

  it("explains in Swedish that Sites.Selected must be granted for the site when Graph refuses", async () => {
    library();
    graph.denyAccess();

    const failure = await new RecordingSyncSink().sync(source()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SamsynError);
    expect((failure as SamsynError).code).toBe("source_access_denied");
    expect((failure as Error).message).toContain("Sites.Selected");
    expect((failure as Error).message).toContain("contoso.sharepoint.com:/sites/samverkan");
    expect((failure as Error).message).toContain(APP_ID);
  });

  it("names the folder when it does not exist", async () => {
    library();

    await expect(new RecordingSyncSink().sync(source("Finns inte"))).rejects.toThrow(
      /hittar inte mappen Finns inte.*groups\/samverkan\.yaml rad 7/,
    );
  });

  it("reports a file that cannot be downloaded, keeps its earlier copy and fetches it on the next sync", async () => {
    library();
    const sink = new RecordingSyncSink();
    const sharepoint = source();
    await sink.sync(sharepoint);
    graph.editFile("Styrdokument/Reglemente.pdf", "reglementet 2027");
    graph.failDownload("Styrdokument/Reglemente.pdf", 500);

    const failed = await sink.sync(sharepoint);

    expect(failed.problems).toEqual([
      expect.stringMatching(/"Reglemente\.pdf".*HTTP 500.*tidigare kopian behålls/),
    ]);
    expect(failed.removed).toEqual([]);
    expect(sink.texts()).toContain("Reglemente.pdf: reglementet 2026");

    graph.failDownload("Styrdokument/Reglemente.pdf", null);
    await sink.sync(sharepoint);
    expect(sink.texts()).toContain("Reglemente.pdf: reglementet 2027");
  });

  it("signs in with a certificate: a client assertion the token endpoint verifies, one token for several syncs", async () => {
    await graph.close();
    graph = await FakeGraphApi.start({ appId: APP_ID, tenantId: TENANT_ID });
    library();
    const certificate = graph.createCertificate();
    const folder = temporaryFolder();
    const keyFile = path.join(folder.dir, "samsyn.key");
    writeFileSync(keyFile, certificate.privateKeyPem);
    const sink = new RecordingSyncSink();
    const sharepoint = source(null, { kind: "certificate", thumbprint: certificate.thumbprint, keyFile });

    await sink.sync(sharepoint);
    await sink.sync(sharepoint);
    folder.cleanup();

    expect(sink.stored.size).toBe(3);
    expect(graph.tokenRequests).toEqual([
      {
        tenant: TENANT_ID,
        clientId: APP_ID,
        scope: `${graph.baseUrl}/.default`,
        grantType: "client_credentials",
        proof: "certificate",
        accepted: true,
      },
    ]);
  });

  it("says which variables to check when the token endpoint refuses the secret", async () => {
    library();

    await expect(
      new RecordingSyncSink().sync(source(null, { kind: "secret", secret: "fel" })),
    ).rejects.toThrow(/ingen token.*invalid_client.*MICROSOFT_APP_PASSWORD/);
  });

  it("tells unchanged from edited files by eTag when delta leaves out the cTag, as SharePoint does", async () => {
    await graph.close();
    graph = await FakeGraphApi.start({
      appId: APP_ID,
      tenantId: TENANT_ID,
      clientSecret: SECRET,
      omitCTagInDelta: true,
    });
    library();
    const sink = new RecordingSyncSink();
    const sharepoint = source();
    await sink.sync(sharepoint);
    const downloads = graph.downloads.length;
    graph.expireDeltaTokens();

    const relisted = await sink.sync(sharepoint);
    graph.editFile("Protokoll/2026-01-15.md", "# Protokoll januari, justerat");
    const edited = await sink.sync(sharepoint);

    expect(relisted.put).toEqual([]);
    expect(relisted.kept).toHaveLength(3);
    expect(edited.put.map((entry) => entry.text)).toEqual(["# Protokoll januari, justerat"]);
    expect(graph.downloads.length).toBe(downloads + 1);
  });

  it("does not download a file over the size limit and says which limit to raise", async () => {
    library();
    graph.addFile("Styrdokument/Stor bilaga.pdf", "x".repeat(4096));
    const sink = new RecordingSyncSink();

    const record = await sink.sync(source(null, undefined, 1024));

    expect(record.problems).toEqual([expect.stringMatching(/"Stor bilaga\.pdf".*SAMSYN_INGEST_MAX_FILE_MB/)]);
    expect(graph.downloads).not.toContain("Stor bilaga.pdf");
    expect(sink.stored.size).toBe(3);
  });

  it("lists afresh instead of sending its token to a delta link that is not Graph's", async () => {
    library();
    const sink = new RecordingSyncSink();
    await sink.sync(source());
    const stored = JSON.parse(sink.cursor ?? "{}") as Record<string, unknown>;
    sink.cursor = JSON.stringify({
      ...stored,
      deltaLink: "https://elsewhere.example/v1.0/drives/x/root/delta?token=1",
    });

    const record = await sink.sync(source());

    // A full listing names all three files again; following the stored link would have failed.
    expect(record.kept).toHaveLength(3);
  });
});
