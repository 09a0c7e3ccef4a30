import { describe, expect, it } from "vitest";
import { groupNameTerms } from "../../../src/answer/understand/group-name-terms.ts";
import { createSwedishAnalyzer } from "../../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();

describe("groupNameTerms", () => {
  it("keeps the words of the group's name that its member organisations do not share", () => {
    expect(
      groupNameTerms({ name: "Region Hallands lokala nämnder", organisations: ["Region Halland"] }, analyzer),
    ).toEqual(["lokal", "nämnd"]);
    expect(
      groupNameTerms(
        { name: "Samverkansberedningen i Laholm", organisations: ["Laholms kommun", "Region Halland"] },
        analyzer,
      ),
    ).toEqual(["samverkansberedning"]);
  });

  it("is empty when the name is only the members' names", () => {
    expect(groupNameTerms({ name: "Laholm", organisations: ["Laholms kommun"] }, analyzer)).toEqual([]);
  });
});
