import fs from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { SamsynError } from "../../src/errors.ts";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import { silentLogger } from "../../src/logger.ts";
import { HttpServer } from "../../src/surfaces/http/http-server.ts";
import {
  type StartWebSurfaceOptions,
  startWebSurface,
  type WebSurface,
} from "../../src/surfaces/web/start-web-surface.ts";
import type { WebConfig } from "../../src/surfaces/web/web-config.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

const TOKEN = "test-token-with-enough-length";
const LAHOLM_QUESTION = "Vem kallar till samverkansberedningens möten i Laholm?";
const MAX_UPLOAD = 4096;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: () => { error?: { reason: string; message: string } } & Record<string, unknown>;
}

/** A raw HTTP request, so tests control every header (Host, Origin) as an attacker could. */
function send(
  base: string,
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, base);
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const outgoing = httpRequest(
      url,
      {
        method,
        headers: { ...(body ? { "content-length": String(body.length) } : {}), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const api = { "x-samsyn-request": "1" };
const json = { ...api, "content-type": "application/json" };
const admin = { authorization: `Bearer ${TOKEN}` };

describe("web chat security over HTTP", () => {
  let folder: { dir: string; cleanup: () => void };
  let knowledgeDir: string;
  let core: Core;
  let groups: Group[];
  const servers: { http: HttpServer; surface: WebSurface }[] = [];

  async function start(
    config: Partial<WebConfig>,
    host = "127.0.0.1",
    extra: Partial<Pick<StartWebSurfaceOptions, "core" | "providers">> = {},
  ): Promise<string> {
    const http = new HttpServer(silentLogger);
    const surface = await startWebSurface({
      core,
      ...extra,
      config: { token: null, uploads: null, maxUploadBytes: MAX_UPLOAD, ...config },
      host,
      http,
      groups,
      feedback: new SqliteFeedbackStore(core.index.database, "salt"),
      logger: silentLogger,
    });
    servers.push({ http, surface });
    return (await http.listen(0, "127.0.0.1")).url;
  }

  let guarded: string;
  let open: string;

  beforeAll(async () => {
    folder = temporaryFolder("samsyn-web-security-");
    knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
    ({ core } = await ingestedCore(knowledgeDir, path.join(folder.dir, "data")));
    ({ groups } = await loadGroups(path.join(knowledgeDir, "groups")));
    guarded = await start({ token: TOKEN, uploads: true });
    open = await start({});
  });

  afterAll(async () => {
    for (const { http, surface } of servers) {
      await surface.stop();
      await http.close();
    }
    core?.close();
    folder?.cleanup();
  });

  it("refuses to serve a network address without a token, naming the variable", async () => {
    const attempt = start({ token: null }, "0.0.0.0");
    await expect(attempt).rejects.toBeInstanceOf(SamsynError);
    await expect(attempt).rejects.toThrow(/SAMSYN_WEB_TOKEN.*SAMSYN_HOST|SAMSYN_HOST.*SAMSYN_WEB_TOKEN/s);
  });

  it("serves a network address with a token, uploads off unless switched on", async () => {
    const url = await start({ token: TOKEN }, "0.0.0.0");
    expect(servers.at(-1)?.surface.uploadsEnabled).toBe(false);
    const upload = await send(url, "POST", "/api/web/documents", {
      headers: { ...api, ...admin, "x-samsyn-filename": "a.md" },
      body: "# A",
    });
    expect(upload.status).toBe(403);
    expect(upload.json().error?.message).toContain("SAMSYN_WEB_UPLOADS");
  });

  it("sends a self-only Content-Security-Policy with the page and the API", async () => {
    for (const target of ["/", "/assets/app.js", "/api/web/status"]) {
      const reply = await send(open, "GET", target, { headers: api });
      expect(reply.status).toBe(200);
      const policy = String(reply.headers["content-security-policy"]);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain("unsafe-inline");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    }
    const page = await send(open, "GET", "/");
    expect(page.body).toContain('<html lang="sv">');
    expect(page.body).not.toMatch(/https?:\/\//);
    expect((await send(open, "GET", "/assets/../web-config.ts")).status).toBe(404);
  });

  it("refuses API calls without the page's header, from other sites, and to foreign host names", async () => {
    const body = JSON.stringify({ question: LAHOLM_QUESTION });
    const withoutHeader = await send(open, "POST", "/api/web/ask", {
      headers: { "content-type": "application/json" },
      body,
    });
    expect(withoutHeader.status).toBe(403);
    const crossOrigin = await send(open, "POST", "/api/web/ask", {
      headers: { ...json, origin: "https://evil.example" },
      body,
    });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await send(open, "POST", "/api/web/ask", {
      headers: { ...json, "sec-fetch-site": "cross-site" },
      body,
    });
    expect(crossSite.status).toBe(403);
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
    const rebound = await send(open, "GET", "/api/web/status", {
      headers: { ...api, host: "evil.example:3000" },
    });
    expect(rebound.status).toBe(421);
    // With a token the administrator may put a reverse proxy in front, under its own name.
    const proxied = await send(guarded, "GET", "/api/web/status", {
      headers: { ...api, host: "samsyn.example.se" },
    });
    expect(proxied.status).toBe(200);
    const sameOrigin = await send(open, "POST", "/api/web/ask", {
      headers: { ...json, origin: open, "sec-fetch-site": "same-origin" },
      body,
    });
    expect(sameOrigin.status).toBe(200);
  });

  it("rejects bodies over the limits and malformed questions", async () => {
    const huge = await send(open, "POST", "/api/web/ask", {
      headers: json,
      body: JSON.stringify({ question: "x".repeat(40_000) }),
    });
    expect(huge.status).toBe(413);
    const tooLong = await send(open, "POST", "/api/web/ask", {
      headers: json,
      body: JSON.stringify({ question: "x".repeat(2001) }),
    });
    expect(tooLong.status).toBe(400);
    const wrongShape = await send(open, "POST", "/api/web/ask", { headers: json, body: '{"question": 42}' });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json().error?.message).toContain("question");
    const notJson = await send(open, "POST", "/api/web/ask", { headers: json, body: "question=hej" });
    expect(notJson.status).toBe(400);
    // Every rejection says in Swedish what is wrong, naming the field; no validator English.
    const malformed: [string, string, RegExp][] = [
      ["/api/web/ask", '{"question": 42}', /fältet "question" ska vara en text/],
      ["/api/web/ask", '{"question": "Vem leder?", "grupp": "x"}', /okänt fält "grupp"/],
      ["/api/web/ask", '{"question": "x", "history": "a"}', /fältet "history" ska vara en lista/],
      [
        "/api/web/feedback",
        '{"answerId": "a", "vote": "kanske", "clientId": "client-1234"}',
        /fältet "vote" ska vara ett av: up, down/,
      ],
      [
        "/api/web/feedback",
        '{"answerId": "a", "vote": "up", "clientId": "!!"}',
        /fältet "clientId" har fel form/,
      ],
    ];
    for (const [pathname, body, expected] of malformed) {
      const reply = await send(open, "POST", pathname, { headers: json, body });
      expect(reply.status, body).toBe(400);
      const message = String(reply.json().error?.message);
      expect(message, body).toMatch(expected);
      expect(message, body).not.toMatch(/Invalid|Expected|Unrecognized|Too (big|small)|must/);
    }

    const bigFile = await send(guarded, "POST", "/api/web/documents", {
      headers: { ...api, ...admin, "x-samsyn-filename": "stor.md" },
      body: `# Stor\n\n${"ord ".repeat(MAX_UPLOAD)}`,
    });
    expect(bigFile.status).toBe(413);
    expect(fs.existsSync(path.join(knowledgeDir, "stor.md"))).toBe(false);
  });

  it("lets only the token holder upload, and checks the file name and format", async () => {
    const upload = (headers: Record<string, string>, name: string, body = "# Hamnen\n\nHamnen i Båstad.") =>
      send(guarded, "POST", "/api/web/documents", {
        headers: { ...api, "x-samsyn-filename": encodeURIComponent(name), ...headers },
        body,
      });
    expect((await upload({}, "hamnen.md")).status).toBe(401);
    const wrong = await upload({ authorization: "Bearer not-the-token-at-all" }, "hamnen.md");
    expect(wrong.status).toBe(401);
    expect(wrong.json().error?.message).toBe("Fel åtkomstkod.");
    expect(fs.existsSync(path.join(knowledgeDir, "hamnen.md"))).toBe(false);

    expect((await upload(admin, "../hamnen.md")).status).toBe(400);
    expect((await upload(admin, ".hamnen.md")).status).toBe(400);
    const exe = await upload(admin, "program.exe");
    expect(exe.status).toBe(415);
    expect(exe.json().error?.message).toContain(".docx");

    const accepted = await upload(admin, "hamnen.md");
    expect(accepted.status).toBe(200);
    expect(accepted.json()).toMatchObject({ file: "hamnen.md", indexed: true, removedAgain: false });
    expect(fs.existsSync(path.join(knowledgeDir, "hamnen.md"))).toBe(true);
    expect(core.index.catalog.document("hamnen.md")).toBeDefined();
  });

  it("shows visitors only public documents and groups when a token is configured", async () => {
    const visitor = (await send(guarded, "GET", "/api/web/status", { headers: api })).json();
    expect(visitor.admin).toBe(false);
    expect(visitor.tokenRequired).toBe(true);
    expect((visitor.groups as { visibility: string }[]).every((group) => group.visibility === "public")).toBe(
      true,
    );
    const administrator = (
      await send(guarded, "GET", "/api/web/status", { headers: { ...api, ...admin } })
    ).json();
    expect(administrator.admin).toBe(true);
    expect((administrator.groups as unknown[]).length).toBe(groups.length);

    const question = JSON.stringify({
      question: "Vilka ingår i politisk samverkan inom HälSam?",
      group: null,
    });
    const asVisitor = (await send(guarded, "POST", "/api/web/ask", { headers: json, body: question })).json();
    const asAdmin = (
      await send(guarded, "POST", "/api/web/ask", { headers: { ...json, ...admin }, body: question })
    ).json();
    const referenced = (reply: Record<string, unknown>) => {
      const answer = reply.answer as {
        citations: { documentId: string }[];
        closest: { documentId: string }[];
      };
      return [...answer.citations, ...answer.closest].map((passage) => passage.documentId);
    };
    expect(referenced(asAdmin)).toContain("halsam-samverkansstruktur.md");
    expect((asAdmin.answer as { abstained: boolean }).abstained).toBe(false);
    // HälSam's document is internal to its group: a visitor's answer may not even point at it.
    expect(referenced(asVisitor)).not.toContain("halsam-samverkansstruktur.md");
    const internalGroup = await send(guarded, "POST", "/api/web/ask", {
      headers: json,
      body: JSON.stringify({ question: LAHOLM_QUESTION, group: "halsam-vasternorrland" }),
    });
    expect(internalGroup.status).toBe(403);
  });

  it("serves only passages that an answer cited, with the text around them", async () => {
    const reply = (
      await send(open, "POST", "/api/web/ask", {
        headers: json,
        body: JSON.stringify({ question: LAHOLM_QUESTION }),
      })
    ).json() as unknown as { answerId: string; answer: { citations: { chunkId: string; quote: string }[] } };
    const citation = reply.answer.citations[0];
    expect(citation).toBeDefined();
    const passagePath = (chunkId: string) =>
      `/api/web/answers/${reply.answerId}/passages/${encodeURIComponent(chunkId)}`;
    const passage = (await send(open, "GET", passagePath(citation?.chunkId ?? ""), { headers: api })).json();
    expect(passage.text).toContain(citation?.quote);
    expect(typeof passage.before).toBe("string");
    expect(String(passage.before)).not.toContain(citation?.quote);
    expect(
      (await send(open, "GET", passagePath("halsam-samverkansstruktur.md#0"), { headers: api })).status,
    ).toBe(404);
    expect((await send(open, "GET", `/api/web/answers/unknown/passages/x`, { headers: api })).status).toBe(
      410,
    );
    expect((await send(open, "GET", "/api/web/panels/upcoming", { headers: api })).status).toBe(404);
  });

  it("answers failures of the core and of panels with a Swedish message instead of a stack trace", async () => {
    const failing = await start({}, "127.0.0.1", {
      core: { ...core, answers: { ask: async () => Promise.reject(new Error("model server down")) } },
      providers: {
        upcoming: () => {
          throw new Error("calendar file vanished");
        },
      },
    });
    const answer = await send(failing, "POST", "/api/web/ask", {
      headers: json,
      body: '{"question":"Hej?"}',
    });
    expect(answer.status).toBe(503);
    expect(answer.json().error?.message).toContain("Något gick fel när jag skulle svara");
    expect(answer.body).not.toContain("model server down");
    const panel = await send(failing, "GET", "/api/web/panels/upcoming", { headers: api });
    expect(panel.status).toBe(503);
    expect(panel.body).not.toContain("calendar file vanished");
  });
});
