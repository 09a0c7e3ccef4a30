import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFollowUp } from "../../src/answer/understand/resolve-follow-up.ts";
import type { Core } from "../../src/app/compose.ts";
import { type Group, parseGroup } from "../../src/knowledge/groups.ts";
import { scopeForGroups } from "../../src/retrieval/scope.ts";
import { ingestedCore, temporaryFolder } from "../builders/core.ts";

const DOCUMENT = `# Samverkansöverenskommelse för Ekby

## Samverkansberedningen

Samverkansberedningen sammankallas av kommunstyrelsens ordförande och sammanträder fyra gånger per år.

## Resursgrupper

Det finns två resursgrupper: Barn och unga samt Trygghet och folkhälsa. Resursgrupperna sammankallas av målområdesansvarig chef.

## Parter

Kommunerna utser fyra ledamöter till beredningen. Regionen utser tre ledamöter ur regionstyrelsen.
`;

let core: Core;
let group: Group;
let cleanup: () => void;

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  const knowledge = path.join(folder.dir, "knowledge");
  fs.mkdirSync(knowledge);
  fs.writeFileSync(path.join(knowledge, "ekby.md"), DOCUMENT);
  const parsed = parseGroup(
    "ekby.yaml",
    "name: Samverkansberedningen i Ekby\ndocuments: [ekby.md]\nvisibility: public\n",
  );
  if (!("group" in parsed)) throw new Error(parsed.problem);
  group = parsed.group;
  ({ core } = await ingestedCore(knowledge, path.join(folder.dir, "data")));
}, 60_000);
afterAll(() => {
  core?.close();
  cleanup?.();
});

const ask = (question: string, history: string[] = []) =>
  core.answers.ask(question, {
    scope: scopeForGroups([group.id], [group], core.index.catalog.documents()),
    group,
    history,
  });

describe("follow-ups in a thread", () => {
  it("resolves 'dem' to what the earlier turn asked about", async () => {
    const { answer } = await ask("Vem sammankallar dem?", ["Vilka resursgrupper finns det?"]);
    expect(answer.text).toContain("målområdesansvarig chef");
    expect(answer.text).not.toContain("kommunstyrelsens ordförande");
  });

  it("asks the earlier question again about another party ('Och regionen?')", async () => {
    const { answer } = await ask("Och regionen?", ["Hur många ledamöter utser kommunerna till beredningen?"]);
    expect(answer.text).toContain("tre ledamöter ur regionstyrelsen");
  });
});

describe("resolving a follow-up against the thread", () => {
  it.each([
    ["Vem sammankallar dem?", ["Vilka resursgrupper finns det?"], "Vem sammankallar resursgrupper?"],
    [
      "Vilka sitter med i det?",
      ["Vad är kvalitetsnätverket för något?"],
      "Vilka sitter med i kvalitetsnätverket?",
    ],
    ["Och hur länge sitter de?", ["Hur utses presidiet hos oss?"], "Och hur länge sitter presidiet?"],
    [
      "Och regionen?",
      ["Hur många ledamöter utser kommunerna till beredningen?"],
      "Hur många ledamöter utser regionen till beredningen?",
    ],
    ["Vem är ordförande i nämnden?", ["Vilka resursgrupper finns det?"], "Vem är ordförande i nämnden?"],
  ])("%s after %j → %s", (question, history, expected) => {
    expect(resolveFollowUp(question, history)).toBe(expected);
  });
});
