import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { silentLogger } from "../../src/logger.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { startWebSurface, type WebSurface } from "../../src/surfaces/web/start-web-surface.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { type PathologicalFile, writePathologicalFiles } from "../builders/pathological-files.ts";

// The files that used to stall or sink ingest, uploaded one by one through the web chat as a
// secretary might: each is answered (saved, or refused with a Swedish reason and removed again),
// and the server keeps answering questions from the documents it had.
const API = { "x-samsyn-request": "1" };

let folder: ReturnType<typeof temporaryFolder>;
let core: Core;
let http: HttpServer;
let surface: WebSurface;
let url: string;
let files: PathologicalFile[];
let staging: string;

beforeAll(async () => {
  folder = temporaryFolder("samsyn-pathological-uploads-");
  const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  ({ core } = await ingestedCore(knowledgeDir, path.join(folder.dir, "data")));
  staging = path.join(folder.dir, "staging");
  fs.mkdirSync(staging);
  files = await writePathologicalFiles(staging);
  http = new HttpServer(silentLogger);
  surface = await startWebSurface({
    core,
    config: { token: null, uploads: true, maxUploadBytes: 20 * 1024 * 1024 },
    host: "127.0.0.1",
    http,
    groups: [],
    feedback: new SqliteFeedbackStore(core.index.database, "salt"),
    logger: silentLogger,
  });
  url = (await http.listen(0, "127.0.0.1")).url;
}, 300_000);

afterAll(async () => {
  await surface?.stop();
  await http?.close();
  core?.close();
  folder?.cleanup();
});

async function ask(question: string): Promise<{ abstained: boolean; text: string }> {
  const response = await fetch(`${url}/api/web/ask`, {
    method: "POST",
    headers: { ...API, "content-type": "application/json" },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { answer: { abstained: boolean; text: string } }).answer;
}

describe("pathological files uploaded through the web chat", () => {
  it("answers every upload and keeps answering questions", { timeout: 600_000 }, async () => {
    for (const file of files) {
      const response = await fetch(`${url}/api/web/documents`, {
        method: "POST",
        headers: { ...API, "x-samsyn-filename": encodeURIComponent(file.name) },
        body: fs.readFileSync(path.join(staging, file.name)),
      });
      const body = (await response.json()) as {
        removedAgain?: boolean;
        summary?: { skipped: { file: string; message: string }[] };
        message?: string;
      };
      // A bad file is refused in Swedish, never with a server error or a dropped connection.
      expect(response.status, file.name).toBeLessThan(500);
      if (file.reason === null) continue;
      if (response.status === 200) {
        expect(body.removedAgain, file.name).toBe(true);
        const skipped = body.summary?.skipped.find((problem) => problem.file === file.name);
        expect(skipped?.message ?? JSON.stringify(body), file.name).toMatch(file.reason);
      } else {
        expect(JSON.stringify(body), file.name).toMatch(/[åäö]/);
      }
    }
    const answer = await ask("Vem kallar till samverkansberedningens möten i Laholm?");
    expect(answer.abstained).toBe(false);
  });
});
