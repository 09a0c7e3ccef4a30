import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../logger.ts";
import { HttpServer } from "./http-server.ts";

/** A logger that keeps its entries, to see that a failure is logged. */
function recordingLogger(entries: { level: string; message: string }[]): Logger {
  const logger: Logger = {
    debug: (message) => entries.push({ level: "debug", message }),
    info: (message) => entries.push({ level: "info", message }),
    warn: (message) => entries.push({ level: "warn", message }),
    error: (message) => entries.push({ level: "error", message }),
    child: () => logger,
  };
  return logger;
}

let server: HttpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(entries: { level: string; message: string }[] = []) {
  const http = new HttpServer(recordingLogger(entries));
  server = http;
  http.route("/sync", () => {
    throw new Error("boom");
  });
  http.route("/async", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    throw new Error("later boom");
  });
  http.route("/half", (_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.write("half an ans");
    throw new Error("midway");
  });
  http.route("/body", async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    response.end(`read ${Buffer.concat(chunks).length}`);
  });
  http.route("/ok", (_request, response) => {
    response.end("ok");
  });
  const { url } = await http.listen(0, "127.0.0.1");
  return url;
}

describe("HttpServer", () => {
  it("answers a handler that throws, synchronously or later, with a Swedish 500 and logs it", async () => {
    const entries: { level: string; message: string }[] = [];
    const url = await serve(entries);
    for (const path of ["/sync", "/async"]) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(500);
      expect(await response.text()).toContain("Internt fel i Samsyn");
    }
    expect(entries.filter((entry) => entry.level === "error")).toHaveLength(2);
    expect(await (await fetch(`${url}/ok`)).text()).toBe("ok");
  });

  it("cuts a response that fails halfway instead of appending an error page to it", async () => {
    const url = await serve();
    await expect(fetch(`${url}/half`).then((response) => response.text())).rejects.toThrow();
    expect(await (await fetch(`${url}/ok`)).text()).toBe("ok");
  });

  it("survives a client that resets its connection in the middle of a body", async () => {
    const url = new URL(await serve());
    await new Promise<void>((resolve) => {
      const partial = httpRequest({
        host: url.hostname,
        port: url.port,
        path: "/body",
        method: "POST",
        headers: { "content-length": "100000" },
      });
      partial.on("error", () => resolve());
      partial.write("x".repeat(1000), () => setTimeout(() => partial.destroy(), 20));
      partial.on("close", () => resolve());
    });
    expect(await (await fetch(`${url.origin}/ok`)).text()).toBe("ok");
  });

  it("answers an unknown path with a 404", async () => {
    const url = await serve();
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
  });
});
