import { describe, expect, it } from "vitest";
import { takesPartIn } from "../../src/onboarding/aspects.ts";
import type { Entity } from "../../src/onboarding/entities.ts";

function body(stem: string): Entity {
  return {
    key: stem,
    name: stem,
    phrase: stem,
    isGroup: false,
    mention: new RegExp(`(?<!\\p{L})${stem}\\p{L}*`, "iu"),
    documents: null,
  };
}

describe("takesPartIn", () => {
  it("reads 'A deltar i B' as who is in B, not in A", () => {
    const sentence = "Lokal nämnd i Laholm deltar vid behov i andra samverkansformer.";
    expect(takesPartIn(sentence, body("nämnd"))).toBe(false);
    const other = "Presidiet deltar i samverkansberedningen.";
    expect(takesPartIn(other, body("samverkansberedning"))).toBe(true);
    expect(takesPartIn(other, body("presidi"))).toBe(false);
  });

  it("counts the body as the place in 'I nätverket deltar …' and as the one helped in 'bistås av'", () => {
    expect(takesPartIn("I nätverket deltar kommunstrateg och kvalitetsutvecklare.", body("nätverk"))).toBe(
      true,
    );
    expect(takesPartIn("Beredningen bistås av kommunchefen.", body("beredning"))).toBe(true);
  });

  it("keeps sentences that state the make-up outright, whoever is the subject", () => {
    expect(takesPartIn("Beredningen består av presidierna och deltar i länsforum.", body("beredning"))).toBe(
      true,
    );
  });
});
