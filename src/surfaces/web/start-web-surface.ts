import type { IncomingMessage, ServerResponse } from "node:http";
import { SamsynError } from "../../errors.ts";
import type { FeedbackStore } from "../../feedback/feedback-store.ts";
import type { Group } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import type { HttpServer } from "../http/http-server.ts";
import { handlePanel, handleStatus, handleUpload } from "./admin-handlers.ts";
import { handleAsk, handleFeedback, handlePassage } from "./answer-handlers.ts";
import { DocumentUploads } from "./document-uploads.ts";
import { isLoopbackHost } from "./is-loopback-host.ts";
import { RecentAnswers } from "./recent-answers.ts";
import { loadStaticAssets, type StaticAsset } from "./static-assets.ts";
import { WebAccess } from "./web-access.ts";
import type { WebConfig } from "./web-config.ts";
import type { WebContext, WebCore } from "./web-context.ts";
import { discardRest, SECURITY_HEADERS, sendError, WebRequestError } from "./web-http.ts";
import type { WebPanelProviders } from "./web-panels.ts";

/** Where the page's JSON endpoints live; `/` and `/assets/` serve the page itself. */
export const WEB_API_PATH = "/api/web/";

/** What the web chat is started with. */
export interface StartWebSurfaceOptions {
  core: WebCore;
  config: WebConfig;
  /** The address the shared HTTP server binds to; decides whether a token is required. */
  host: string;
  http: HttpServer;
  groups: readonly Group[];
  feedback: FeedbackStore;
  logger: Logger;
  /** Panels from other modules (upcoming meetings, introduction); missing ones say "inte inställt". */
  providers?: WebPanelProviders;
  /** Each configured source's status in Swedish (last sync, counts, last error), for the administrator. */
  sourceStatus?: () => Promise<string[]>;
}

/** A running web chat. */
export interface WebSurface {
  /** Whether documents can be uploaded from the page. */
  uploadsEnabled: boolean;
  stop(): Promise<void>;
}

/**
 * Mounts the local web chat on the shared HTTP server at `/`. Refuses (`config_invalid`) to serve
 * anything but loopback without `SAMSYN_WEB_TOKEN`, since the page can search internal documents
 * and add files to the knowledge folder.
 */
export async function startWebSurface(options: StartWebSurfaceOptions): Promise<WebSurface> {
  const loopback = isLoopbackHost(options.host);
  if (!loopback && options.config.token === null) {
    throw new SamsynError(
      "config_invalid",
      `Webbchatten lyssnar på ${options.host} (SAMSYN_HOST), som kan nås från nätverket, men SAMSYN_WEB_TOKEN saknas. ` +
        "Sätt SAMSYN_WEB_TOKEN till en lång, slumpad kod (minst 16 tecken), eller låt SAMSYN_HOST vara 127.0.0.1.",
    );
  }
  const logger = options.logger.child({ surface: "web" });
  const uploadsEnabled = options.config.uploads ?? loopback;
  const context: WebContext = {
    core: options.core,
    groups: options.groups,
    feedback: options.feedback,
    logger,
    access: new WebAccess(options.config.token, loopback),
    answers: new RecentAnswers(),
    uploads: uploadsEnabled ? new DocumentUploads(options.core, logger) : null,
    maxUploadBytes: options.config.maxUploadBytes,
    providers: options.providers ?? {},
    sourceStatus: options.sourceStatus ?? (async () => []),
    busy: { answering: 0 },
  };
  const assets = loadStaticAssets();
  let stopped = false;
  options.http.route("/", async (request, response) => {
    if (stopped) {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("Webbchatten är stoppad.");
      return;
    }
    await handle(context, assets, request, response);
  });
  logger.info("web surface ready", { uploads: uploadsEnabled, token: options.config.token !== null });
  return {
    uploadsEnabled,
    stop: async () => {
      stopped = true;
      await context.uploads?.idle();
    },
  };
}

async function handle(
  context: WebContext,
  assets: Map<string, StaticAsset>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://samsyn.invalid");
  const isApi = url.pathname.startsWith(WEB_API_PATH);
  try {
    context.access.checkRequest(request, isApi);
    if (isApi) await routeApi(context, request, response, url);
    else serveAsset(assets, request, response, url.pathname);
  } catch (error) {
    if (!(error instanceof WebRequestError)) throw error;
    context.logger.debug("web request refused", {
      path: url.pathname,
      status: error.status,
      reason: error.reason,
    });
    // The unread rest of a refused body must still be read, or the client sees a reset instead of the answer.
    discardRest(request);
    sendError(response, error);
  }
}

async function routeApi(
  context: WebContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const parts = url.pathname.slice(WEB_API_PATH.length).split("/").map(decodeSegment);
  const method = request.method ?? "GET";
  const [first, second, third, fourth] = parts;
  if (method === "GET" && parts.length === 1 && first === "status")
    return handleStatus(context, request, response);
  if (method === "POST" && parts.length === 1 && first === "ask")
    return handleAsk(context, request, response);
  if (method === "POST" && parts.length === 1 && first === "feedback") {
    return handleFeedback(context, request, response);
  }
  if (method === "POST" && parts.length === 1 && first === "documents") {
    return handleUpload(context, request, response);
  }
  if (
    method === "GET" &&
    parts.length === 4 &&
    first === "answers" &&
    third === "passages" &&
    second &&
    fourth
  ) {
    return handlePassage(context, request, response, second, fourth);
  }
  if (method === "GET" && parts.length === 2 && first === "panels" && second) {
    return handlePanel(context, request, response, second, url.searchParams.get("group") || null);
  }
  throw new WebRequestError(404, "not_found", "Hittades inte.");
}

function serveAsset(
  assets: Map<string, StaticAsset>,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): void {
  const name = pathname === "/" ? "index.html" : pathname.startsWith("/assets/") ? pathname.slice(8) : null;
  const asset = name === null ? undefined : assets.get(name);
  if (!asset || (request.method !== "GET" && request.method !== "HEAD")) {
    response
      .writeHead(404, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" })
      .end("Hittades inte.");
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    "content-type": asset.contentType,
    "content-length": String(asset.body.length),
    "cache-control": "no-cache",
  });
  response.end(request.method === "HEAD" ? undefined : asset.body);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
