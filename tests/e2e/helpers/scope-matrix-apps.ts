import { slackCommands, teamsCommands } from "../../../src/app/chat-commands.ts";
import type { Core } from "../../../src/app/compose.ts";
import type { Group } from "../../../src/knowledge/groups.ts";
import { silentLogger } from "../../../src/logger.ts";
import { startSlackSurface } from "../../../src/surfaces/slack/start-slack-surface.ts";
import { startTeamsSurface } from "../../../src/surfaces/teams/start-teams-surface.ts";
import { startWebSurface } from "../../../src/surfaces/web/start-web-surface.ts";
import {
  appMention,
  messageEvent,
  messageTs,
  sendToSlackApp,
  signedEvent,
  signedSlashCommand,
} from "../../builders/slack-payloads.ts";
import {
  channelMention,
  personalConversationId,
  personalMessage,
  type TeamsPerson,
  teamsPerson,
} from "../../builders/teams-activities.ts";
import { FakeBotConnector } from "../../fakes/fake-bot-connector.ts";
import { FakeSlackApi } from "../../fakes/fake-slack-api.ts";
import { mapGroupChannels, startChatBackend } from "./chat-backend.ts";
import { chatCommandModules } from "./chat-command-modules.ts";
import { poll } from "./poll.ts";
import { plantSecrets } from "./secret-knowledge.ts";
import { serveSurface } from "./serve-surface.ts";
import { certificateConfig, teamsSender } from "./teams-app.ts";
import { useStarted } from "./use-started.ts";

const SIGNED = { signingSecret: "scope-matrix-secret" };
/** The web chat's access code. */
export const WEB_TOKEN = "scope-matrix-access-code-long-enough";

/** Slack channels and people of the matrix. */
export const SLACK = {
  halsamChannel: "C0HALSAM",
  /** Named by Glasvinge's group file as `channels: {slack: C0HEMLIG}`. */
  glasvingeChannel: "C0HEMLIG",
  openChannel: "C0OPEN",
  member: "U0MEMBER",
  glasvingeMember: "U0GLAS",
  outsider: "U0OUTSIDE",
  /** Not in any channel Samsyn can see. */
  unknown: "U0NOBODY",
} as const;

/** Teams conversations and people of the matrix. */
export const TEAMS = {
  teamId: "19:team-scope@thread.tacv2",
  halsamChannel: "19:halsam-scope@thread.tacv2",
  openChannel: "19:oppen-scope@thread.tacv2",
  member: teamsPerson("Anna Medlem"),
  outsider: teamsPerson("Olle Utanför"),
  /** Not known to the connector at all. */
  unknown: teamsPerson("Okänd Person"),
};

/** What a place replied: all of its text, blocks, cards and files as one string to search. */
export type Reply = string;

/** Slack, Teams and the web chat started over one core, with the planted secrets, wired like `npm start`. */
export interface ScopeMatrixApps {
  core: Core;
  groups: Group[];
  slack: FakeSlackApi;
  /** `@Samsyn question` in a channel; the answer's update. */
  slackMention(channel: string, user: string, question: string): Promise<Reply>;
  /** A direct message to Samsyn (`D…` channel) from `user`. */
  slackDirect(user: string, question: string): Promise<Reply>;
  /** `/samsyn text` in `channel` by `user`: the ephemeral reply, or the file it posted. */
  slackCommand(channel: string, user: string, text: string): Promise<Reply>;
  /** A message in a person's personal chat with Samsyn. */
  teamsPersonal(person: TeamsPerson, text: string): Promise<Reply>;
  /** `@Samsyn text` in a Teams channel. */
  teamsChannel(channelId: string, person: TeamsPerson, text: string): Promise<Reply>;
  /** The web chat's base URL. */
  webUrl: string;
}

/** Starts the three surfaces before the file's tests and stops them after. */
export function useScopeMatrixApps(): ScopeMatrixApps {
  return useStarted(async (onStop) => {
    const { dir, knowledge, core, groups, feedback } = await startChatBackend(
      "samsyn-scope-",
      (copy) => {
        plantSecrets(copy);
        mapGroupChannels(copy, "halsam-vasternorrland", "slack", [SLACK.halsamChannel]);
        mapGroupChannels(copy, "halsam-vasternorrland", "teams", [TEAMS.halsamChannel]);
      },
      onStop,
    );
    const modules = chatCommandModules(core, groups, knowledge);
    const wiring = { core, groups, feedback, logger: silentLogger };

    const slack = await FakeSlackApi.start({
      members: {
        [SLACK.halsamChannel]: [SLACK.member, "U0SAMSYN"],
        [SLACK.glasvingeChannel]: [SLACK.glasvingeMember, "U0SAMSYN"],
        [SLACK.openChannel]: [SLACK.member, SLACK.outsider, "U0SAMSYN"],
      },
    });
    onStop(() => slack.close());
    const slackConfig = {
      botToken: slack.botToken,
      transport: { kind: "http" as const, signingSecret: SIGNED.signingSecret },
      apiUrl: slack.apiUrl,
    };
    const slackApp = await serveSurface(
      (http) => startSlackSurface({ ...wiring, config: slackConfig, http, commands: slackCommands(modules) }),
      onStop,
    );
    const slackUrl = `${slackApp.baseUrl}/slack/events`;

    const connector = await FakeBotConnector.start({
      members: { [TEAMS.halsamChannel]: [TEAMS.member] },
      people: [TEAMS.member, TEAMS.outsider],
    });
    onStop(() => connector.close());
    const teamsApp = await serveSurface(
      (http) =>
        startTeamsSurface({
          ...wiring,
          config: certificateConfig(connector, dir),
          http,
          commands: teamsCommands(modules),
        }),
      onStop,
    );
    const teams = teamsSender(connector, `${teamsApp.baseUrl}/api/messages`);

    const web = await serveSurface(
      (http) =>
        startWebSurface({
          ...wiring,
          config: { token: WEB_TOKEN, uploads: false, maxUploadBytes: 4096 },
          host: "127.0.0.1",
          http,
          providers: {
            upcoming: (request) => modules.reminders.panel(request),
            introduction: modules.onboarding.panel(),
          },
        }),
      onStop,
    );

    const slackAnswer = async (
      channel: string,
      threadTs: string | undefined,
      send: () => Promise<unknown>,
    ) => {
      const inThread = (args: Record<string, unknown>) =>
        args.channel === channel && args.thread_ts === threadTs;
      const before = slack.callsTo("chat.postMessage", inThread).length;
      await send();
      await poll(() => slack.callsTo("chat.postMessage", inThread).length > before, 15_000);
      const placeholder = slack.callsTo("chat.postMessage", inThread).at(-1);
      const update = await slack.waitFor(
        "chat.update",
        (args) => args.channel === channel && args.ts === placeholder?.result.ts,
        15_000,
      );
      return JSON.stringify(update.args);
    };
    const sendEvent = (event: Record<string, unknown>) =>
      sendToSlackApp(slackUrl, signedEvent(event, SIGNED));

    return {
      core,
      groups,
      slack,
      webUrl: web.baseUrl,
      slackMention: (channel, user, question) => {
        const event = appMention({ channel, user, text: question, botUserId: slack.botUserId });
        return slackAnswer(channel, event.ts, () => sendEvent(event));
      },
      slackDirect: (user, question) => {
        const channel = `D${user.slice(1)}`;
        const event = messageEvent({ channel, user, text: question, channelType: "im" });
        return slackAnswer(channel, undefined, () => sendEvent(event));
      },
      slackCommand: async (channel, user, text) => {
        const id = `cmd-${messageTs()}`;
        const uploadsBefore = slack.uploads.length;
        const request = signedSlashCommand(
          { text, user, channel, responseUrl: slack.responseUrl(id) },
          SIGNED,
        );
        const response = await sendToSlackApp(slackUrl, request);
        if (response.status !== 200) throw new Error(`/samsyn ${text}: HTTP ${response.status}`);
        const acknowledged = await response.text();
        // The årshjul is posted into the channel as a file; anything else comes through the response URL.
        const replied = () => slack.responses.find((candidate) => candidate.id === id);
        const shared = () =>
          slack.uploads
            .slice(uploadsBefore)
            .find((upload) => upload.bytes && upload.shared?.channel === channel);
        await poll(() => replied() !== undefined || shared() !== undefined, 15_000);
        const file = shared();
        const posted = file ? { file: file.filename, shared: file.shared } : replied()?.body;
        return `${acknowledged}\n${JSON.stringify(posted)}`;
      },
      teamsPersonal: async (person, text) => {
        const activity = personalMessage({ serviceUrl: connector.serviceUrl, from: person, text });
        return JSON.stringify((await teams.ask(activity, personalConversationId(person))).activity);
      },
      teamsChannel: async (channelId, person, text) => {
        const mention = channelMention({
          serviceUrl: connector.serviceUrl,
          from: person,
          text,
          channelId,
          teamId: TEAMS.teamId,
        });
        return JSON.stringify((await teams.ask(mention, `${channelId};messageid=${mention.id}`)).activity);
      },
    };
  }, 180_000);
}
