import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { type Group, loadGroups, parseGroup } from "../../src/knowledge/groups.ts";
import { buildIntroduction } from "../../src/onboarding/build-introduction.ts";
import type { Introduction } from "../../src/onboarding/introduction.ts";
import { IntroductionCache } from "../../src/onboarding/introduction-cache.ts";
import { introductionPanel, introductionPanelProvider } from "../../src/onboarding/introduction-panel.ts";
import { keyDocuments } from "../../src/onboarding/key-documents.ts";
import { renderIntroductionText } from "../../src/onboarding/render-introduction-text.ts";
import { ADMINISTRATOR, conversationAudience, scopeForGroups } from "../../src/retrieval/scope.ts";
import { parseIntroductionAction, renderIntroduction } from "../../src/surfaces/slack/render-introduction.ts";
import { renderTeamsIntroduction } from "../../src/surfaces/teams/render-teams-introduction.ts";
import { ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { allStatements, chunkText, groupAspect, plainWords, sourceOf } from "./introduction-helpers.ts";

let core: Core;
let cleanup: () => void;
let groups: Group[];
const intros = new Map<string, Introduction>();

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  ({ core } = await ingestedCore(SHIPPED_KNOWLEDGE, folder.dir));
  ({ groups } = await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups")));
  for (const group of groups) intros.set(group.id, await buildIntroduction(core, group, { groups }));
});

afterAll(() => {
  core?.close();
  cleanup?.();
});

function intro(groupId: string): Introduction {
  const found = intros.get(groupId);
  if (!found) throw new Error(`no introduction for ${groupId}`);
  return found;
}

/** The statement matching `pattern` among `statements`, with its source. */
function cited(built: Introduction, statements: Introduction["purpose"], pattern: RegExp) {
  const statement = statements.find((candidate) => pattern.test(candidate.text));
  expect(statement, `no statement matches ${pattern}`).toBeDefined();
  return { statement, source: statement ? sourceOf(built, statement) : undefined };
}

describe("introductions to the shipped groups", () => {
  it("builds one for every group in knowledge/groups", () => {
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const group of groups) {
      const built = intro(group.id);
      expect(built.groupName).toBe(group.name);
      expect(allStatements(built).length).toBeGreaterThan(3);
    }
  });

  it("quotes every statement word for word from the passage it cites", () => {
    for (const built of intros.values()) {
      for (const { part, statement } of allStatements(built)) {
        const source = sourceOf(built, statement);
        expect(source, `${built.groupId} ${part}: source [${statement.source}] missing`).toBeDefined();
        const text = source ? chunkText(core, source.chunkId) : undefined;
        expect(plainWords(text ?? ""), `${built.groupId} ${part}`).toContain(plainWords(statement.text));
        expect(plainWords(source?.quote ?? "")).toContain(plainWords(statement.text));
      }
      expect(built.sources.map((source) => source.n)).toEqual(built.sources.map((_, index) => index + 1));
    }
  });

  it("lists under 'Vilka ingår' who takes part in the body, not where the body itself takes part", () => {
    const halland = intro("region-halland-lokala-namnder");
    const members = groupAspect(halland, "members").map((statement) => statement.text);
    expect(members.join("\n")).not.toMatch(/deltar vid behov i andra samverkansformer/);
    expect(members.join("\n")).not.toMatch(/presidiet och nämndtjänsteman deltar i samverkansberedningen/);
    // The same kind of sentence does say who is in the body it names as the place of taking part.
    const network = halland.bodies.find((body) => /nätverk/i.test(body.name));
    const networkMembers = network?.aspects.find((entry) => entry.aspect === "members")?.statements ?? [];
    expect(networkMembers.map((statement) => statement.text).join("\n")).toMatch(/^I nätverket deltar/m);
  });

  it("Laholm: convened by kommunstyrelsens ordförande, four meetings a year, no decision powers", () => {
    const laholm = intro("laholm-samverkansberedning");
    const convenes = cited(
      laholm,
      groupAspect(laholm, "convenes"),
      /kallelse av kommunstyrelsens ordförande/,
    );
    expect(convenes.source?.documentId).toBe("laholm-samverkansoverenskommelse.md");
    expect(convenes.source?.section).toBe("Samverkansberedning");
    const meetings = cited(laholm, laholm.meetings.statements, /fyra möten per år/);
    expect(meetings.source?.section).toBe("Samverkansberedning");
    const decisions = cited(laholm, groupAspect(laholm, "decisions"), /inga beslutsbefogenheter/);
    expect(decisions.source?.documentId).toBe("laholm-samverkansoverenskommelse.md");
  });

  it("Laholm: describes the resource groups and the quality network with who convenes and takes part", () => {
    const laholm = intro("laholm-samverkansberedning");
    const names = laholm.bodies.map((body) => body.name);
    expect(names).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Resursgrupp/), "Kvalitetsnätverket"]),
    );
    const resource = laholm.bodies.find((body) => body.name.startsWith("Resursgrupp"));
    const convenes = resource?.aspects.find((aspect) => aspect.aspect === "convenes")?.statements ?? [];
    expect(convenes.some((statement) => /sammankallas av målområdesansvarig chef/.test(statement.text))).toBe(
      true,
    );
  });

  it("Norrbotten: chair and secretary alternate yearly, at least four meetings a year", () => {
    const norrbotten = intro("norrbotten-politisk-samverkansberedning");
    const chair = cited(norrbotten, groupAspect(norrbotten, "chair"), /växla årsvis/);
    expect(chair.source?.section).toBe("Former för samarbete");
    const meetings = cited(norrbotten, norrbotten.meetings.statements, /minst fyra gånger per år/);
    expect(meetings.source?.documentId).toBe("norrbotten-overenskommelse-politisk-samverkan.md");
  });

  it("HälSam: a presidium of three chairs, decisions only by the principals", () => {
    const halsam = intro("halsam-vasternorrland");
    const presidium = halsam.bodies.find((body) => body.name === "Presidiet");
    const presidiumStatements = presidium?.aspects.flatMap((aspect) => aspect.statements) ?? [];
    const three = cited(halsam, presidiumStatements, /presidium bestående av tre ordförande/);
    expect(three.source?.section).toBe("Representation");
    const decisions = groupAspect(halsam, "decisions");
    expect(decisions.length).toBeGreaterThan(0);
    for (const statement of decisions) expect(statement.text).toMatch(/huvudm(an|än|ännen)\b/);
    const duties = groupAspect(halsam, "duties");
    expect(duties.some((statement) => /förankra med sin majoritet och opposition/.test(statement.text))).toBe(
      true,
    );
  });

  it("Region Halland: six local committees, one in each municipality", () => {
    const halland = intro("region-halland-lokala-namnder");
    const six = cited(
      halland,
      allStatements(halland).map((entry) => entry.statement),
      /sex lokala nämnder/,
    );
    expect(six.source?.documentId).toBe("region-halland-lokala-namnder.md");
  });

  it("says plainly when the documents do not say how often a group meets", () => {
    const halland = intro("region-halland-lokala-namnder");
    expect(halland.meetings.statements).toEqual([]);
    expect(renderIntroductionText(halland)).toMatch(/Underlaget anger inte hur ofta/);
  });

  it("invents nothing for a group without documents", async () => {
    const parsed = parseGroup("ny-grupp.yaml", "name: Nya beredningen i Ydre\n");
    if (!("group" in parsed)) throw new Error(parsed.problem);
    const empty = await buildIntroduction(core, parsed.group, { groups: [...groups, parsed.group] });
    expect(allStatements(empty)).toEqual([]);
    expect(empty.sources).toEqual([]);
    expect(empty.questions).toEqual([]);
    expect(renderIntroductionText(empty)).toMatch(/Underlaget beskriver inte gruppens syfte\./);
  });

  it("draws statements only from the group's own documents, not from what its channels also see", () => {
    const norrbotten = intro("norrbotten-politisk-samverkansberedning");
    for (const source of norrbotten.sources) {
      expect(source.documentId).toBe("norrbotten-overenskommelse-politisk-samverkan.md");
    }
  });

  it("lists the group's documents as key documents, governing ones first", () => {
    for (const group of groups) {
      const built = intro(group.id);
      expect(built.documents.map((document) => document.id).sort()).toEqual([...group.documents].sort());
    }
    const laholm = intro("laholm-samverkansberedning");
    expect(laholm.documents[0]?.typeLabel).toBe("Överenskommelse");
  });

  it("shows a key document's date at the precision it is known: a year, a month or a day", () => {
    const laholm = intro("laholm-samverkansberedning");
    const [first] = core.index.catalog.documents();
    if (!first) throw new Error("the shipped knowledge has documents");
    const dated = (id: string, date: string | null) => ({
      ...first,
      id,
      title: `Dokument ${id}`,
      type: "agreement" as const,
      date,
    });
    const documents = keyDocuments({
      documents: [dated("a", "2021"), dated("b", "2019-05"), dated("c", "2016-12-01"), dated("d", null)],
    });
    const text = renderIntroductionText({ ...laholm, documents });
    expect(text).toContain("Dokument a (överenskommelse, 2021)");
    expect(text).toContain("Dokument b (överenskommelse, maj 2019)");
    expect(text).toContain("Dokument c (överenskommelse, 1 december 2016)");
    expect(text).toContain("Dokument d (överenskommelse)");
    const panel = introductionPanel({ ...laholm, documents });
    const details = panel.sections.flatMap((section) => section.items ?? []).map((item) => item.detail);
    expect(details).toContain("Överenskommelse, maj 2019");
  });

  it("dates the introduction's sources by their document, and leaves undated ones undated", () => {
    const norrbotten = intro("norrbotten-politisk-samverkansberedning");
    const dated = norrbotten.sources.filter((source) => source.date === "2016-12-01");
    expect(dated.length).toBeGreaterThan(0);
    const text = renderIntroductionText(norrbotten);
    for (const source of dated)
      expect(text).toMatch(new RegExp(`\\[${source.n}\\] [^\\n]*\\(1 december 2016\\)`));
    const locations = introductionPanel(norrbotten).sources?.map((source) => source.location) ?? [];
    expect(locations.filter((location) => location.includes("(1 december 2016)"))).toHaveLength(dated.length);
    expect(JSON.stringify(renderIntroduction(norrbotten).blocks)).toContain("(1 december 2016)");
    expect(JSON.stringify(renderTeamsIntroduction(norrbotten))).toContain("(1 december 2016)");

    const laholm = intro("laholm-samverkansberedning");
    expect(laholm.sources.every((source) => source.date === null)).toBe(true);
    expect(renderIntroductionText(laholm)).not.toMatch(/\[\d+\] [^\n]*\(\d{4}\)|\d{4}\) §/);
  });

  it("suggests questions the bot answers from the group's documents", async () => {
    for (const group of groups) {
      const built = intro(group.id);
      expect(built.questions.length, group.id).toBeGreaterThanOrEqual(3);
      expect(built.questions.length).toBeLessThanOrEqual(5);
      const scope = scopeForGroups([group.id], groups, core.index.catalog.documents());
      for (const { question } of built.questions) {
        const { answer } = await core.answers.ask(question, { scope });
        expect(answer.abstained, `${group.id}: ${question}`).toBe(false);
        expect(answer.citations.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("rendering an introduction", () => {
  it("prints Swedish text with every [n] listed under Källor", () => {
    const text = renderIntroductionText(intro("laholm-samverkansberedning"));
    expect(text).toMatch(/^Introduktion till Samverkansberedningen i Laholm/);
    const [body = "", sources = ""] = text.split("\nKällor:\n");
    const used = new Set([...body.matchAll(/\[(\d+)\]/g)].map((match) => match[1]));
    for (const n of used) expect(sources).toContain(`[${n}]`);
  });

  it("gives the web chat a panel whose suggested questions can be clicked", () => {
    const built = intro("halsam-vasternorrland");
    const panel = introductionPanel(built);
    const questions = panel.sections.find((section) => section.heading === "Förslag på frågor");
    expect(questions?.items.map((item) => item.ask)).toEqual(built.questions.map((entry) => entry.question));
    const glossary = panel.sections.find((section) => section.heading === "Ordlista");
    expect(glossary?.items.map((item) => item.title)).toContain("HSN – Hälso- och sjukvårdsnämnden");
  });

  it("serves the panel for the chosen group, and only public groups to visitors", async () => {
    const cache = new IntroductionCache(async (_core, group) => intro(group.id));
    const provide = introductionPanelProvider(core, cache, { groups });
    const asAdmin = (groupId: string | null) => ({ groupId, admin: true, audience: ADMINISTRATOR });
    const asVisitor = (groupId: string) => ({ groupId, admin: false, audience: conversationAudience([]) });
    const admin = await provide(asAdmin("laholm-samverkansberedning"));
    expect(admin.sections[0]?.heading).toBe("Syfte – Samverkansberedningen i Laholm");
    const visitor = await provide(asVisitor("laholm-samverkansberedning"));
    expect(visitor).toEqual({ sections: [], emptyText: expect.stringMatching(/bara för administratören/) });
    const publicGroup = await provide(asVisitor("region-halland-lokala-namnder"));
    expect(publicGroup.sections.length).toBeGreaterThan(0);
    expect((await provide(asAdmin(null))).emptyText).toMatch(/Välj en grupp/);
  });

  it("renders Slack blocks with one button per suggested question that routes back to the question", () => {
    const built = intro("norrbotten-politisk-samverkansberedning");
    const message = renderIntroduction(built);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const actions = message.blocks.find((block) => block.type === "actions");
    const buttons =
      actions && "elements" in actions ? (actions.elements as { action_id: string; value: string }[]) : [];
    expect(buttons.map((button) => parseIntroductionAction(button.action_id, button.value))).toEqual(
      built.questions.map((entry) => ({ kind: "ask", question: entry.question })),
    );
    expect(new Set(buttons.map((button) => button.action_id)).size).toBe(buttons.length);
  });
});
