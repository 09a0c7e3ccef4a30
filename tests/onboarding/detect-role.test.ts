import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadGroups } from "../../src/knowledge/groups.ts";
import { detectRole, findGroup, roleOf } from "../../src/onboarding/detect-role.ts";
import { SHIPPED_KNOWLEDGE } from "../builders/core.ts";

describe("detectRole", () => {
  it("reads the role and the group from a newly elected member's own words", () => {
    expect(detectRole("Jag är ny ersättare i Norrbottens samverkansberedning")).toEqual({
      role: "ersättare",
      groupHint: "Norrbottens samverkansberedning",
    });
    expect(detectRole("Jag är nyvald ledamot i lokala nämnden i Laholm.")).toEqual({
      role: "ledamot",
      groupHint: "lokala nämnden i Laholm",
    });
    expect(detectRole("jag har valts till vice ordförande för HälSam")).toEqual({
      role: "vice ordförande",
      groupHint: "HälSam",
    });
  });

  it("takes a bare role without a group", () => {
    expect(detectRole("ny sekreterare")).toEqual({ role: "sekreterare", groupHint: null });
    expect(roleOf("ordförande")).toBe("ordförande");
    expect(roleOf("ny ersättare")).toBe("ersättare");
  });

  it("finds no role in a question about someone else's", () => {
    expect(detectRole("Vem är ordförande i samverkansberedningen i Laholm?")).toBeNull();
    expect(detectRole("Jag är nyfiken på HälSam")).toBeNull();
  });
});

describe("findGroup", () => {
  it("matches the words of a hint to the group they name, and declines a tie", async () => {
    const { groups } = await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups"));
    expect(findGroup("Norrbottens samverkansberedning", groups)?.id).toBe(
      "norrbotten-politisk-samverkansberedning",
    );
    expect(findGroup("HälSam", groups)?.id).toBe("halsam-vasternorrland");
    expect(findGroup("samverkansberedningen", groups)).toBeNull();
    expect(findGroup("Skåne", groups)).toBeNull();
  });
});
