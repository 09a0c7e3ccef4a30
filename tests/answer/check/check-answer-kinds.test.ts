import { describe, expect, it } from "vitest";
import { checkAnswer } from "../../../src/answer/check/check-answer.ts";
import { ExtractiveAnswerComposer } from "../../../src/answer/extractive-answer-composer.ts";
import { questionWords } from "../../../src/answer/question-words.ts";
import type { RetrievedPassage } from "../../../src/retrieval/hybrid-retriever.ts";
import { createSwedishAnalyzer, loadDefaultLexicon } from "../../../src/text/index.ts";
import { retrievedPassage } from "../../builders/passages.ts";
import { CHAIR, MEMBERS, OFFICE, OPINIONS, QUORUM, TERMS } from "./statute-passages.ts";

const analyzer = createSwedishAnalyzer();
const lexicon = loadDefaultLexicon();
const composer = new ExtractiveAnswerComposer(analyzer);
const ALL = [MEMBERS, TERMS, QUORUM, OPINIONS, OFFICE, CHAIR];

/** Composes the offline answer over passages indexed alone, and checks it as the answer service does. */
async function ask(question: string, passages: readonly RetrievedPassage[] = ALL) {
  const indexed = new Set(
    passages.flatMap((passage) => analyzer.analyze(`${passage.document.title}\n${passage.chunk.text}`)),
  );
  const keywords = {
    documentFrequencies: (terms: readonly string[]) => ({
      frequencies: new Map(terms.map((term) => [term, indexed.has(term) ? 1 : 0])),
      total: 10,
    }),
  };
  const queryWords = questionWords(
    question,
    { passages: [], queryTerms: [], expansions: [] },
    analyzer,
    keywords,
  );
  const answer = await composer.compose({ question, passages: [...passages], queryWords, language: "sv" });
  const check = checkAnswer(question, answer, queryWords, analyzer, lexicon, (term) => indexed.has(term));
  return { answer, check, declined: answer.abstained || check !== null };
}

describe("the answer check on a body named in other words", () => {
  it("answers about 'ungdomsnämnden' from a statute that says 'nämnden för ungdomsfrågor'", async () => {
    for (const [question, expected] of [
      ["Hur många ledamöter har ungdomsnämnden?", "nio"],
      ["Hur länge sitter ledamöterna i ungdomsnämnden?", "tre år"],
    ] as const) {
      const { answer, declined } = await ask(question);
      expect(declined, question).toBe(false);
      expect(answer.text, question).toContain(expected);
    }
  });

  it("still declines a compound body no passage names, however the rest matches", async () => {
    const { declined } = await ask("Hur många ledamöter har idrottsnämnden?");
    expect(declined).toBe(true);
  });
});

describe("the answer check on the kind of datum asked", () => {
  it("declines 'hur lång tid' when the cited sentence states no length of time", async () => {
    const { declined, check, answer } = await ask("Hur lång tid tar det att få ett yttrande från nämnden?");
    expect(declined).toBe(true);
    if (!answer.abstained) expect(check).toEqual({ reason: "kind-not-given", word: "duration" });
  });

  it("answers 'hur länge' when the cited sentence states one", async () => {
    const { declined, answer } = await ask("Hur länge förordnas ledamöterna?");
    expect(declined).toBe(false);
    expect(answer.text).toContain("högst tre år");
  });

  it("declines 'var ligger' when the cited sentence names no place, and answers when one does", async () => {
    expect((await ask("Var ligger nämndens kansli?")).declined).toBe(true);
    const located = retrievedPassage("Nämndens kansli ligger i Göteborg.", {
      rowid: 7,
      title: OFFICE.document.title,
    });
    const { declined, answer } = await ask("Var ligger nämndens kansli?", [OFFICE, located]);
    expect(declined).toBe(false);
    expect(answer.text).toContain("Göteborg");
  });

  it("declines 'hur mycket' when the cited sentences state no sum", async () => {
    const budget = retrievedPassage(
      "Utvecklingsmedel visar ett utfall som är lägre än budget. Nämnden fördelar medlen till föreningarna.",
      { rowid: 8, title: "Uppföljningsrapport" },
    );
    expect((await ask("Hur mycket får varje förening i utvecklingsmedel?", [budget])).declined).toBe(true);
    const sum = retrievedPassage("Varje förening får 40 000 kronor i utvecklingsmedel per år.", {
      rowid: 9,
      title: "Uppföljningsrapport",
    });
    expect((await ask("Hur mycket får varje förening i utvecklingsmedel?", [budget, sum])).declined).toBe(
      false,
    );
  });

  it("answers 'hur många måste vara närvarande' with a share ('minst hälften')", async () => {
    const { declined, answer } = await ask(
      "Hur många måste vara närvarande för att nämnden ska kunna besluta?",
    );
    expect(declined).toBe(false);
    expect(answer.text).toContain("hälften");
  });

  it("answers 'vem är ordförande' with the post that stands in ('ska vice ordförande vara ordförande')", async () => {
    const { declined, answer } = await ask("Vem är ordförande vid ordförandens frånvaro?", [MEMBERS, CHAIR]);
    expect(declined).toBe(false);
    expect(answer.text).toContain("vice ordförande vara ordförande");
  });
});

describe("the answer check on the period asked", () => {
  const QUARTER = retrievedPassage(
    "Nämndens resultat för perioden januari-mars är plus 68 tkr. Prognosen för helåret lämnas i augusti.",
    { title: "Uppföljningsrapport 1 2018", headings: ["Ekonomi"], rowid: 10 },
  );
  const QUARTER_ONLY = retrievedPassage("Nämndens resultat för perioden januari-mars är plus 68 tkr.", {
    title: "Uppföljningsrapport 1 2018",
    headings: ["Ekonomi"],
    rowid: 11,
  });

  it("declines a full-year question answered with a quarter's figures", async () => {
    const { declined, check, answer } = await ask("Vad blev nämndens resultat för helåret?", [QUARTER_ONLY]);
    expect(declined).toBe(true);
    if (!answer.abstained) expect(check?.reason).toBe("period-not-addressed");
  });

  it("answers a question about the first quarter with that quarter's figures", async () => {
    const { declined, answer } = await ask("Vad blev nämndens resultat för första kvartalet?", [
      QUARTER_ONLY,
    ]);
    expect(declined).toBe(false);
    expect(answer.text).toContain("68 tkr");
  });

  it("does not judge a period the cited sentences never name", async () => {
    const plain = retrievedPassage("Nämndens resultat är plus 68 tkr.", { title: "Rapport", rowid: 12 });
    expect((await ask("Vad blev nämndens resultat för helåret?", [plain])).check).toBeNull();
    expect((await ask("Vad blev nämndens resultat för helåret?", [QUARTER])).check?.reason).not.toBe(
      "period-not-addressed",
    );
  });
});
