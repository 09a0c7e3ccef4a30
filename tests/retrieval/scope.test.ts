import { describe, expect, it } from "vitest";
import type { Group } from "../../src/knowledge/groups.ts";
import {
  ADMINISTRATOR,
  type Audience,
  audienceScope,
  conversationAudience,
  groupsInView,
  mayShowGroup,
  scopeAllows,
  scopeForGroups,
  shownGroups,
  withChosenGroup,
} from "../../src/retrieval/scope.ts";

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

describe("the audience decision every command goes through", () => {
  const withheld = { ...group("trasig", "internal", ["hemlig.txt"]), withheld: "groups/trasig.yaml: fel" };
  const all = [...groups, withheld];
  const withSecret = [...documents, { id: "hemlig.txt", groups: [] }];

  it("shows public groups to everyone, internal ones to members and the administrator, withheld ones to nobody", () => {
    const ids = (audience: Audience) => shownGroups(audience, all).map((shown) => shown.id);
    expect(ids(conversationAudience([]))).toEqual(["halland"]);
    expect(ids(conversationAudience(["halsam"]))).toEqual(["halsam", "halland"]);
    expect(ids(ADMINISTRATOR)).toEqual(["laholm", "halsam", "halland"]);
    expect(mayShowGroup(ADMINISTRATOR, withheld)).toBe(false);
  });

  it("hides a withheld group's documents from every place but the administrator's whole view", () => {
    expect(audienceScope(conversationAudience([]), all, withSecret).documentIds).not.toContain("hemlig.txt");
    expect(audienceScope(conversationAudience(["halsam"]), all, withSecret).documentIds).not.toContain(
      "hemlig.txt",
    );
    expect(audienceScope(ADMINISTRATOR, all, withSecret)).toEqual({ documentIds: null });
    const chosen = audienceScope(withChosenGroup(ADMINISTRATOR, "laholm"), all, withSecret);
    expect(chosen.documentIds).toEqual(["laholm.md", "rapport.md", "webb.md", "fristaende.md"]);
  });

  it("is about the place's own groups when it has some, else every group it may see", () => {
    const ids = (audience: Audience) => groupsInView(audience, all).map((shown) => shown.id);
    expect(ids(conversationAudience(["laholm"]))).toEqual(["laholm"]);
    expect(ids(conversationAudience([]))).toEqual(["halland"]);
    expect(ids(withChosenGroup(conversationAudience([]), "laholm"))).toEqual(["halland"]);
    expect(scopeAllows(audienceScope(conversationAudience([]), all, withSecret), "laholm.md")).toBe(false);
  });
});
