import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from "@microsoft/teams.apps";
import { z } from "zod";
import type { Logger } from "../../logger.ts";
import type { HttpServer } from "../http/http-server.ts";

/** Bot Framework activities are small; anything bigger is not one. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** What every activity must carry before the SDK may look at it. */
const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
});

/**
 * Mounts the Teams SDK's messaging endpoint on Samsyn's one HTTP server instead of the SDK's own
 * Express server: reads and checks the JSON body (other routes, e.g. Slack's, keep their raw
 * bodies), hands `{ body, headers }` to the SDK, which validates the Bot Framework token and runs
 * the app, and writes its `{ status, body }` back. Transport only.
 */
export class SharedHttpServerAdapter implements IHttpServerAdapter {
  private stopped = false;

  constructor(
    private readonly http: HttpServer,
    private readonly logger: Logger,
  ) {}

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.http.route(path, async (request, response) => {
      const requestPath = (request.url ?? "/").split("?")[0];
      if (requestPath !== path) return reply(response, 404, "Hittades inte.");
      if (request.method !== method) {
        response.setHeader("allow", method);
        return reply(response, 405, "Metoden stöds inte.");
      }
      if (this.stopped) return reply(response, 503, "Teams-kopplingen är stoppad.");
      const body = await readJson(request);
      if (body === "too-large") return reply(response, 413, "För stor begäran.");
      const envelope = activityEnvelopeSchema.safeParse(body);
      if (!envelope.success) {
        this.logger.warn("teams request is not a Bot Framework activity", {
          issues: envelope.error.issues.length,
        });
        return reply(response, 400, "Begäran är ingen Bot Framework-aktivitet.");
      }
      const result = await handler({ body: envelope.data, headers: headersOf(request) });
      if (result.body === undefined || result.body === null) {
        response.writeHead(result.status).end();
      } else {
        response
          .writeHead(result.status, { "content-type": "application/json; charset=utf-8" })
          .end(JSON.stringify(result.body));
      }
    });
  }

  /** Stops accepting activities (503) while the server itself keeps running for other surfaces. */
  async stop(): Promise<void> {
    this.stopped = true;
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

function headersOf(request: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
  return headers;
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
}
