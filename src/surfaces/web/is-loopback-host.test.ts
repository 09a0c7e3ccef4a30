import { describe, expect, it } from "vitest";
import { hostNameOf, isLoopbackHost } from "./is-loopback-host.ts";

describe("isLoopbackHost", () => {
  it("accepts only addresses of this computer", () => {
    for (const host of [
      "127.0.0.1",
      "127.1.2.3",
      "localhost",
      "LOCALHOST",
      "::1",
      "[::1]",
      "::ffff:127.0.0.1",
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "samsyn.example.se", "127.0.0.1.evil.example", ""]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it("reads the host name of a Host header", () => {
    expect(hostNameOf("127.0.0.1:3000")).toBe("127.0.0.1");
    expect(hostNameOf("[::1]:3000")).toBe("::1");
    expect(hostNameOf("localhost")).toBe("localhost");
  });
});
