import { describe, expect, it } from "vitest";
import { declineAnswer, nameSecretaries } from "../../src/answer/decline.ts";

describe("a decline's secretary", () => {
  it("names the group's secretaries, with their e-mail when known", () => {
    const named = nameSecretaries(declineAnswer([], "sv"), [
      { name: "Anna Berg", email: "anna.berg@example.se" },
      { name: "Per Ek" },
    ]);
    expect(named.text).toContain(
      "Kontrollera gärna med gruppens sekreterare Anna Berg (anna.berg@example.se) eller Per Ek, eller i originaldokumenten.",
    );
    expect(named.text).not.toContain("nämndsekreteraren");
  });

  it("keeps the general wording without a secretary, and leaves answers alone", () => {
    const decline = declineAnswer([], "sv");
    expect(nameSecretaries(decline, [])).toEqual(decline);
    const answer = { ...decline, abstained: false, text: "Svar [1]." };
    expect(nameSecretaries(answer, [{ name: "Anna Berg" }])).toEqual(answer);
  });
});
