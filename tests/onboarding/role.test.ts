import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import { buildBaseIntroduction, personaliseIntroduction } from "../../src/onboarding/build-introduction.ts";
import type { Introduction } from "../../src/onboarding/introduction.ts";
import { renderIntroductionText } from "../../src/onboarding/render-introduction-text.ts";
import { ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { chunkText, plainWords, sourceOf } from "./introduction-helpers.ts";

let core: Core;
let cleanup: () => void;
let groups: Group[];
const bases = new Map<string, Introduction>();

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  ({ core } = await ingestedCore(SHIPPED_KNOWLEDGE, folder.dir));
  ({ groups } = await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups")));
  for (const id of [
    "norrbotten-politisk-samverkansberedning",
    "halsam-vasternorrland",
    "laholm-samverkansberedning",
  ]) {
    const group = groups.find((candidate) => candidate.id === id);
    if (group) bases.set(id, await buildBaseIntroduction(core, group, { groups }));
  }
});

afterAll(() => {
  core?.close();
  cleanup?.();
});

async function withRole(groupId: string, role: string): Promise<Introduction> {
  const group = groups.find((candidate) => candidate.id === groupId);
  const base = bases.get(groupId);
  if (!group || !base) throw new Error(`unknown group ${groupId}`);
  return personaliseIntroduction(core, base, group, { role, groups });
}

describe("the reader's role", () => {
  it("tells a new substitute in Norrbotten that each party appoints personal substitutes", async () => {
    const intro = await withRole(
      "norrbotten-politisk-samverkansberedning",
      "Jag är ny ersättare i Norrbottens samverkansberedning",
    );
    expect(intro.role?.role).toBe("ersättare");
    expect(intro.role?.described).toBe(true);
    const statement = intro.role?.statements.find((entry) => /personliga ersättare/.test(entry.text));
    expect(statement).toBeDefined();
    const source = statement ? sourceOf(intro, statement) : undefined;
    expect(source?.section).toBe("Former för samarbete");
    expect(plainWords(chunkText(core, source?.chunkId ?? "") ?? "")).toContain(
      plainWords(statement?.text ?? ""),
    );
    expect(renderIntroductionText(intro)).toMatch(
      /Din roll som ersättare\n {2}• Respektive part utser personliga ersättare/,
    );
  });

  it("tells a new chair in HälSam about the presidium of chairs", async () => {
    const intro = await withRole("halsam-vasternorrland", "ordförande");
    expect(intro.role?.described).toBe(true);
    expect(
      intro.role?.statements.some((entry) => /presidium bestående av tre ordförande/.test(entry.text)),
    ).toBe(true);
  });

  it("says when the documents do not describe the role, and what they say about the work that concerns it", async () => {
    const intro = await withRole(
      "laholm-samverkansberedning",
      "Jag är ny vice ordförande i samverkansberedningen",
    );
    expect(intro.role).toMatchObject({ role: "vice ordförande", described: false });
    // The vice chair sits in the presidium: what the documents say about the presidium concerns the role.
    expect(intro.role?.statements.map((statement) => statement.text).join("\n")).toMatch(/presidi/);
    const text = renderIntroductionText(intro);
    expect(text).toMatch(
      /Underlaget beskriver inte särskilt vad en vice ordförande gör i Samverkansberedningen i Laholm\. Det här säger det om arbetet som rör rollen:/,
    );
    expect(text).not.toMatch(/Fråga gärna gruppens sekreterare/);
  });

  it("leaves the role part out when the documents hold nothing that concerns the role", async () => {
    const intro = await withRole("laholm-samverkansberedning", "vice ordförande");
    const empty = { ...intro, role: { role: "vice ordförande" as const, described: false, statements: [] } };
    const text = renderIntroductionText(empty);
    expect(text).not.toMatch(/Din roll som/);
    expect(text).not.toMatch(/Underlaget beskriver inte/);
  });

  it("keeps the base introduction's sources and numbers when adding the role", async () => {
    const base = bases.get("norrbotten-politisk-samverkansberedning");
    const intro = await withRole("norrbotten-politisk-samverkansberedning", "ledamot");
    expect(intro.sources.slice(0, base?.sources.length)).toEqual(
      base?.sources.map((source) => expect.objectContaining({ n: source.n, chunkId: source.chunkId })),
    );
    for (const statement of intro.role?.statements ?? []) expect(sourceOf(intro, statement)).toBeDefined();
  });

  it("adds the next meetings from the calendar provider, and says so when there are none", async () => {
    const group = groups.find((candidate) => candidate.id === "laholm-samverkansberedning");
    const base = bases.get("laholm-samverkansberedning");
    if (!group || !base) throw new Error("Laholm missing");
    const calls: string[] = [];
    const intro = await personaliseIntroduction(core, base, group, {
      groups,
      upcoming: async (groupId) => {
        calls.push(groupId);
        return [{ title: "Samverkansberedningens möte", when: "tisdag 9 februari 2027 kl. 13.00–15.30" }];
      },
    });
    expect(calls).toEqual(["laholm-samverkansberedning"]);
    expect(renderIntroductionText(intro)).toMatch(
      /Nästa möten enligt kalendern:\n {4}– tisdag 9 februari 2027 kl\. 13\.00–15\.30: Samverkansberedningens möte/,
    );
    const empty = await personaliseIntroduction(core, base, group, { groups, upcoming: async () => [] });
    expect(renderIntroductionText(empty)).toMatch(/Kalendern har inga kommande möten/);
    expect(renderIntroductionText(base)).not.toMatch(/Kalendern/);
  });
});
