import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SamsynError } from "../../errors.ts";
import type { Logger } from "../../logger.ts";

/** Handles one request; the body is untouched (Slack signatures need the raw bytes). */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/**
 * The one HTTP server every surface shares (`PORT`): Slack at `/slack/…`, Teams at `/api/messages`,
 * the web chat at `/`. Routes match by path prefix, longest first; bodies are never parsed here.
 */
export class HttpServer {
  private readonly routes: { prefix: string; handler: RequestHandler }[] = [];
  private server: Server | null = null;

  constructor(private readonly logger: Logger) {}

  /** Registers a handler for every path starting with `prefix`. */
  route(prefix: string, handler: RequestHandler): void {
    this.routes.push({ prefix, handler });
    this.routes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** Starts listening; resolves with the bound address (port 0 picks a free port). */
  async listen(port: number, host: string): Promise<{ host: string; port: number; url: string }> {
    const server = createServer((request, response) => {
      void this.dispatch(request, response);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", (error) => reject(describeListenFailure(error, port, host)));
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    return { host: address.address, port: address.port, url: `http://${shownHost}:${address.port}` };
  }

  /** Stops accepting connections and closes open ones. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    // A stream error without a listener is thrown as an uncaught exception; a client that resets
    // its connection mid-body must only cost its own request.
    request.on("error", (error) => this.logger.debug("http request stream failed", { path, error }));
    response.on("error", (error) => this.logger.debug("http response stream failed", { path, error }));
    const route = this.routes.find((candidate) => path.startsWith(candidate.prefix));
    try {
      if (!route) {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Hittades inte.");
        return;
      }
      await route.handler(request, response);
    } catch (error) {
      this.logger.error("http handler failed", { path, method: request.method, error });
      answerFailure(response);
    }
  }
}

/** Ends a response whose handler failed: a 500 when nothing was sent yet, else the connection is cut. */
function answerFailure(response: ServerResponse): void {
  try {
    if (response.headersSent) {
      // Half a body cannot be followed by an error page; cutting tells the client it is incomplete.
      response.destroy();
      return;
    }
    response
      // No "connection: close": Node then reads and drops an unread body instead of resetting the client.
      .writeHead(500, { "content-type": "text/plain; charset=utf-8" })
      .end("Internt fel i Samsyn. Försök igen om en stund; kvarstår felet, kontakta den som driver Samsyn.");
  } catch {
    response.destroy();
  }
}

/**
 * Why the port could not be opened, in Swedish with what to do; a stack trace tells a newcomer
 * nothing. Unknown failures keep their cause.
 */
export function describeListenFailure(error: unknown, port: number, host: string): Error {
  const code = (error as { code?: unknown }).code;
  const other = port > 0 && port < 65535 ? port + 1 : 3001;
  if (code === "EADDRINUSE")
    return new SamsynError(
      "config_invalid",
      `Porten ${port} används redan av ett annat program (kanske en Samsyn som redan är igång). Stäng det, eller välj en annan port: PORT=${other} npm start`,
      { cause: error },
    );
  if (code === "EACCES")
    return new SamsynError(
      "config_invalid",
      `Porten ${port} får inte öppnas av den här användaren (portar under 1024 kräver administratörsrätt). Välj en annan port: PORT=3000 npm start`,
      { cause: error },
    );
  if (code === "EADDRNOTAVAIL")
    return new SamsynError(
      "config_invalid",
      `Adressen ${host} finns inte på den här datorn. Rätta SAMSYN_HOST (t.ex. 127.0.0.1 eller 0.0.0.0).`,
      { cause: error },
    );
  return error instanceof Error ? error : new Error(String(error));
}
