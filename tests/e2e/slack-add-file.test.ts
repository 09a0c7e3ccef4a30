import path from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteFeedbackStore } from "../../src/feedback/feedback-store.ts";
import { openDatabase } from "../../src/index/sqlite-database.ts";
import { loadGroups } from "../../src/knowledge/groups.ts";
import type { Logger } from "../../src/logger.ts";
import type { InboxOutcome, SourceInbox, SourceItem } from "../../src/sources/source-port.ts";
import { ADD_FILE_SHORTCUT } from "../../src/surfaces/slack/register-add-file.ts";
import { startSlackSurface } from "../../src/surfaces/slack/start-slack-surface.ts";
import { SHIPPED_KNOWLEDGE } from "../builders/core.ts";
import {
  appMention,
  messageTs,
  sendToSlackApp,
  signedEvent,
  signedMessageShortcut,
} from "../builders/slack-payloads.ts";
import { FakeSlackApi, type SharedFileFields, type SharedFileMessage } from "../fakes/fake-slack-api.ts";
import { answerlessCore } from "./helpers/controllable-core.ts";
import { poll } from "./helpers/poll.ts";
import { serveSurface } from "./helpers/serve-surface.ts";
import { useStarted } from "./helpers/use-started.ts";

// "Lägg till i Samsyn" and "@Samsyn lägg till": a file shared in a group's channel joins the group's documents.

const SIGNED = { signingSecret: "test-signing-secret" };
const HALSAM_CHANNEL = "C0HALSAM";
/** A channel listed by two groups. */
const SHARED_CHANNEL = "C0SHARED";
const OPEN_CHANNEL = "C0OPEN";
const MEMBER = "U0MEMBER";
const OUTSIDER = "U0OUTSIDE";
const SHARER = "U0SHARER";
const MAX_FILE_BYTES = 64 * 1024;

const PDF: SharedFileFields = {
  name: "Protokoll HälSam 2026-03-12.pdf",
  title: "Protokoll från HälSam 12 mars",
  mimetype: "application/pdf",
  bytes: Buffer.from("%PDF-1.7\n% protokoll\n%%EOF\n"),
};

/** A source inbox that records what it is given and answers like the runner does. */
class RecordingInbox implements SourceInbox {
  readonly calls: { groupId: string; item: SourceItem; bytes: Buffer }[] = [];
  private hold: Promise<void> | null = null;
  private releaseHold: (() => void) | null = null;

  async add(groupId: string, item: SourceItem, bytes: Uint8Array): Promise<InboxOutcome> {
    this.calls.push({ groupId, item, bytes: Buffer.from(bytes) });
    await this.hold;
    return {
      documentId: `källor/slack-${groupId}/${item.fileName}`,
      indexed: true,
      message: `Lades till i Samsyn för HälSam Västernorrland: 3 avsnitt ur ”${item.fileName}”.`,
    };
  }

  /** Holds every `add` until `release`, to see what happens while the file is being indexed. */
  holdUntilReleased(): void {
    this.hold = new Promise((resolve) => {
      this.releaseHold = resolve;
    });
  }

  release(): void {
    this.releaseHold?.();
    this.hold = null;
  }
}

function recordingLogger(lines: string[]): Logger {
  const write = (message: string, meta?: Record<string, unknown>) => {
    lines.push(
      `${message} ${JSON.stringify(meta ?? {}, (_key, value) => (value instanceof Error ? value.message : value))}`,
    );
  };
  const logger: Logger = { debug: write, info: write, warn: write, error: write, child: () => logger };
  return logger;
}

const app = useStarted(async (onStop) => {
  const database = openDatabase(":memory:");
  onStop(() => database.close());
  const channelsOf: Record<string, string[]> = {
    "halsam-vasternorrland": [HALSAM_CHANNEL],
    "laholm-samverkansberedning": [SHARED_CHANNEL],
    "norrbotten-politisk-samverkansberedning": [SHARED_CHANNEL],
  };
  const groups = (await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups"))).groups.map((group) => ({
    ...group,
    channels: { slack: channelsOf[group.id] ?? [] },
  }));
  // More members than one page of conversations.members holds; the asker is on the second page.
  const crowd = Array.from({ length: 1200 }, (_, index) => `U1${String(index).padStart(7, "0")}`);
  const slack = await FakeSlackApi.start({
    members: { [HALSAM_CHANNEL]: [...crowd, SHARER, MEMBER, "U0SAMSYN"], [SHARED_CHANNEL]: [MEMBER] },
  });
  onStop(() => slack.close());
  const inbox = new RecordingInbox();
  const logLines: string[] = [];
  const wiring = {
    core: answerlessCore(database, "not used: only files are added"),
    config: {
      botToken: slack.botToken,
      transport: { kind: "http" as const, signingSecret: SIGNED.signingSecret },
      apiUrl: slack.apiUrl,
    },
    groups,
    feedback: new SqliteFeedbackStore(database, "salt"),
    logger: recordingLogger(logLines),
    ingestLimits: { maxFileBytes: MAX_FILE_BYTES },
  };
  const withInbox = await serveSurface(
    (http) => startSlackSurface({ ...wiring, http, sourceInbox: inbox }),
    onStop,
  );
  const withoutInbox = await serveSurface((http) => startSlackSurface({ ...wiring, http }), onStop);
  return {
    slack,
    inbox,
    logLines,
    url: `${withInbox.baseUrl}/slack/events`,
    urlWithoutInbox: `${withoutInbox.baseUrl}/slack/events`,
  };
});

/** Uses "Lägg till i Samsyn" on `message`; returns the HTTP answer and the id of the response URL. */
async function shortcut(
  message: SharedFileMessage | (Record<string, unknown> & { ts: string }),
  options: { user?: string; channel?: string; to?: string } = {},
) {
  const id = `shortcut-${messageTs()}`;
  const request = signedMessageShortcut(
    {
      callbackId: ADD_FILE_SHORTCUT,
      user: options.user ?? MEMBER,
      channel: options.channel ?? String(message.channel ?? HALSAM_CHANNEL),
      message,
      responseUrl: app.slack.responseUrl(id),
    },
    SIGNED,
  );
  const response = await sendToSlackApp(options.to ?? app.url, request);
  return { id, response };
}

/** What the asker was told through the shortcut's response URL, in order. */
function toldThrough(id: string): string[] {
  return app.slack.responses
    .filter((response) => response.id === id)
    .map((response) => String(response.body.text));
}

async function firstTold(id: string): Promise<string> {
  const response = await app.slack.waitForResponse(id);
  expect(response.body.response_type).toBe("ephemeral");
  return String(response.body.text);
}

function confirmationIn(threadTs: string) {
  return app.slack.waitFor("chat.postMessage", (args) => args.thread_ts === threadTs);
}

describe("Lägg till i Samsyn (message shortcut)", () => {
  it("adds the shared file to the channel's group, downloaded with the bot token, and confirms in the thread", async () => {
    const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, PDF);
    const fileId = String(message.files[0]?.id);
    const before = app.inbox.calls.length;
    const { id, response } = await shortcut(message);
    expect(response.status).toBe(200);

    const confirmation = await confirmationIn(message.ts);
    expect(confirmation.args.channel).toBe(HALSAM_CHANNEL);
    expect(confirmation.args.text).toBe(
      `Lades till i Samsyn för HälSam Västernorrland: 3 avsnitt ur ”${PDF.name}”.\nTillagd av <@${MEMBER}>.`,
    );
    const call = app.inbox.calls[before];
    expect(call?.groupId).toBe("halsam-vasternorrland");
    expect(call?.item).toEqual({
      key: fileId,
      url: `https://samsyn-test.slack.com/files/${SHARER}/${fileId}/${encodeURIComponent(PDF.name)}`,
      fileName: PDF.name,
      title: PDF.title,
    });
    expect(call?.bytes.equals(PDF.bytes)).toBe(true);
    expect(app.slack.files.downloads.filter((download) => download.fileId === fileId)).toEqual([
      { fileId, token: app.slack.botToken, served: true },
    ]);
    expect(toldThrough(id)).toEqual([
      `Hämtar ”${PDF.name}” och lägger till den i Samsyn för HälSam Västernorrland …`,
    ]);
    // The asker was found on the second page of the channel's members.
    expect(
      app.slack.callsTo("conversations.members", (args) => args.channel === HALSAM_CHANNEL).length,
    ).toBeGreaterThan(1);
  });

  it("confirms in the thread when the file was shared as a reply in a thread", async () => {
    const root = messageTs();
    const reply = app.slack.shareFile(
      HALSAM_CHANNEL,
      SHARER,
      {
        ...PDF,
        name: "Bilaga 2.docx",
        mimetype: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      },
      { threadTs: root },
    );
    await shortcut(reply);
    const confirmation = await confirmationIn(root);
    expect(confirmation.args.text).toContain("Bilaga 2.docx");
  });

  it("acknowledges at once and does the work afterwards", async () => {
    app.inbox.holdUntilReleased();
    try {
      const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, { ...PDF, name: "Stor rapport.pdf" });
      const { response } = await shortcut(message);
      // Slack has its answer while the file is still being indexed.
      expect(response.status).toBe(200);
      await poll(() => app.inbox.calls.some((call) => call.item.fileName === "Stor rapport.pdf"));
      expect(app.slack.callsTo("chat.postMessage", (args) => args.thread_ts === message.ts)).toEqual([]);
      app.inbox.release();
      await confirmationIn(message.ts);
    } finally {
      app.inbox.release();
    }
  });

  it("refuses someone who is not a member of the channel, without fetching or adding the file", async () => {
    const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, PDF);
    const before = app.inbox.calls.length;
    const { id } = await shortcut(message, { user: OUTSIDER });
    expect(await firstTold(id)).toBe(
      "Bara medlemmar i kanalen kan lägga till filer i Samsyn för HälSam Västernorrland. Gå med i kanalen och försök igen.",
    );
    expect(app.inbox.calls.length).toBe(before);
    expect(app.slack.callsTo("files.info", (args) => args.file === message.files[0]?.id)).toEqual([]);
    expect(app.slack.callsTo("chat.postMessage", (args) => args.thread_ts === message.ts)).toEqual([]);
  });

  it("lets someone add files as soon as they have joined the channel after a refusal", async () => {
    const latecomer = "U0LATE";
    const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, { ...PDF, name: "Kallelse.pdf" });
    const refused = await shortcut(message, { user: latecomer });
    expect(await firstTold(refused.id)).toMatch(/^Bara medlemmar i kanalen/);
    app.slack.members.get(HALSAM_CHANNEL)?.push(latecomer);
    await shortcut(message, { user: latecomer });
    expect((await confirmationIn(message.ts)).args.text).toContain(`Tillagd av <@${latecomer}>`);
  });

  it("refuses in a channel that belongs to no group, or to several", async () => {
    const open = await shortcut(app.slack.shareFile(OPEN_CHANNEL, SHARER, PDF));
    expect(await firstTold(open.id)).toMatch(/^Den här kanalen hör inte till någon grupp i Samsyn/);
    expect(await firstTold(open.id)).toContain("channels.slack");
    const shared = await shortcut(app.slack.shareFile(SHARED_CHANNEL, SHARER, PDF));
    const told = await firstTold(shared.id);
    expect(told).toContain("hör till flera grupper");
    expect(told).toContain("Samverkansberedningen i Laholm");
    expect(told).toContain("Politiska samverkansberedningen Norrbotten");
  });

  it("names the file and the formats Samsyn reads when the type is not supported", async () => {
    const sheet = {
      name: "Budget 2027.xlsx",
      mimetype: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      bytes: Buffer.from("PK\u0003\u0004 not a document"),
    };
    const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, sheet);
    const before = app.inbox.calls.length;
    const { id } = await shortcut(message);
    const told = await firstTold(id);
    expect(told).toContain("”Budget 2027.xlsx” kan inte läggas till");
    expect(told).toContain(".pdf");
    expect(told).toContain(".docx");
    expect(app.inbox.calls.length).toBe(before);
    expect(app.slack.files.downloads.filter((download) => download.fileId === message.files[0]?.id)).toEqual(
      [],
    );
  });

  it("refuses a file over the ingest size limit before downloading it", async () => {
    const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, {
      ...PDF,
      name: "Årsredovisning.pdf",
      bytes: Buffer.alloc(MAX_FILE_BYTES + 1, 0x20),
    });
    const { id } = await shortcut(message);
    const told = await firstTold(id);
    expect(told).toContain("”Årsredovisning.pdf” är för stor");
    expect(told).toContain("SAMSYN_INGEST_MAX_FILE_MB");
    expect(app.slack.files.downloads.filter((download) => download.fileId === message.files[0]?.id)).toEqual(
      [],
    );
  });

  it("tells the admin to add files:read and reinstall when the app lacks the scope", async () => {
    app.slack.scopes.delete("files:read");
    try {
      const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, PDF);
      const before = app.inbox.calls.length;
      const { id } = await shortcut(message);
      const told = await firstTold(id);
      expect(told).toContain("files:read");
      expect(told).toContain("installera om appen");
      expect(app.inbox.calls.length).toBe(before);
    } finally {
      app.slack.scopes.add("files:read");
    }
  });

  it("says which file could not be fetched when Slack sends its sign-in page instead of the file", async () => {
    app.slack.files.signInRequired = true;
    try {
      const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, { ...PDF, name: "Hemlig bilaga.pdf" });
      const before = app.inbox.calls.length;
      const { id } = await shortcut(message);
      expect(await firstTold(id)).toMatch(/^Jag kunde inte hämta ”Hemlig bilaga.pdf” från Slack/);
      expect(app.inbox.calls.length).toBe(before);
    } finally {
      app.slack.files.signInRequired = false;
    }
  });

  it("asks for a message with a file when the message has none", async () => {
    const { id } = await shortcut({
      type: "message",
      user: SHARER,
      text: "Hej!",
      ts: messageTs(),
      channel: HALSAM_CHANNEL,
    });
    expect(await firstTold(id)).toMatch(/^Meddelandet har ingen bifogad fil/);
  });

  it("says that adding files is not switched on when no inbox is configured", async () => {
    const message = app.slack.shareFile(HALSAM_CHANNEL, SHARER, PDF);
    const { id } = await shortcut(message, { to: app.urlWithoutInbox });
    expect(await firstTold(id)).toMatch(/^Att lägga till filer från Slack är inte påslaget/);
    expect(app.slack.callsTo("files.info", (args) => args.file === message.files[0]?.id)).toEqual([]);
  });
});

describe("@Samsyn lägg till", () => {
  const mention = (text: string, fields: { threadTs?: string; user?: string } = {}) =>
    appMention({
      channel: HALSAM_CHANNEL,
      user: fields.user ?? MEMBER,
      text,
      botUserId: app.slack.botUserId,
      ...(fields.threadTs ? { threadTs: fields.threadTs } : {}),
    });
  const send = (event: Record<string, unknown>) => sendToSlackApp(app.url, signedEvent(event, SIGNED));

  it("adds the file of the thread's first message when written as a reply in its thread", async () => {
    const parent = app.slack.shareFile(HALSAM_CHANNEL, SHARER, { ...PDF, name: "Överenskommelse.pdf" });
    const before = app.inbox.calls.length;
    expect((await send(mention("lägg till i Samsyn", { threadTs: parent.ts }))).status).toBe(200);
    const confirmation = await confirmationIn(parent.ts);
    expect(confirmation.args.text).toContain("Överenskommelse.pdf");
    expect(confirmation.args.text).toContain(`Tillagd av <@${MEMBER}>`);
    expect(app.inbox.calls[before]?.item.key).toBe(parent.files[0]?.id);
    expect(app.inbox.calls[before]?.groupId).toBe("halsam-vasternorrland");
  });

  it("adds a file attached to the mentioning message itself, once even when Slack delivers the event twice", async () => {
    const shared = app.slack.shareFile(HALSAM_CHANNEL, MEMBER, { ...PDF, name: "Verksamhetsplan.pdf" });
    const event = {
      ...mention("Lägg till dokumentet."),
      ts: shared.ts,
      event_ts: shared.ts,
      files: shared.files,
    };
    await send(event);
    await send(event);
    await confirmationIn(shared.ts);
    await send(mention("lägg till", { threadTs: messageTs() })); // later traffic, handled after the duplicate
    await poll(() =>
      app.slack
        .callsTo("chat.postEphemeral")
        .some((call) => String(call.args.text).startsWith("Meddelandet har ingen")),
    );
    expect(app.inbox.calls.filter((call) => call.item.fileName === "Verksamhetsplan.pdf")).toHaveLength(1);
  });

  it("refuses a non-member with a message only they see", async () => {
    const parent = app.slack.shareFile(HALSAM_CHANNEL, SHARER, PDF);
    const before = app.inbox.calls.length;
    await send(mention("lägg till", { threadTs: parent.ts, user: OUTSIDER }));
    const refusal = await app.slack.waitFor(
      "chat.postEphemeral",
      (args) => args.user === OUTSIDER && args.thread_ts === parent.ts,
    );
    expect(refusal.args.text).toMatch(/^Bara medlemmar i kanalen/);
    expect(app.inbox.calls.length).toBe(before);
  });
});

describe("Slack file logging", () => {
  it("never writes the bot token to the log, whatever happened to the files above", () => {
    expect(app.logLines.length).toBeGreaterThan(0);
    expect(app.logLines.join("\n")).not.toContain(app.slack.botToken);
  });
});
