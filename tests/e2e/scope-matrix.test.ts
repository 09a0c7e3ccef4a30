import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { SLACK, TEAMS, useScopeMatrixApps, WEB_TOKEN } from "./helpers/scope-matrix-apps.ts";
import {
  CAPITAL_VISIBILITY_SECRET,
  HALSAM_SECRET,
  leakedIn,
  MISSPELT_KEY_SECRET,
  PLANTED_SECRETS,
  type PlantedSecret,
  STRING_CHANNEL_SECRET,
} from "./helpers/secret-knowledge.ts";

// Surface × command × internal/public group × member/non-member/unknown user: nothing internal
// (text, title, date, count) reaches anyone outside the group; broken group files publish nothing.
const apps = useScopeMatrixApps();

/** Internal material of the shipped knowledge: HälSam's and Norrbotten's documents and calendars. */
const SHIPPED_HALSAM: PlantedSecret = {
  groupId: "halsam-vasternorrland",
  question: "",
  secrets: ["Samverkansstruktur HälSam", "Temamöte Barn och unga"],
};
const SHIPPED_NORRBOTTEN: PlantedSecret = {
  groupId: "norrbotten-politisk-samverkansberedning",
  question: "",
  secrets: [
    "Region Norrbotten",
    "Politiska samverkansberedningens sammanträde",
    "Gemensam temadag med länsstyrgruppen",
  ],
};
/** Laholm's group is internal (its documents are public through Region Halland's), so its calendar is. */
const LAHOLM_CALENDAR: PlantedSecret = {
  groupId: "laholm-samverkansberedning",
  question: "",
  secrets: ["Samverkansberedningens sammanträde", "Kallelse och handlingar till samverkansberedningen"],
};

/** What someone in no group must never see; a HälSam member may see HälSam's. */
const OUTSIDE = [...PLANTED_SECRETS, SHIPPED_HALSAM, SHIPPED_NORRBOTTEN, LAHOLM_CALENDAR];
const HALSAM_MEMBER = OUTSIDE.filter((planted) => planted.groupId !== "halsam-vasternorrland");

/** Commands whose reply draws on the calendar, the introductions or the glossary. */
const COMMANDS = [
  "möten",
  "påminnelser",
  "årshjul halsam",
  "årshjul laholm",
  "årshjul stavfel",
  "årshjul trasig",
  "intro halsam",
  "intro stavfel",
  "ordlista TSR",
  "ordlista",
];

function expectNoLeak(reply: string, forbidden: readonly PlantedSecret[], where: string): void {
  expect(leakedIn(reply, forbidden), `${where}: ${reply.slice(0, 400)}`).toEqual([]);
}

describe("scope in Slack: an unlinked channel, direct messages of an outsider, an unknown user and a member", () => {
  const places = [
    { name: "unlinked channel", channel: SLACK.openChannel, user: SLACK.member, forbidden: OUTSIDE },
    {
      name: "DM of an outsider",
      channel: `D${SLACK.outsider.slice(1)}`,
      user: SLACK.outsider,
      forbidden: OUTSIDE,
    },
    {
      name: "DM of an unknown user",
      channel: `D${SLACK.unknown.slice(1)}`,
      user: SLACK.unknown,
      forbidden: OUTSIDE,
    },
    {
      name: "DM of a HälSam member",
      channel: `D${SLACK.member.slice(1)}`,
      user: SLACK.member,
      forbidden: HALSAM_MEMBER,
    },
  ];

  it.each(places)("answers questions in the $name without internal text, title or date", async (place) => {
    for (const { question } of PLANTED_SECRETS) {
      const reply = place.channel.startsWith("D")
        ? await apps.slackDirect(place.user, question)
        : await apps.slackMention(place.channel, place.user, question);
      expectNoLeak(reply, place.forbidden, `${place.name}: ${question}`);
    }
    const asked = await apps.slackCommand(place.channel, place.user, `fråga ${MISSPELT_KEY_SECRET.question}`);
    expectNoLeak(asked, place.forbidden, `${place.name}: /samsyn fråga`);
  });

  it.each(places)(
    "keeps internal meetings, wheels, introductions and acronyms out of the $name",
    async (place) => {
      for (const command of COMMANDS) {
        const reply = await apps.slackCommand(place.channel, place.user, command);
        expectNoLeak(reply, place.forbidden, `${place.name}: /samsyn ${command}`);
      }
    },
  );

  it("still answers a group's own channel, also for a group whose channel was written as a single value", async () => {
    const halsam = await apps.slackMention(SLACK.halsamChannel, SLACK.member, HALSAM_SECRET.question);
    expect(halsam).toContain("5 512 000");
    expect(await apps.slackCommand(SLACK.halsamChannel, SLACK.member, "möten")).toContain(
      "Internt budgetsamråd",
    );
    const glasvinge = await apps.slackMention(
      SLACK.glasvingeChannel,
      SLACK.glasvingeMember,
      STRING_CHANNEL_SECRET.question,
    );
    expect(glasvinge).toContain("4 217 000");
    // A public group's wheel may be asked for anywhere.
    const wheel = await apps.slackCommand(SLACK.openChannel, SLACK.outsider, "årshjul region-halland 2027");
    expect(wheel).toContain("arshjul-region-halland-lokala-namnder-2027");
  });
});

describe("scope in Teams: an unlinked channel and personal chats of an outsider, an unknown person and a member", () => {
  const places = [
    { name: "unlinked channel", person: TEAMS.member, channel: TEAMS.openChannel, forbidden: OUTSIDE },
    { name: "personal chat of an outsider", person: TEAMS.outsider, channel: null, forbidden: OUTSIDE },
    { name: "personal chat of an unknown person", person: TEAMS.unknown, channel: null, forbidden: OUTSIDE },
    {
      name: "personal chat of a HälSam member",
      person: TEAMS.member,
      channel: null,
      forbidden: HALSAM_MEMBER,
    },
  ];
  const send = (place: (typeof places)[number], text: string) =>
    place.channel === null
      ? apps.teamsPersonal(place.person, text)
      : apps.teamsChannel(place.channel, place.person, text);

  it.each(places)("answers questions and commands in the $name without anything internal", async (place) => {
    for (const text of [...PLANTED_SECRETS.map((planted) => planted.question), ...COMMANDS]) {
      expectNoLeak(await send(place, text), place.forbidden, `${place.name}: ${text}`);
    }
  });

  it("shows HälSam's årshjul and answers to a member in a personal chat", async () => {
    expect(await apps.teamsPersonal(TEAMS.member, "årshjul halsam 2027")).toContain("Internt budgetsamråd");
    expect(await apps.teamsPersonal(TEAMS.member, HALSAM_SECRET.question)).toContain("5 512 000");
    expect(await apps.teamsChannel(TEAMS.halsamChannel, TEAMS.member, "möten")).toContain(
      "Internt budgetsamråd",
    );
  });
});

interface WebReply {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

function web(
  pathname: string,
  options: { method?: string; body?: unknown; token?: string; localAddress?: string } = {},
): Promise<WebReply> {
  const headers: Record<string, string> = { "x-samsyn-request": "1" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      new URL(pathname, apps.webUrl),
      {
        method: options.method ?? "GET",
        headers,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {}, text });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

describe("scope in the token-protected web chat", () => {
  const ask = (question: string, extra: { token?: string; group?: string } = {}) =>
    web("/api/web/ask", {
      method: "POST",
      body: { question, ...(extra.group ? { group: extra.group } : {}) },
      ...(extra.token ? { token: extra.token } : {}),
    });

  it("answers a visitor without the access code from public documents only", async () => {
    for (const { question } of PLANTED_SECRETS) {
      const reply = await ask(question);
      expect(reply.status).toBe(200);
      expectNoLeak(reply.text, OUTSIDE, `web visitor: ${question}`);
    }
    for (const group of ["halsam-vasternorrland", "glasvinge", "versalgruppen"]) {
      expect((await ask(HALSAM_SECRET.question, { group })).status).toBe(403);
    }
    for (const group of ["stavfel", "trasig"])
      expect((await ask(HALSAM_SECRET.question, { group })).status).toBe(404);
  });

  it("counts only public documents for a visitor and tells only the administrator about broken group files", async () => {
    const visitor = await web("/api/web/status");
    const admin = await web("/api/web/status", { token: WEB_TOKEN });
    expect(admin.body.admin).toBe(true);
    const publicIds = apps.core.index.catalog
      .documents()
      .filter((document) => /region-halland|laholm/.test(document.id))
      .map((document) => document.id);
    expect(visitor.body.documents).toBe(publicIds.length);
    expect(visitor.body.chunks).toBe(apps.core.index.catalog.chunkRowidsOfDocuments(publicIds).length);
    expect(Number(admin.body.documents)).toBeGreaterThan(Number(visitor.body.documents));
    expect(visitor.body.groupWarnings).toEqual([]);
    expect(visitor.body.calendarProblems).toEqual([]);
    expect(visitor.body.documentWarnings).toEqual([]);
    expectNoLeak(visitor.text, OUTSIDE, "web status");
    const warnings = (admin.body.groupWarnings as string[]).join("\n");
    expect(warnings).toMatch(
      /groups\/stavfel\.yaml rad \d+: okänt fält "visibilty" – menade du "visibility"\?.*stavfel-pm\.txt.*hålls undanlagda/,
    );
    expect(warnings).toMatch(
      /groups\/trasig\.yaml(?: rad \d+)?: filen är inte giltig YAML.*trasig-avtal\.txt/,
    );
    expect(warnings).not.toContain("glasvinge");
    const names = (body: Record<string, unknown>) =>
      (body.groups as { id: string }[]).map((group) => group.id);
    expect(names(visitor.body)).toEqual(["region-halland-lokala-namnder"]);
    expect(names(admin.body)).not.toContain("stavfel");
    expect(names(admin.body)).toContain("versalgruppen");
  });

  it("keeps internal meetings and introductions out of a visitor's panels", async () => {
    const upcoming = await web("/api/web/panels/upcoming");
    expect(upcoming.status).toBe(200);
    expectNoLeak(upcoming.text, OUTSIDE, "upcoming panel");
    expect((await web("/api/web/panels/introduction?group=halsam-vasternorrland")).status).toBe(403);
    expect((await web("/api/web/panels/upcoming?group=trasig")).status).toBe(404);
    const adminPanel = await web("/api/web/panels/upcoming?group=halsam-vasternorrland", {
      token: WEB_TOKEN,
    });
    expect(adminPanel.text).toContain("Internt budgetsamråd");
  });

  it("does not open an administrator's answer's sources or votes to a visitor who knows its id", async () => {
    const answered = await ask(CAPITAL_VISIBILITY_SECRET.question, { token: WEB_TOKEN });
    expect(answered.text).toContain("nedlägga verksamheten");
    const answerId = String(answered.body.answerId);
    const { citations } = answered.body.answer as { citations: { chunkId: string }[] };
    const chunkId = citations[0]?.chunkId ?? "";
    const passagePath = `/api/web/answers/${answerId}/passages/${encodeURIComponent(chunkId)}`;
    expect((await web(passagePath, { token: WEB_TOKEN })).text).toContain("Kvarnbacka");
    const passage = await web(passagePath);
    expect(passage.status).toBe(410);
    expectNoLeak(passage.text, OUTSIDE, "passage for a visitor");
    const vote = await web("/api/web/feedback", {
      method: "POST",
      body: { answerId, vote: "down", clientId: "besokare-123" },
    });
    expect(vote.status).toBe(410);
  });

  it("locks out a client that guesses the access code, not the administrator on another address", async () => {
    const guesser = "127.0.0.2";
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await web("/api/web/status", { token: `fel-${attempt}`, localAddress: guesser })).status).toBe(
        401,
      );
    }
    const locked = await web("/api/web/status", { token: WEB_TOKEN, localAddress: guesser });
    expect(locked.status).toBe(429);
    expect(locked.text).toContain("För många felaktiga åtkomstkoder");
    const admin = await web("/api/web/status", { token: WEB_TOKEN, localAddress: "127.0.0.1" });
    expect(admin.status).toBe(200);
    expect(admin.body.admin).toBe(true);
  });
});
