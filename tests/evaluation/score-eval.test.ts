import { describe, expect, it } from "vitest";
import type { EvalResultLine } from "../../src/evaluation/eval-records.ts";
import { containsFact, scoreEval, scoringTokens, supports } from "../../src/evaluation/score-eval.ts";

const quote =
  "Samverkansberedningen arbetar utifrån en fastlagd sammanträdesplan med fyra möten per år genom kallelse av kommunstyrelsens ordförande.";

describe("scoring", () => {
  it("normalises number words, 'tills vidare' and thousand separators", () => {
    expect(scoringTokens("Fyra möten, tills vidare, 1 222 tkr")).toEqual([
      "4",
      "möten",
      "tillsvidare",
      "1222",
      "tkr",
    ]);
  });

  it("counts a passage as support when it shares eight consecutive tokens with a quote", () => {
    expect(supports(`Inledning. ${quote} Mer text.`, [quote])).toBe(true);
    expect(supports("Kommunstyrelsens ordförande kallar till möten.", [quote])).toBe(false);
  });

  it("matches facts case-insensitively", () => {
    expect(
      containsFact("Det är Kommunstyrelsens ordförande som kallar.", "kommunstyrelsens ordförande"),
    ).toBe(true);
    expect(containsFact("Fyra möten per år.", "fyra")).toBe(true);
  });

  it("computes hit rates, correctness and abstention from result lines", () => {
    const questions = [
      {
        id: "q1",
        question: "Vem kallar?",
        docs: [],
        quotes: [quote],
        facts: ["kommunstyrelsens ordförande"],
      },
      { id: "q2", question: "Telefonnummer?", docs: [], quotes: [], facts: [] },
    ];
    const line = (id: string, partial: Partial<EvalResultLine>): EvalResultLine => ({
      id,
      answer: "",
      abstained: false,
      citations: [],
      retrieved: [],
      latency_ms: 1,
      ...partial,
    });
    const results = new Map([
      [
        "q1",
        line("q1", {
          answer: "Kommunstyrelsens ordförande kallar [1].",
          citations: [{ doc: "a", title: "A", section: null, page: null, text: quote }],
          retrieved: [
            { doc: "b", text: "Något annat helt och hållet.", score: 2 },
            { doc: "a", text: quote, score: 1 },
          ],
        }),
      ],
      ["q2", line("q2", { abstained: true })],
    ]);
    const metrics = scoreEval(questions, results);
    expect(metrics["hit@1"]).toBe(0);
    expect(metrics["hit@5"]).toBe(1);
    expect(metrics["mrr@10"]).toBe(0.5);
    expect(metrics.answer_correct).toBe(1);
    expect(metrics.citation_precision).toBe(1);
    expect(metrics.abstain_accuracy).toBe(1);
    expect(metrics.over_abstain).toBe(0);
  });
});
