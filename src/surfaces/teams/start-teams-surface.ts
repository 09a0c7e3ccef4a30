import type { FeedbackStore } from "../../feedback/feedback-store.ts";
import type { Group } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import type { HttpServer } from "../http/http-server.ts";
import { appCredentials } from "./app-credentials.ts";
import { BackgroundWork } from "./background-work.ts";
import { ConversationReferenceStore } from "./conversation-references.ts";
import { registerTeamsHandlers } from "./register-teams-handlers.ts";
import { SamsynTeamsApp } from "./samsyn-teams-app.ts";
import { SharedHttpServerAdapter } from "./shared-http-adapter.ts";
import type { TeamsConfig } from "./teams-config.ts";
import { teamsLogger } from "./teams-logger.ts";
import { TeamsNotifier } from "./teams-notifier.ts";
import { type TeamsMemberCheck, TeamsScopeResolver } from "./teams-scope-resolver.ts";
import { TeamsStore } from "./teams-store.ts";
import type { TeamsCommandHooks, TeamsCore, TeamsSurfaceContext } from "./teams-surface-context.ts";

/** Where the Bot Framework sends Teams activities (the bot's messaging endpoint). */
export const TEAMS_MESSAGES_PATH = "/api/messages";

/** How long stopping waits for answers under way. */
const STOP_TIMEOUT_MS = 10_000;

/** What the Teams surface is started with. */
export interface StartTeamsSurfaceOptions {
  core: TeamsCore;
  config: TeamsConfig;
  /** The shared HTTP server; Teams is mounted at `/api/messages`. */
  http: HttpServer;
  groups: readonly Group[];
  feedback: FeedbackStore;
  logger: Logger;
  /** Commands provided by other modules (`möten`, `påminnelser`, `intro`, notification buttons). */
  commands?: TeamsCommandHooks;
}

/** A running Teams surface. */
export interface TeamsSurface {
  notifier: TeamsNotifier;
  stop(): Promise<void>;
}

/** Upper bound of one Bot Connector call (replies and proactive messages). */
export const TEAMS_CALL_TIMEOUT_MS = 30_000;

/**
 * Starts the Teams app (Teams SDK v2) on the shared HTTP server at `/api/messages`. Incoming
 * activities must carry a valid Bot Framework token unless development mode is on
 * (TEAMS_ALLOW_UNAUTHENTICATED), which is announced loudly; outgoing activities go to each
 * activity's connector (`serviceUrl`) with Samsyn's credentials.
 */
export async function startTeamsSurface(options: StartTeamsSurfaceOptions): Promise<TeamsSurface> {
  const { config } = options;
  const logger = options.logger.child({ surface: "teams" });
  const unauthenticated = config.credentials.kind === "none";
  if (unauthenticated) warnUnauthenticated(logger);
  const adapter = new SharedHttpServerAdapter(options.http, logger);
  const app = new SamsynTeamsApp({
    ...appCredentials(config),
    cloud: config.cloud,
    serviceUrl: config.serviceUrl,
    httpServerAdapter: adapter,
    messagingEndpoint: TEAMS_MESSAGES_PATH,
    // Every call to the Bot Connector ends: a reminder's claim is held while it is sent, and a
    // reply nobody receives after half a minute is better reported than awaited forever.
    client: { timeout: TEAMS_CALL_TIMEOUT_MS },
    dangerouslyAllowUnauthenticatedRequests: unauthenticated,
    logger: teamsLogger(logger),
  });

  const database = options.core.index.database;
  const store = new TeamsStore(database);
  store.prune(new Date());
  const references = new ConversationReferenceStore(database);
  const background = new BackgroundWork(logger);
  const context: TeamsSurfaceContext = {
    app,
    core: options.core,
    store,
    references,
    scopes: new TeamsScopeResolver(
      options.groups,
      () => options.core.index.catalog.documents(),
      connectorMemberCheck(app),
      (conversationId) => references.findChannel(conversationId)?.serviceUrl ?? null,
      logger,
    ),
    groups: options.groups,
    feedback: options.feedback,
    commands: options.commands ?? {},
    background,
    principalLookups: new Set(),
    logger,
  };
  registerTeamsHandlers(context);
  await app.initialize();
  logger.info("teams surface ready", {
    path: TEAMS_MESSAGES_PATH,
    authentication: unauthenticated ? "none" : config.credentials.kind,
    appType: config.appType,
  });
  return {
    notifier: new TeamsNotifier(app, references, {
      appId: config.appId,
      tenantId: config.tenantId,
      serviceUrl: config.serviceUrl,
    }),
    stop: async () => {
      await adapter.stop();
      await background.drain(STOP_TIMEOUT_MS);
    },
  };
}

/** Asks the connector whether a person is a member of a conversation; 404 means no. */
function connectorMemberCheck(app: SamsynTeamsApp): TeamsMemberCheck {
  return async (conversationId, userId, serviceUrl) => {
    try {
      await app.connector(serviceUrl).conversations.getMemberById(conversationId, userId);
      return true;
    } catch (error) {
      if ((error as { response?: { status?: number } }).response?.status === 404) return false;
      throw error;
    }
  };
}

function warnUnauthenticated(logger: Logger): void {
  const warning = [
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    "VARNING: Teams-kopplingen tar emot anrop UTAN kontroll av Bot Framework-token",
    "(TEAMS_ALLOW_UNAUTHENTICATED=true). Vem som helst som når /api/messages kan ställa",
    "frågor och läsa svaren. Använd bara vid utveckling – aldrig i drift.",
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
  ].join("\n");
  logger.warn(warning);
  // A security warning belongs where the person running Samsyn looks, whatever the log format.
  process.stderr.write(`${warning}\n`);
}
