import { describe, expect, it } from "vitest";
import { checkCitations } from "../../src/answer/check-citations.ts";

describe("checkCitations", () => {
  it("removes a citation to a passage that was never retrieved", () => {
    const checked = checkCitations("Ordföranden kallar [1]. Mötet är i Luleå [7].", 3);
    expect(checked.text).toBe("Ordföranden kallar [1]. Mötet är i Luleå.");
    expect(checked.removed).toEqual([7]);
    expect(checked.passageNumbers).toEqual([1]);
  });

  it("renumbers valid citations in order of appearance", () => {
    const checked = checkCitations("Fyra möten per år [3]. Kallas av ordföranden [1, 3].", 3);
    expect(checked.text).toBe("Fyra möten per år [1]. Kallas av ordföranden [2][1].");
    expect(checked.passageNumbers).toEqual([3, 1]);
  });

  it("reports no citations when the model cited nothing", () => {
    expect(checkCitations("Det vet jag inte.", 4).passageNumbers).toEqual([]);
  });
});
