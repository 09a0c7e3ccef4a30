import { describe, expect, it } from "vitest";
import { questionParts } from "../../src/answer/question-parts.ts";

describe("questionParts", () => {
  it("splits a question that asks two things", () => {
    expect(questionParts("Vad är en lokal nämnd i Region Halland, och hur många finns det?")).toEqual([
      "Vad är en lokal nämnd i Region Halland",
      "hur många finns det?",
    ]);
    expect(questionParts("På vems uppdrag verkar nämnderna och hur många nämnder finns det?")).toHaveLength(
      2,
    );
    expect(questionParts("Kan jag hamna i HälSams presidium, och i så fall för hur länge?")).toEqual([
      "Kan jag hamna i HälSams presidium",
      "för hur länge?",
    ]);
  });

  it("keeps a condition and its question together", () => {
    const question =
      "Om en part vill lämna samarbetet, hur lång tid i förväg måste den säga upp överenskommelsen?";
    expect(questionParts(question)).toEqual([question]);
  });

  it("splits only the asking sentence, not the scene before it", () => {
    expect(
      questionParts(
        "Jag har just valts in i socialberedningen och ska sitta i beredningen. Vad är dess uppdrag?",
      ),
    ).toEqual([
      "Jag har just valts in i socialberedningen och ska sitta i beredningen. Vad är dess uppdrag?",
    ]);
  });

  it("does not split a list of names or a two-word tail", () => {
    expect(questionParts("Vem kallar till mötet och när?")).toHaveLength(1);
    expect(questionParts("Vilka ingår i Laholms och Norrbottens beredningar?")).toHaveLength(1);
  });
});
