import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../src/logger.ts";

afterEach(() => vi.restoreAllMocks());

describe("createLogger", () => {
  it("never writes tokens or secrets, however deep they sit in the fields", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    createLogger("info").error("request failed", {
      config: { headers: { Authorization: "Bearer xoxb-very-secret" }, url: "https://example.test" },
      token: "xapp-secret",
    });
    const written = lines.join("");
    expect(written).not.toMatch(/very-secret|xapp-secret/);
    expect(written).toMatch(/example\.test/);
  });

  it("drops entries below its level", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    createLogger("warn").info("hidden");
    expect(write).not.toHaveBeenCalled();
  });
});
