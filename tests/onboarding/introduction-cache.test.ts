import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { ingestKnowledge } from "../../src/index/ingest-knowledge.ts";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import { buildBaseIntroduction } from "../../src/onboarding/build-introduction.ts";
import { IntroductionCache } from "../../src/onboarding/introduction-cache.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

let core: Core;
let cleanup: () => void;
let knowledgeDir: string;
let groups: Group[];
const builds: string[] = [];
const cache = new IntroductionCache(async (...args) => {
  builds.push(args[1].id);
  return buildBaseIntroduction(...args);
});

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  ({ core } = await ingestedCore(knowledgeDir, path.join(folder.dir, "data")));
  ({ groups } = await loadGroups(path.join(knowledgeDir, "groups")));
});

afterAll(() => {
  core?.close();
  cleanup?.();
});

function laholm(): Group {
  const group = groups.find((candidate) => candidate.id === "laholm-samverkansberedning");
  if (!group) throw new Error("Laholm missing");
  return group;
}

async function reingest(): Promise<void> {
  await ingestKnowledge(core.index, knowledgeDir);
  core.retriever.invalidate();
}

describe("IntroductionCache", () => {
  it("builds a group's introduction once and reuses it, with the role added per request", async () => {
    const first = await cache.get(core, laholm(), { groups });
    const second = await cache.get(core, laholm(), { groups, role: "ordförande" });
    expect(builds).toEqual(["laholm-samverkansberedning"]);
    expect(first.role).toBeNull();
    expect(second.role?.role).toBe("ordförande");
  });

  it("keeps the introduction when only another group's internal document changes", async () => {
    fs.appendFileSync(
      path.join(knowledgeDir, "norrbotten-overenskommelse-politisk-samverkan.md"),
      "\nBeredningen besöker Kiruna varje vinter.\n",
    );
    await reingest();
    await cache.get(core, laholm(), { groups });
    expect(builds).toEqual(["laholm-samverkansberedning"]);
  });

  it("rebuilds when a document of the group changes, and shows the new text", async () => {
    const file = path.join(knowledgeDir, "laholm-samverkansoverenskommelse.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("fyra möten per år", "sex möten per år"));
    await reingest();
    const rebuilt = await cache.get(core, laholm(), { groups });
    expect(builds).toEqual(["laholm-samverkansberedning", "laholm-samverkansberedning"]);
    expect(rebuilt.meetings.statements.map((statement) => statement.text).join(" ")).toMatch(
      /sex möten per år/,
    );
  });
});
