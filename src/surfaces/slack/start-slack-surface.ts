import type { IncomingMessage, ServerResponse } from "node:http";
import { App, ErrorCode, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from "@slack/bolt";
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from "../../config/ingest-limits.ts";
import { SamsynError } from "../../errors.ts";
import type { FeedbackStore } from "../../feedback/feedback-store.ts";
import type { Group } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import type { SourceInbox } from "../../sources/source-port.ts";
import type { HttpServer } from "../http/http-server.ts";
import { boltLogger } from "./bolt-logger.ts";
import { registerActions } from "./register-actions.ts";
import { registerAddFile } from "./register-add-file.ts";
import { registerCommand } from "./register-command.ts";
import { registerConversationHandlers } from "./register-conversation-handlers.ts";
import { registerOnboarding } from "./register-onboarding.ts";
import { guardSlackBody } from "./slack-body-guard.ts";
import type { SlackConfig } from "./slack-config.ts";
import { SlackNotifier } from "./slack-notifier.ts";
import { SlackScopeResolver, webApiChannelMembers } from "./slack-scope-resolver.ts";
import { SlackStore } from "./slack-store.ts";
import type { SlackCommandHooks, SlackCore, SlackSurfaceContext } from "./slack-surface-context.ts";

/** Where Slack sends events, slash commands and button clicks in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** How long stopping waits for Slack to confirm that the WebSocket is closed. */
const SOCKET_CLOSE_TIMEOUT_MS = 5000;

/** What the Slack surface is started with. */
export interface StartSlackSurfaceOptions {
  core: SlackCore;
  config: SlackConfig;
  /** The shared HTTP server; used in HTTP mode only. */
  http: HttpServer;
  groups: readonly Group[];
  feedback: FeedbackStore;
  logger: Logger;
  /** Subcommands provided by other modules (`möten`, `påminnelser`, `intro`, notification buttons). */
  commands?: SlackCommandHooks;
  /** Takes files people add with "Lägg till i Samsyn"; without it the shortcut says it is switched off. */
  sourceInbox?: SourceInbox;
  /** The ingest limits; a file added from Slack may be no larger than `maxFileBytes`. */
  ingestLimits?: Pick<IngestLimits, "maxFileBytes">;
}

/** A running Slack surface. */
export interface SlackSurface {
  notifier: SlackNotifier;
  stop(): Promise<void>;
}

/**
 * Starts the Slack app with Bolt: checks the bot token (`auth.test`), then either mounts Bolt's
 * HTTP receiver on the shared server at `/slack/events` (signatures verified) or connects through
 * Socket Mode. Throws `config_invalid` when Slack rejects the tokens.
 */
export async function startSlackSurface(options: StartSlackSurfaceOptions): Promise<SlackSurface> {
  const { config } = options;
  const logger = options.logger.child({ surface: "slack" });
  const bolt = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // A person is waiting for the answer: a few quick retries, not Slack's default half hour.
    retryConfig: { retries: 3, factor: 2 },
  };
  const receiver: Receiver =
    config.transport.kind === "http"
      ? new HTTPReceiver({
          signingSecret: config.transport.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          logger: bolt,
        })
      : new SocketModeReceiver({
          appToken: config.transport.appToken,
          logger: bolt,
          installerOptions: { clientOptions },
        });
  const app = new App({
    token: config.botToken,
    receiver,
    logger: bolt,
    clientOptions,
    deferInitialization: true,
  });
  try {
    await app.init();
  } catch (error) {
    throw new SamsynError(
      "config_invalid",
      `Slack godtog inte SLACK_BOT_TOKEN (${slackErrorCode(error)}). Kontrollera token under OAuth & Permissions` +
        `${config.apiUrl ? " och SLACK_API_URL" : ""}.`,
      { cause: error },
    );
  }

  const store = new SlackStore(options.core.index.database);
  store.prune(new Date());
  const context: SlackSurfaceContext = {
    core: options.core,
    store,
    scopes: new SlackScopeResolver(
      options.groups,
      () => options.core.index.catalog.documents(),
      webApiChannelMembers(app.client),
      logger,
    ),
    groups: options.groups,
    feedback: options.feedback,
    commands: options.commands ?? {},
    ...(options.sourceInbox ? { sourceInbox: options.sourceInbox } : {}),
    maxFileBytes: (options.ingestLimits ?? DEFAULT_INGEST_LIMITS).maxFileBytes,
    logger,
  };
  registerConversationHandlers(app, context);
  registerCommand(app, context);
  registerActions(app, context);
  registerOnboarding(app, context);
  registerAddFile(app, context);
  app.error(async (error) => {
    logger.error("slack handler failed", { error });
  });

  const notifier = SlackNotifier.withBoundedClient(config.botToken, { ...clientOptions, logger: bolt });
  if (receiver instanceof HTTPReceiver) {
    let stopped = false;
    const signingSecret = config.transport.kind === "http" ? config.transport.signingSecret : "";
    options.http.route(SLACK_EVENTS_PATH, async (request, response) => {
      if (stopped) {
        response
          .writeHead(503, { "content-type": "text/plain; charset=utf-8" })
          .end("Slack-kopplingen är stoppad.");
        return;
      }
      await dispatchToBolt(receiver, signingSecret, request, response, logger);
    });
    logger.info("slack surface ready (HTTP)", { path: SLACK_EVENTS_PATH });
    return {
      notifier,
      stop: async () => {
        stopped = true;
      },
    };
  }
  try {
    await app.start();
  } catch (error) {
    throw new SamsynError(
      "config_invalid",
      `Socket Mode kunde inte ansluta (${slackErrorCode(error)}). Kontrollera SLACK_APP_TOKEN (xapp-…, behörigheten connections:write) och att Socket Mode är påslaget i appen.`,
      { cause: error },
    );
  }
  logger.info("slack surface ready (Socket Mode)");
  const socketClient = (receiver as SocketModeReceiver).client;
  return {
    notifier,
    // Bolt's stop does not wait for the WebSocket to close; waiting (briefly) lets shutdown be clean.
    stop: async () => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        socketClient.disconnect(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SOCKET_CLOSE_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

/**
 * Hands a request to Bolt, once its body has passed the guard (a body Bolt cannot survive is
 * answered there); a path Bolt does not serve (e.g. `/slack/events/x`) is a plain 404.
 */
async function dispatchToBolt(
  receiver: HTTPReceiver,
  signingSecret: string,
  request: IncomingMessage,
  response: ServerResponse,
  logger: Logger,
): Promise<void> {
  const path = (request.url ?? "").split("?")[0];
  if (request.method === "POST" && path === SLACK_EVENTS_PATH) {
    if ((await guardSlackBody(request, response, signingSecret, logger)) === "answered") return;
  }
  try {
    receiver.requestListener(request, response);
  } catch (error) {
    if ((error as { code?: string }).code !== ErrorCode.HTTPReceiverDeferredRequestError) throw error;
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Hittades inte.");
  }
}

function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === "string") return data.error;
  return error instanceof Error ? error.message : String(error);
}
