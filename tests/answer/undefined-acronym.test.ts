import { describe, expect, it } from "vitest";
import { askedAcronym } from "../../src/answer/undefined-acronym.ts";

describe("askedAcronym", () => {
  it.each([
    ["Vad står NT för i Laholmsnämndens uppföljningsrapport?", "NT"],
    ["Vad betyder KS?", "KS"],
    ["Vad är FaR?", "FaR"],
    ["Vad menas med förkortningen HSN?", "HSN"],
    ["What does RUN stand for?", "RUN"],
  ])("%s asks what %s stands for", (question, acronym) => {
    expect(askedAcronym(question)).toBe(acronym);
  });

  it.each([
    "Vad står det i överenskommelsen?",
    "Vad är en HSN-ledamot?",
    "Vad är Laholmsnämndens uppdrag?",
    "Vad gör KS med rapporten?",
  ])("%s asks about no acronym's meaning", (question) => {
    expect(askedAcronym(question)).toBeNull();
  });
});
