import { silentLogger } from "../../../src/logger.ts";
import { HttpServer } from "../../../src/surfaces/http/http-server.ts";
import type { OnStop } from "./use-started.ts";

/**
 * Starts a surface on its own HTTP server on a free local port, as `npm start` would on the shared
 * one; the surface stops before its server closes.
 */
export async function serveSurface<S extends { stop(): Promise<void> }>(
  start: (http: HttpServer) => Promise<S>,
  onStop: OnStop,
): Promise<{ baseUrl: string; surface: S }> {
  const http = new HttpServer(silentLogger);
  onStop(() => http.close());
  const surface = await start(http);
  onStop(() => surface.stop());
  return { baseUrl: (await http.listen(0, "127.0.0.1")).url, surface };
}
