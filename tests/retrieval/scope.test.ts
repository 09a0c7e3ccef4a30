import { describe, expect, it } from "vitest";
import type { Group } from "../../src/knowledge/groups.ts";
import { scopeForGroups } from "../../src/retrieval/scope.ts";

const group = (id: string, visibility: "public" | "internal", documents: string[]): Group =>
  ({
    id,
    name: id,
    organisations: [],
    documents,
    visibility,
    channels: {},
    secretaries: [],
  }) as unknown as Group;

const groups = [
  group("laholm", "internal", ["laholm.md", "rapport.md"]),
  group("halsam", "internal", ["halsam.md"]),
  group("halland", "public", ["webb.md"]),
];
const documents = [
  { id: "laholm.md", groups: [] },
  { id: "rapport.md", groups: [] },
  { id: "halsam.md", groups: [] },
  { id: "webb.md", groups: [] },
  { id: "fristaende.md", groups: [] },
  { id: "intern-via-front-matter.md", groups: ["halsam"] },
];

describe("scopeForGroups", () => {
  it("gives a group its own documents plus public ones, never another group's internal ones", () => {
    const scope = scopeForGroups(["laholm"], groups, documents);
    expect(scope.documentIds).toEqual(["laholm.md", "rapport.md", "webb.md", "fristaende.md"]);
  });

  it("gives an unmapped place only public documents", () => {
    const scope = scopeForGroups([], groups, documents);
    expect(scope.documentIds).toEqual(["webb.md", "fristaende.md"]);
  });

  it("honours group membership declared in a document's front matter", () => {
    expect(scopeForGroups(["halsam"], groups, documents).documentIds).toContain("intern-via-front-matter.md");
    expect(scopeForGroups(["laholm"], groups, documents).documentIds).not.toContain(
      "intern-via-front-matter.md",
    );
  });
});
