import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../../src/answer/answer.ts";
import { formatAnswer } from "../../../src/surfaces/cli/format-answer.ts";

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    documentId: "overenskommelse.md",
    chunkId: `overenskommelse.md#${n}`,
    title: "Överenskommelse om samverkan",
    section: "Mål",
    page: null,
    quote: "Parterna ska samverka kring gemensamma frågor.",
    source: null,
    date: null,
    ...overrides,
  };
}

function answer(overrides: Partial<Answer>): Answer {
  return { text: "Svar [1].", citations: [], abstained: false, closest: [], language: "sv", ...overrides };
}

describe("sources of an answer in the terminal", () => {
  it("dates each source at the precision its document gives, and leaves an undated one undated", () => {
    const text = formatAnswer(
      answer({
        text: "Parterna samverkar [1][2][3][4].",
        citations: [
          citation(1, { date: "2019-05" }),
          citation(2, { title: "Reglemente", date: "2021-03-12", page: 3 }),
          citation(3, { title: "Uppföljningsrapport", date: "2021", section: null }),
          citation(4, { title: "Arbetsordning" }),
        ],
      }),
    );
    expect(text).toContain("[1] Överenskommelse om samverkan (maj 2019), § Mål");
    expect(text).toContain("[2] Reglemente (12 mars 2021), § Mål, s. 3");
    expect(text).toContain("[3] Uppföljningsrapport (2021)\n");
    expect(text).toContain("[4] Arbetsordning, § Mål\n");
  });

  it("dates the closest passages when it declines", () => {
    const text = formatAnswer(
      answer({
        text: "Det finns inte i underlaget.",
        abstained: true,
        closest: [
          {
            documentId: "r.md",
            chunkId: "r.md#0",
            title: "Reglemente",
            section: null,
            page: null,
            excerpt: "Nämnden sammanträder vid behov.",
            source: null,
            date: "2016-12-01",
          },
        ],
      }),
    );
    expect(text).toContain("1. Reglemente (1 december 2016)\n");
  });
});
