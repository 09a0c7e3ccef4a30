import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { teamsCommands } from "../../../src/app/chat-commands.ts";
import type { Core } from "../../../src/app/compose.ts";
import type { SqliteFeedbackStore } from "../../../src/feedback/feedback-store.ts";
import type { Group } from "../../../src/knowledge/groups.ts";
import { silentLogger } from "../../../src/logger.ts";
import { startTeamsSurface } from "../../../src/surfaces/teams/start-teams-surface.ts";
import type { TeamsConfig } from "../../../src/surfaces/teams/teams-config.ts";
import type { TeamsCommandHooks } from "../../../src/surfaces/teams/teams-surface-context.ts";
import {
  APP_ID,
  channelMention,
  personalConversationId,
  personalMessage,
  sendToTeamsApp,
  TENANT_ID,
  type TeamsPerson,
  teamsPerson,
} from "../../builders/teams-activities.ts";
import { FakeBotConnector, type RecordedActivity } from "../../fakes/fake-bot-connector.ts";
import { mapGroupChannels, startChatBackend } from "./chat-backend.ts";
import { chatCommandModules, meetingsStandIn } from "./chat-command-modules.ts";
import { type ControllableCore, controllableCore } from "./controllable-core.ts";
import { serveSurface } from "./serve-surface.ts";
import { LAHOLM_DOCUMENT } from "./shipped-knowledge.ts";
import { useStarted } from "./use-started.ts";

export const TEAM_ID = "19:team-samverkan@thread.tacv2";
export const HALSAM_CHANNEL = "19:halsam-kanal@thread.tacv2";
export const OPEN_CHANNEL = "19:oppen-kanal@thread.tacv2";
export const LAHOLM_CHAT = "19:laholm-gruppchatt@thread.v2";
export const MEMBER = { ...teamsPerson("Anna Medlem"), userPrincipalName: "anna.medlem@sundsvall.se" };
export const OUTSIDER = teamsPerson("Olle Utanför");
/** The source link the tests give Laholm's agreement (the shipped file has none). */
export const LAHOLM_SOURCE = "https://www.laholm.se/samverkansoverenskommelse.pdf";

type Activity = Record<string, unknown>;

/** Posting to a Teams app as the Bot Framework does, with a valid token. */
export interface TeamsSender {
  /** Posts an activity with a valid Bot Framework token, as Teams would, and expects 200. */
  post(activity: Activity, to?: string): Promise<Response>;
  /** Posts an activity and waits for the next message Samsyn sends into `conversationId`. */
  ask(activity: Activity, conversationId: string, to?: string): Promise<RecordedActivity>;
}

/**
 * The Teams app over HTTP against a fake Bot Connector, twice: `url` is wired with the real core and
 * no command modules; `secondUrl` shares the database, like the same app after a restart, and is
 * wired like `npm start` with a core that can be made to fail and a stand-in `möten`.
 * `to` names the app a message goes to (the first one unless it says otherwise).
 */
export interface TeamsTestApp extends TeamsSender {
  core: Core;
  groups: Group[];
  connector: FakeBotConnector;
  url: string;
  secondUrl: string;
  feedback: SqliteFeedbackStore;
  controllable: ControllableCore;
  /** A post by `from` (a member by default) that @mentions Samsyn in `channelId`, or a reply in `threadId`. */
  mentionIn(channelId: string, text: string, options?: { from?: TeamsPerson; threadId?: string }): Activity;
  /** Mentions Samsyn in a new post in `channelId` and waits for its reply in that post's thread. */
  askInChannel(
    channelId: string,
    text: string,
    options?: { from?: TeamsPerson; to?: string },
  ): Promise<RecordedActivity>;
  /** Writes to Samsyn in `from`'s personal chat and waits for its reply there. */
  askPersonally(from: TeamsPerson, text: string, to?: string): Promise<RecordedActivity>;
  /** The group with this id, from the test's knowledge folder. */
  groupNamed(id: string): Group;
}

/** Starts the Teams test app before the file's tests and stops it after them. */
export function useTeamsApp(): TeamsTestApp {
  return useStarted(async (onStop) => {
    const { dir, knowledge, core, groups, feedback } = await startChatBackend(
      "samsyn-teams-",
      (copy) => {
        // Written as Teams' "Get link to channel" gives it: percent-encoded.
        const halsam = [encodeURIComponent(HALSAM_CHANNEL)];
        mapGroupChannels(copy, "halsam-vasternorrland", "teams", halsam, { welcome: true });
        mapGroupChannels(copy, "laholm-samverkansberedning", "teams", [LAHOLM_CHAT]);
        const laholmFile = path.join(copy, LAHOLM_DOCUMENT);
        const laholm = fs.readFileSync(laholmFile, "utf8");
        fs.writeFileSync(laholmFile, laholm.replace("source: null", `source: ${LAHOLM_SOURCE}`));
      },
      onStop,
    );
    const connector = await FakeBotConnector.start({
      members: { [HALSAM_CHANNEL]: [MEMBER] },
      people: [MEMBER, OUTSIDER],
    });
    onStop(() => connector.close());
    const wiring = { config: certificateConfig(connector, dir), groups, feedback, logger: silentLogger };
    const first = await serveSurface((http) => startTeamsSurface({ ...wiring, core, http }), onStop);

    const controllable = controllableCore(core);
    const commands: TeamsCommandHooks = {
      ...teamsCommands(chatCommandModules(core, groups, knowledge)),
      meetings: meetingsStandIn,
    };
    const second = await serveSurface(
      (http) => startTeamsSurface({ ...wiring, core: controllable, http, commands }),
      onStop,
    );
    const url = `${first.baseUrl}/api/messages`;
    const { post, ask } = teamsSender(connector, url);

    const mentionIn: TeamsTestApp["mentionIn"] = (channelId, text, { from = MEMBER, ...thread } = {}) =>
      channelMention({ serviceUrl: connector.serviceUrl, from, text, channelId, teamId: TEAM_ID, ...thread });
    const askInChannel: TeamsTestApp["askInChannel"] = (channelId, text, { to, ...options } = {}) => {
      const mention = mentionIn(channelId, text, options);
      return ask(mention, `${channelId};messageid=${mention.id}`, to);
    };
    const askPersonally: TeamsTestApp["askPersonally"] = (from, text, to) =>
      ask(
        personalMessage({ serviceUrl: connector.serviceUrl, from, text }),
        personalConversationId(from),
        to,
      );
    const groupNamed = (id: string) => {
      const group = groups.find((candidate) => candidate.id === id);
      if (!group) throw new Error(`no group ${id}`);
      return group;
    };

    return {
      core,
      groups,
      connector,
      url,
      secondUrl: `${second.baseUrl}/api/messages`,
      feedback,
      controllable,
      post,
      ask,
      mentionIn,
      askInChannel,
      askPersonally,
      groupNamed,
    };
  });
}

/** Posting to the Teams app at `url` with tokens the fake connector issues. */
export function teamsSender(connector: FakeBotConnector, url: string): TeamsSender {
  const post = async (activity: Activity, to = url) => {
    const response = await sendToTeamsApp(to, activity, connector.issueToken({ audience: APP_ID }));
    expect(response.status).toBe(200);
    return response;
  };
  const ask = async (activity: Activity, conversationId: string, to = url) => {
    const before = connector.messagesIn(conversationId).length;
    await post(activity, to);
    await connector.waitFor(() => connector.messagesIn(conversationId).length > before);
    return connector.messagesIn(conversationId)[before] as RecordedActivity;
  };
  return { post, ask };
}

/** A single-tenant configuration that signs in with a certificate the fake connector trusts; the key is written to `dir`. */
export function certificateConfig(connector: FakeBotConnector, dir: string): TeamsConfig {
  const { thumbprint, privateKeyPem } = connector.createCertificate();
  const keyFile = path.join(dir, "samsyn-teams.pem");
  fs.writeFileSync(keyFile, privateKeyPem);
  return {
    appId: APP_ID,
    appType: "SingleTenant",
    tenantId: TENANT_ID,
    credentials: { kind: "certificate", thumbprint, privateKeyFile: keyFile },
    serviceUrl: connector.serviceUrl,
    cloud: connector.cloud(),
  };
}
