import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, logSink } from "../../src/logger.ts";

afterEach(() => vi.restoreAllMocks());

describe("logSink", () => {
  it("text: writes entries to the log file and only a Swedish pointer for errors on the console", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-log-")), "logs", "samsyn.log");
    const console = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const logger = createLogger("info", { module: "test" }, logSink("text", file));
    logger.info("calendar loaded", { events: 3 });
    logger.error("background ingest failed", { token: "xoxb-secret" });
    const lines = fs.readFileSync(file, "utf8").trim().split("\n");
    expect(lines[0]).toMatch(
      /^\d{4}-\d{2}-\d{2}T[\d:.]+Z INFO calendar loaded \{"module":"test","events":3\}$/,
    );
    expect(lines[1]).toContain('"token":"[dold]"');
    expect(console.mock.calls.map((call) => String(call[0]))).toEqual([
      `Fel: background ingest failed (detaljer i ${file})\n`,
    ]);
  });

  it("json: one JSON object per entry on stdout, nothing on the console", () => {
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    createLogger("debug", {}, logSink("json", "/nonexistent/samsyn.log")).warn("calendar problem", {
      file: "calendar/a.ics",
    });
    const written = JSON.parse(String(stdout.mock.calls[0]?.[0])) as Record<string, unknown>;
    expect(written).toMatchObject({ level: "warn", message: "calendar problem", file: "calendar/a.ics" });
    expect(Object.keys(written).slice(0, 3)).toEqual(["time", "level", "message"]);
    expect(stderr).not.toHaveBeenCalled();
  });
});
