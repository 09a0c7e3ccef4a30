import { isIP } from "node:net";

/**
 * Whether a bind address (or a Host header's host name) only reaches this computer: `localhost`,
 * 127.0.0.0/8 or ::1. Anything else, including 0.0.0.0 and ::, is reachable from the network.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (isIP(name) === 4) return name.startsWith("127.");
  if (name === "::1" || name === "0:0:0:0:0:0:0:1") return true;
  // IPv4-mapped IPv6 loopback, e.g. ::ffff:127.0.0.1.
  return /^::ffff:127\./.test(name);
}

/** The host name of a Host header, without the port (`[::1]:3000` → `::1`). */
export function hostNameOf(hostHeader: string): string {
  const trimmed = hostHeader.trim();
  if (trimmed.startsWith("["))
    return trimmed.slice(1, trimmed.indexOf("]") > 0 ? trimmed.indexOf("]") : undefined);
  return trimmed.replace(/:\d+$/, "");
}
