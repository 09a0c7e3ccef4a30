import fs from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { silentLogger } from "../../src/logger.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import { startWebSurface, type WebSurface } from "../../src/surfaces/web/start-web-surface.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

// Uploads through the web chat on loopback: too large, too long names and deceptive names.
const MAX_UPLOAD = 64 * 1024;
const API = { "x-samsyn-request": "1" };

let folder: { dir: string; cleanup: () => void };
let knowledgeDir: string;
let core: Core;
let http: HttpServer;
let surface: WebSurface;
let url: string;

beforeAll(async () => {
  folder = temporaryFolder("samsyn-web-uploads-");
  knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  ({ core } = await ingestedCore(knowledgeDir, path.join(folder.dir, "data")));
  http = new HttpServer(silentLogger);
  surface = await startWebSurface({
    core,
    config: { token: null, uploads: true, maxUploadBytes: MAX_UPLOAD },
    host: "127.0.0.1",
    http,
    groups: [],
    feedback: new SqliteFeedbackStore(core.index.database, "salt"),
    logger: silentLogger,
  });
  url = (await http.listen(0, "127.0.0.1")).url;
});

afterAll(async () => {
  await surface?.stop();
  await http?.close();
  core?.close();
  folder?.cleanup();
});

const upload = (name: string, body: string | Buffer) =>
  fetch(`${url}/api/web/documents`, {
    method: "POST",
    headers: { ...API, "x-samsyn-filename": encodeURIComponent(name) },
    body,
  });

const leftovers = () => fs.readdirSync(knowledgeDir).filter((name) => name.startsWith(".upload-"));

describe("web uploads", () => {
  it("answers a file far over the limit with a Swedish 413, not a reset connection", async () => {
    const response = await upload("stor.md", Buffer.alloc(16 * 1024 * 1024, "a"));
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain("för stor (högst 64 kB)");
    expect(fs.existsSync(path.join(knowledgeDir, "stor.md"))).toBe(false);
  });

  it("answers a chunked body that grows over the limit with a 413, and the client can finish sending", async () => {
    const outcome = await new Promise<{ status: number | null; clientError: string | null }>((resolve) => {
      let status: number | null = null;
      const outgoing = httpRequest(
        `${url}/api/web/documents`,
        {
          method: "POST",
          headers: { ...API, "x-samsyn-filename": "strom.md", "transfer-encoding": "chunked" },
        },
        (response) => {
          status = response.statusCode ?? null;
          response.resume();
        },
      );
      // A reset while still sending shows up as EPIPE or ECONNRESET here.
      outgoing.on("error", (error: NodeJS.ErrnoException) =>
        resolve({ status, clientError: error.code ?? "?" }),
      );
      outgoing.on("close", () => resolve({ status, clientError: null }));
      const chunk = Buffer.alloc(1024 * 1024, "b");
      let written = 0;
      const write = () => {
        while (written < 24) {
          written++;
          if (!outgoing.write(chunk)) {
            outgoing.once("drain", write);
            return;
          }
        }
        outgoing.end();
      };
      write();
    });
    expect(outcome).toEqual({ status: 413, clientError: null });
    // The same server still takes a normal upload afterwards.
    const small = await upload("liten-fil.md", "# Liten\n\nEn liten fil om hamnen i Båstad.");
    expect(small.status).toBe(200);
  });

  it("refuses a name over 255 UTF-8 bytes with a Swedish 400 and leaves no temporary file", async () => {
    const name = `${"å".repeat(130)}.md`; // 133 characters, 263 bytes
    const response = await upload(name, "# Å\n\nText.");
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toMatch(/för långt \(högst 255 byte/);
    expect(leftovers()).toEqual([]);
    expect(fs.readdirSync(knowledgeDir).some((file) => file.startsWith("ååå"))).toBe(false);
  });

  it("strips bidirectional control characters from a name", async () => {
    const response = await upload("avtal\u202Efdp.\u2066md", "# Avtal\n\nAvtalet om hamnen.");
    expect(response.status).toBe(200);
    const { file } = (await response.json()) as { file: string };
    expect(file).toBe("avtalfdp.md");
    expect(fs.existsSync(path.join(knowledgeDir, "avtalfdp.md"))).toBe(true);
  });
});
