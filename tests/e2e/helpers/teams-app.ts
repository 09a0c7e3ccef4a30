import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { parseDocument } from "yaml";
import { teamsCommands } from "../../../src/app/chat-commands.ts";
import type { Core } from "../../../src/app/compose.ts";
import { SqliteFeedbackStore } from "../../../src/feedback/feedback-store.ts";
import { type Group, loadGroups } from "../../../src/knowledge/groups.ts";
import { silentLogger } from "../../../src/logger.ts";
import { HttpServer } from "../../../src/surfaces/http/http-server.ts";
import { startTeamsSurface } from "../../../src/surfaces/teams/start-teams-surface.ts";
import type { TeamsConfig } from "../../../src/surfaces/teams/teams-config.ts";
import type { TeamsCommandHooks, TeamsCore } from "../../../src/surfaces/teams/teams-surface-context.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../../builders/core.ts";
import { APP_ID, sendToTeamsApp, TENANT_ID, teamsPerson } from "../../builders/teams-activities.ts";
import { FakeBotConnector, type RecordedActivity } from "../../fakes/fake-bot-connector.ts";
import { chatCommandModules } from "./chat-command-modules.ts";

export const TEAM_ID = "19:team-samverkan@thread.tacv2";
export const HALSAM_CHANNEL = "19:halsam-kanal@thread.tacv2";
export const OPEN_CHANNEL = "19:oppen-kanal@thread.tacv2";
export const LAHOLM_CHAT = "19:laholm-gruppchatt@thread.v2";
/** The calendar's "now" in these tests. */
const NOW = "2027-01-10T08:00:00+01:00";
export const MEMBER = { ...teamsPerson("Anna Medlem"), userPrincipalName: "anna.medlem@sundsvall.se" };
export const OUTSIDER = teamsPerson("Olle Utanför");
export const HALSAM_TITLE = "Samverkansstruktur HälSam";
export const HALSAM_QUESTION = "Vilka ingår i politisk samverkan inom HälSam?";
export const LAHOLM_QUESTION = "Vem kallar till samverkansberedningens möten i Laholm?";
export const LAHOLM_DOCUMENT = "laholm-samverkansoverenskommelse.md";
export const LAHOLM_SOURCE = "https://www.laholm.se/samverkansoverenskommelse.pdf";

/** A core whose answer path can be made to fail. */
export interface ControllableCore extends TeamsCore {
  failing: boolean;
}

/**
 * The Teams app over HTTP against a fake Bot Connector, twice: `url` is wired with the real core and
 * no command modules; `secondUrl` shares the database, like the same app after a restart, and is
 * wired like `npm start` with a core that can be made to fail and a stand-in `möten`.
 */
export interface TeamsTestApp {
  core: Core;
  groups: Group[];
  connector: FakeBotConnector;
  url: string;
  secondUrl: string;
  feedback: SqliteFeedbackStore;
  controllable: ControllableCore;
  /** Posts an activity with a valid Bot Framework token, as Teams would. */
  post(activity: Record<string, unknown>, to?: string): Promise<Response>;
  /** Posts a message and waits for the next message Samsyn sends into `conversationId`. */
  ask(activity: Record<string, unknown>, conversationId: string, to?: string): Promise<RecordedActivity>;
  /** The group with this id, from the test's knowledge folder. */
  groupNamed(id: string): Group;
}

/** Starts the Teams test app before the file's tests and stops it after them. */
export function useTeamsApp(): TeamsTestApp {
  const app = {} as TeamsTestApp;
  let stop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const started = await startTeamsApp();
    Object.assign(app, started.app);
    stop = started.stop;
  }, 30_000);
  afterAll(() => stop());
  return app;
}

async function startTeamsApp(): Promise<{ app: TeamsTestApp; stop: () => Promise<void> }> {
  const folder = temporaryFolder("samsyn-teams-");
  const knowledge = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  const groupFile = path.join(knowledge, "groups", "halsam-vasternorrland.yaml");
  const groupYaml = parseDocument(fs.readFileSync(groupFile, "utf8"));
  // Written as Teams' "Get link to channel" gives it: percent-encoded.
  groupYaml.setIn(["channels", "teams"], [encodeURIComponent(HALSAM_CHANNEL)]);
  groupYaml.set("welcome", { enabled: true });
  fs.writeFileSync(groupFile, groupYaml.toString());
  const laholmGroupFile = path.join(knowledge, "groups", "laholm-samverkansberedning.yaml");
  const laholmYaml = parseDocument(fs.readFileSync(laholmGroupFile, "utf8"));
  laholmYaml.setIn(["channels", "teams"], [LAHOLM_CHAT]);
  fs.writeFileSync(laholmGroupFile, laholmYaml.toString());
  const laholmFile = path.join(knowledge, LAHOLM_DOCUMENT);
  fs.writeFileSync(
    laholmFile,
    fs.readFileSync(laholmFile, "utf8").replace("source: null", `source: ${LAHOLM_SOURCE}`),
  );
  const { core } = await ingestedCore(knowledge, path.join(folder.dir, "data"));
  const { groups } = await loadGroups(path.join(knowledge, "groups"));

  const connector = await FakeBotConnector.start({
    members: { [HALSAM_CHANNEL]: [MEMBER] },
    people: [MEMBER, OUTSIDER],
  });
  const { thumbprint, privateKeyPem } = connector.createCertificate();
  const keyFile = path.join(folder.dir, "samsyn-teams.pem");
  fs.writeFileSync(keyFile, privateKeyPem);
  const config: TeamsConfig = {
    appId: APP_ID,
    appType: "SingleTenant",
    tenantId: TENANT_ID,
    credentials: { kind: "certificate", thumbprint, privateKeyFile: keyFile },
    serviceUrl: connector.serviceUrl,
    cloud: connector.cloud(),
  };
  const feedback = new SqliteFeedbackStore(core.index.database, "test-salt");

  const http = new HttpServer(silentLogger);
  const surface = await startTeamsSurface({ core, config, http, groups, feedback, logger: silentLogger });
  const url = `${(await http.listen(0, "127.0.0.1")).url}/api/messages`;

  const controllable: ControllableCore = {
    failing: false,
    index: core.index,
    answers: {
      ask: async (question, options) => {
        if (controllable.failing) throw new Error("index file vanished");
        return core.answers.ask(question, options);
      },
    },
  };
  const commands: TeamsCommandHooks = {
    ...teamsCommands(chatCommandModules(core, groups, knowledge, NOW)),
    meetings: async (context) => ({
      text: `Nästa möte för ${context.groupIds.join(", ") || "inga grupper"}`,
    }),
  };
  const secondHttp = new HttpServer(silentLogger);
  const secondSurface = await startTeamsSurface({
    core: controllable,
    config,
    http: secondHttp,
    groups,
    feedback,
    logger: silentLogger,
    commands,
  });
  const secondUrl = `${(await secondHttp.listen(0, "127.0.0.1")).url}/api/messages`;

  const post = async (activity: Record<string, unknown>, to = url) => {
    const response = await sendToTeamsApp(to, activity, connector.issueToken({ audience: APP_ID }));
    expect(response.status).toBe(200);
    return response;
  };
  const ask = async (activity: Record<string, unknown>, conversationId: string, to = url) => {
    const before = connector.messagesIn(conversationId).length;
    await post(activity, to);
    await connector.waitFor(() => connector.messagesIn(conversationId).length > before);
    return connector.messagesIn(conversationId)[before] as RecordedActivity;
  };
  const groupNamed = (id: string) => {
    const group = groups.find((candidate) => candidate.id === id);
    if (!group) throw new Error(`no group ${id}`);
    return group;
  };

  const stop = async () => {
    await surface.stop();
    await secondSurface.stop();
    await http.close();
    await secondHttp.close();
    await connector.close();
    core.close();
    folder.cleanup();
  };
  return {
    app: { core, groups, connector, url, secondUrl, feedback, controllable, post, ask, groupNamed },
    stop,
  };
}

/** The text of a message Samsyn sent. */
export function text(recorded: RecordedActivity): string {
  return String(recorded.activity.text ?? "");
}

interface Claim {
  position: number;
  appearance: { name: string; abstract: string; url?: string; text?: string };
}

/** The schema.org Message entity of a message: its AI label and its citations. */
export function messageEntity(recorded: RecordedActivity): { additionalType?: string[]; citation?: Claim[] } {
  const entities = (recorded.activity.entities ?? []) as { type: string }[];
  return (entities.find((entity) => entity.type === "https://schema.org/Message") ?? {}) as {
    additionalType?: string[];
    citation?: Claim[];
  };
}

/** The titles of the documents a message cites, joined for assertions. */
export function citedTitles(recorded: RecordedActivity): string {
  return (messageEntity(recorded).citation ?? []).map((claim) => claim.appearance.name).join(" | ");
}

/** An element or action of an Adaptive Card, as far as the tests read it. */
export interface CardNode {
  type: string;
  text?: string;
  url?: string;
  altText?: string;
  title?: string;
  actions?: CardNode[];
  items?: CardNode[];
  data?: { msteams?: { type?: string; value?: string } };
}

/** The Adaptive Card a message carries. */
export function cardOf(recorded: RecordedActivity): {
  version: string;
  body: CardNode[];
  actions?: CardNode[];
} {
  const attachments = (recorded.activity.attachments ?? []) as { contentType: string; content: unknown }[];
  const card = attachments.find(
    (attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive",
  );
  expect(card, "an Adaptive Card").toBeDefined();
  return card?.content as { version: string; body: CardNode[]; actions?: CardNode[] };
}

/** Every element and action of a card, nested ones included. */
export function cardNodes(card: { body: CardNode[]; actions?: CardNode[] }): CardNode[] {
  const all: CardNode[] = [];
  const visit = (node: CardNode) => {
    all.push(node);
    for (const child of [...(node.items ?? []), ...(node.actions ?? [])]) visit(child);
  };
  for (const node of [...card.body, ...(card.actions ?? [])]) visit(node);
  return all;
}

/** All text of a card, one element a line. */
export function cardText(card: { body: CardNode[]; actions?: CardNode[] }): string {
  return cardNodes(card)
    .flatMap((node) => (node.text ? [node.text] : []))
    .join("\n");
}

/** The messages the card's imBack buttons send when clicked. */
export function imBackValues(card: { body: CardNode[]; actions?: CardNode[] }): string[] {
  return cardNodes(card)
    .filter((node) => node.type === "Action.Submit" && node.data?.msteams?.type === "imBack")
    .map((node) => node.data?.msteams?.value ?? "");
}
