import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Group, loadGroups } from "../../src/knowledge/groups.ts";
import { resolveIntroductionRequest } from "../../src/onboarding/resolve-introduction-request.ts";
import { SHIPPED_KNOWLEDGE } from "../builders/core.ts";

let groups: Group[];

beforeAll(async () => {
  ({ groups } = await loadGroups(path.join(SHIPPED_KNOWLEDGE, "groups")));
});

const everywhere = { groupIds: null };

describe("resolveIntroductionRequest", () => {
  it("uses the channel's group when no group is named", () => {
    const resolved = resolveIntroductionRequest("", groups, { groupIds: ["halsam-vasternorrland"] });
    expect(resolved).toMatchObject({ group: { id: "halsam-vasternorrland" }, role: null });
  });

  it("uses the group chosen in the conversation when only a role is named, where everything may be seen", () => {
    const resolved = resolveIntroductionRequest("ersättare", groups, {
      groupIds: null,
      home: ["laholm-samverkansberedning"],
    });
    expect(resolved).toMatchObject({ group: { id: "laholm-samverkansberedning" }, role: "ersättare" });
    // A group named in the words wins over the chosen one.
    expect(
      resolveIntroductionRequest("HälSam", groups, { groupIds: null, home: ["laholm-samverkansberedning"] }),
    ).toMatchObject({ group: { id: "halsam-vasternorrland" } });
  });

  it("reads a group id, a group name, a role, or both in the member's own words", () => {
    expect(resolveIntroductionRequest("laholm-samverkansberedning", groups, everywhere)).toMatchObject({
      group: { id: "laholm-samverkansberedning" },
    });
    expect(resolveIntroductionRequest("HälSam", groups, everywhere)).toMatchObject({
      group: { id: "halsam-vasternorrland" },
    });
    expect(
      resolveIntroductionRequest("ersättare", groups, {
        groupIds: ["norrbotten-politisk-samverkansberedning"],
      }),
    ).toMatchObject({ group: { id: "norrbotten-politisk-samverkansberedning" }, role: "ersättare" });
    expect(
      resolveIntroductionRequest("Jag är ny ersättare i Norrbottens samverkansberedning", groups, everywhere),
    ).toMatchObject({ group: { id: "norrbotten-politisk-samverkansberedning" }, role: "ersättare" });
  });

  it("asks which group when it cannot tell, listing the groups", () => {
    const resolved = resolveIntroductionRequest("", groups, everywhere);
    expect("problem" in resolved && resolved.problem).toMatch(
      /^Vilken grupp vill du ha en introduktion till\?/,
    );
    expect("problem" in resolved && resolved.problem).toContain(
      "halsam-vasternorrland (HälSam Västernorrland)",
    );
  });

  it("does not show an internal group's introduction in another group's channel", () => {
    const resolved = resolveIntroductionRequest("HälSam", groups, {
      groupIds: ["laholm-samverkansberedning"],
    });
    expect(resolved).toEqual({
      problem: "Introduktionen till HälSam Västernorrland kan bara visas i gruppens egna kanaler.",
    });
    expect(
      resolveIntroductionRequest("region-halland-lokala-namnder", groups, {
        groupIds: ["laholm-samverkansberedning"],
      }),
    ).toMatchObject({ group: { id: "region-halland-lokala-namnder" } });
  });
});
