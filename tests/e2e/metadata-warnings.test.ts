import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { type IngestSummary, ingestKnowledge } from "../../src/index/ingest-knowledge.ts";
import { silentLogger } from "../../src/logger.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { startWebSurface, type WebSurface } from "../../src/surfaces/web/start-web-surface.ts";
import { copyKnowledge, ingestedCore, temporaryFolder } from "../builders/core.ts";
import { METADATA_CASES, METADATA_FIXTURES } from "./helpers/metadata-cases.ts";
import { runIngest } from "./helpers/run-ingest.ts";

// Documents whose front matter does not fit are indexed whole, through the two ways a person adds
// them: `npm run ingest` on the folder, and an upload in the web chat. Each warning names file and field.
const WARNED = METADATA_CASES.filter((item) => item.warnings.length > 0);
// Each upload is an ingest of its own; four cover the kinds of warning (free-text date, Swedish
// field names, wrong kinds of value, front matter that is not YAML) without a long test.
const UPLOADED = METADATA_CASES.filter((item) =>
  [
    "handlingsplan-psykisk-halsa.md",
    "uppfoljning-skolhalsa.md",
    "overenskommelse-hjalpmedel.md",
    "riktlinje-utskrivning.md",
  ].includes(item.file),
);

function expectWarnings(warnings: readonly { file: string; field: string | null; message: string }[]): void {
  for (const item of METADATA_CASES) {
    const own = warnings.filter((warning) => warning.file === item.file);
    expect(
      own.map((warning) => warning.field),
      item.file,
    ).toEqual(item.warnings.map((warning) => warning.field));
    item.warnings.forEach((expected, position) => {
      const message = own[position]?.message ?? "";
      expect(message.startsWith(`${item.file}`), message).toBe(true);
      expect(message).toMatch(expected.message);
    });
  }
}

describe("npm run ingest on documents whose front matter does not fit", () => {
  const folder = temporaryFolder("samsyn-metadata-cli-");
  const knowledgeDir = path.join(folder.dir, "knowledge");
  const dataDir = path.join(folder.dir, "data");
  let run: { code: number | null; output: string };
  let core: Core;
  let again: IngestSummary;

  beforeAll(async () => {
    copyKnowledge(METADATA_FIXTURES, knowledgeDir);
    run = await runIngest(knowledgeDir, dataDir);
    // The same index opened again: nothing changed, so nothing is read again, and the warnings stay.
    ({ core, summary: again } = await ingestedCore(knowledgeDir, dataDir));
  }, 120_000);
  afterAll(() => {
    core?.close();
    folder.cleanup();
  });

  it("indexes every document and prints each warning with file, line and field", () => {
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`${METADATA_CASES.length} dokument`);
    expect(run.output).not.toContain("hoppades över");
    expect(run.output).toContain(
      `${WARNED.length} dokument indexerades, men uppgifter i deras inledning (front matter) passade inte`,
    );
    for (const item of WARNED) {
      for (const warning of item.warnings) {
        const line = run.output
          .split("\n")
          .find((text) => text.startsWith(`  • ${item.file}`) && warning.message.test(text));
        expect(line, `${item.file}: ${warning.message}`).toBeDefined();
      }
    }
  });

  it("keeps the warnings of unchanged files on the next ingest", () => {
    expect(again.unchanged).toBe(METADATA_CASES.length);
    expectWarnings(again.warnings);
  });

  it("keeps every valid field and each date at the precision it could be read", () => {
    const documents = new Map(core.index.catalog.documents().map((document) => [document.id, document]));
    expect([...documents.keys()].sort()).toEqual(METADATA_CASES.map((item) => item.file).sort());
    for (const item of METADATA_CASES) expect(documents.get(item.file)?.date, item.file).toBe(item.date);
    expect(documents.get("reglemente-ledningsgrupp.md")?.type).toBe("regulation");
    expect(documents.get("handlingsplan-psykisk-halsa.md")).toMatchObject({
      organisations: ["Region Gävleborg", "Gävle kommun"],
      source: "https://www.regiongavleborg.se/handlingsplan",
    });
    expect(documents.get("uppfoljning-skolhalsa.md")?.organisations).toEqual(["Region Sörmland"]);
  });

  it("drops a file's warnings once it is fixed, and keeps the others'", async () => {
    const file = path.join(knowledgeDir, "verksamhetsplan-narvard.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("date: våren 2021", "date: 2021-03"));
    const fixed = await ingestKnowledge(core.index, knowledgeDir);
    expect(fixed.updated).toBe(1);
    expect(fixed.warnings.filter((warning) => warning.file === "verksamhetsplan-narvard.md")).toEqual([]);
    expect(new Set(fixed.warnings.map((warning) => warning.file)).size).toBe(WARNED.length - 1);
    expect(core.index.catalog.document("verksamhetsplan-narvard.md")?.date).toBe("2021-03");
  });

  it("answers a question only each document can answer, citing it", async () => {
    for (const item of METADATA_CASES) {
      const { answer } = await core.answers.ask(item.question, { scope: EVERYTHING });
      expect(answer.abstained, `${item.file}: ${answer.text}`).toBe(false);
      expect(answer.text, item.file).toMatch(item.answer);
      expect(
        answer.citations.map((citation) => citation.documentId),
        item.file,
      ).toContain(item.file);
    }
  });
});

describe("web upload of documents whose front matter does not fit", () => {
  const folder = temporaryFolder("samsyn-metadata-web-");
  const knowledgeDir = path.join(folder.dir, "knowledge");
  let core: Core;
  let http: HttpServer;
  let surface: WebSurface;
  let url: string;

  beforeAll(async () => {
    fs.mkdirSync(knowledgeDir, { recursive: true });
    ({ core } = await ingestedCore(knowledgeDir, path.join(folder.dir, "data")));
    http = new HttpServer(silentLogger);
    surface = await startWebSurface({
      core,
      config: { token: null, uploads: true, maxUploadBytes: 1024 * 1024 },
      host: "127.0.0.1",
      http,
      groups: [],
      feedback: new SqliteFeedbackStore(core.index.database, "salt"),
      logger: silentLogger,
    });
    url = (await http.listen(0, "127.0.0.1")).url;
  }, 120_000);
  afterAll(async () => {
    await surface?.stop();
    await http?.close();
    core?.close();
    folder.cleanup();
  });

  const post = (route: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/web/${route}`, {
      method: "POST",
      headers: { "x-samsyn-request": "1", ...headers },
      body,
    });

  it("indexes each upload, names what did not fit, lists it in the status and answers from it", async () => {
    for (const item of UPLOADED) {
      const response = await post("documents", fs.readFileSync(path.join(METADATA_FIXTURES, item.file)), {
        "x-samsyn-filename": encodeURIComponent(item.file),
      });
      expect(response.status, item.file).toBe(200);
      const reply = (await response.json()) as {
        indexed: boolean;
        removedAgain: boolean;
        summary: { skipped: unknown[]; warnings: { file: string; field: string | null; message: string }[] };
      };
      expect(reply, item.file).toMatchObject({ indexed: true, removedAgain: false });
      expect(reply.summary.skipped).toEqual([]);
      const own = reply.summary.warnings.filter((warning) => warning.file === item.file);
      expect(
        own.map((warning) => warning.field),
        item.file,
      ).toEqual(item.warnings.map((warning) => warning.field));
    }

    const status = (await (
      await fetch(`${url}/api/web/status`, { headers: { "x-samsyn-request": "1" } })
    ).json()) as {
      documents: number;
      documentWarnings: string[];
    };
    expect(status.documents).toBe(UPLOADED.length);
    for (const item of UPLOADED)
      for (const warning of item.warnings)
        expect(
          status.documentWarnings.some((text) => text.startsWith(item.file) && warning.message.test(text)),
        ).toBe(true);

    for (const item of UPLOADED) {
      const response = await post("ask", JSON.stringify({ question: item.question }), {
        "content-type": "application/json",
      });
      const { answer } = (await response.json()) as {
        answer: { text: string; citations: { documentId: string }[] };
      };
      expect(answer.text, item.file).toMatch(item.answer);
      expect(
        answer.citations.map((citation) => citation.documentId),
        item.file,
      ).toContain(item.file);
    }
  }, 120_000);
});
