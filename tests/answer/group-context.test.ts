import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refersToGroup } from "../../src/answer/understand/group-reference.ts";
import type { Core } from "../../src/app/compose.ts";
import { type Group, parseGroup } from "../../src/knowledge/groups.ts";
import { scopeForGroups } from "../../src/retrieval/scope.ts";
import { ingestedCore, temporaryFolder } from "../builders/core.ts";

const OWN = `# Överenskommelse om samverkan i Ekby

Beredningen sammanträder sex gånger per år. Kallelse skickas av kommunstyrelsens ordförande.
`;
const OTHER = `# Arbetsordning för Norrby

Arvode för sammanträden betalas enligt kommunens arvodesreglemente med 900 kronor per sammanträde.
Överenskommelsen gäller tillsvidare med en ömsesidig uppsägningstid av sex månader.
`;

function groupFrom(id: string, yaml: string): Group {
  const parsed = parseGroup(`${id}.yaml`, yaml);
  if (!("group" in parsed)) throw new Error(parsed.problem);
  return parsed.group;
}

const ekby = groupFrom(
  "ekby",
  "name: Samverkansberedningen i Ekby\ndocuments: [ekby.md]\nvisibility: public\n",
);
const norrby = groupFrom("norrby", "name: Norrby\ndocuments: [norrby.md]\nvisibility: public\n");
let core: Core;
let cleanup: () => void;

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  const knowledge = path.join(folder.dir, "knowledge");
  fs.mkdirSync(knowledge);
  fs.writeFileSync(path.join(knowledge, "ekby.md"), OWN);
  fs.writeFileSync(path.join(knowledge, "norrby.md"), OTHER);
  ({ core } = await ingestedCore(knowledge, path.join(folder.dir, "data")));
}, 60_000);
afterAll(() => {
  core?.close();
  cleanup?.();
});

const askInEkby = (question: string) =>
  core.answers.ask(question, {
    scope: scopeForGroups(["ekby"], [ekby, norrby], core.index.catalog.documents()),
    group: ekby,
  });

describe("answers in a group's channel", () => {
  it("answers from the group's own document first", async () => {
    const { answer } = await askInEkby("Hur ofta sammanträder beredningen?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toContain("sex gånger per år");
    expect(answer.citations.every((citation) => citation.documentId === "ekby.md")).toBe(true);
  });

  it("says so when only another group's document answers a question not about the group", async () => {
    const { answer } = await askInEkby("Hur stort är arvodet per sammanträde enligt arvodesreglementet?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/^Ert eget underlag säger inget om detta; enligt Arbetsordning för Norrby: /);
    expect(answer.text).toContain("900 kronor");
  });

  it("does not answer a question about the group from another group's document", async () => {
    const { answer } = await askInEkby("Hur lång uppsägningstid har vår överenskommelse?");
    expect(answer.abstained).toBe(true);
    expect(answer.text).not.toContain("sex månader");
  });

  it("answers the same question over every document without a group", async () => {
    const { answer } = await core.answers.ask("Hur lång uppsägningstid har vår överenskommelse?", {
      scope: scopeForGroups([], [ekby, norrby], core.index.catalog.documents()),
    });
    expect(answer.text).toContain("sex månader");
  });
});

describe("words for the group itself", () => {
  it.each([
    ["Hur ofta träffas vi?", true],
    ["Vem kallar till våra möten?", true],
    ["Kan beredningen fatta beslut?", true],
    ["Vad säger skollagen om lovskola?", false],
  ])("%s → %s", (question, expected) => {
    expect(refersToGroup(question)).toBe(expected);
  });
});
