import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer/answer.ts";
import { checkAnswer } from "../../../src/answer/check/check-answer.ts";
import { ExtractiveAnswerComposer } from "../../../src/answer/extractive-answer-composer.ts";
import { citationFor } from "../../../src/answer/passage-reference.ts";
import { questionWords } from "../../../src/answer/question-words.ts";
import type { RetrievedPassage } from "../../../src/retrieval/hybrid-retriever.ts";
import { createSwedishAnalyzer, loadDefaultLexicon } from "../../../src/text/index.ts";
import { retrievedPassage } from "../../builders/passages.ts";

const analyzer = createSwedishAnalyzer();
const lexicon = loadDefaultLexicon();
const composer = new ExtractiveAnswerComposer(analyzer);

// Sentences of the kind the seed agreements have: members, meetings, who convenes.
const MEMBERS = retrievedPassage(
  "Beredningen består av fem ledamöter från regionstyrelsen och fem ledamöter från kommunerna. " +
    "Beredningen sammanträder minst fyra gånger per år genom kallelse av ordföranden.",
  { title: "Överenskommelse om politisk samverkan", rowid: 1 },
);
const MEETINGS = retrievedPassage(
  "Vid sammanträdena deltar också tjänstepersoner från kommunerna och regionen som stöd till ledamöterna.",
  { title: "Överenskommelse om politisk samverkan", rowid: 2 },
);

/** The words of the question weighed over an index holding every term of `passages` and no other. */
function wordsOver(question: string, passages: readonly RetrievedPassage[]) {
  const indexed = new Set(passages.flatMap((passage) => analyzer.analyze(passage.chunk.text)));
  const keywords = {
    documentFrequencies: (terms: readonly string[]) => ({
      frequencies: new Map(terms.map((term) => [term, indexed.has(term) ? 1 : 0])),
      total: 10,
    }),
  };
  return questionWords(question, { passages: [], queryTerms: [], expansions: [] }, analyzer, keywords);
}

/** Composes the offline answer over the passages and checks it, as the answer service does. */
async function answerAndCheck(question: string, passages: RetrievedPassage[]) {
  const queryWords = wordsOver(question, passages);
  const answer = await composer.compose({ question, passages, queryWords, language: "sv" });
  return { answer, check: checkAnswer(question, answer, queryWords, analyzer, lexicon) };
}

/** An answer quoting one sentence of a passage. */
function quoting(passage: RetrievedPassage, quote: string): Answer {
  return {
    text: `${quote} [1]`,
    citations: [citationFor(passage, 1, quote)],
    abstained: false,
    closest: [],
    language: "sv",
  };
}

describe("checkAnswer", () => {
  it("lets an answer through that addresses what is asked", async () => {
    const { answer, check } = await answerAndCheck("Hur ofta sammanträder beredningen?", [MEMBERS, MEETINGS]);
    expect(answer.abstained).toBe(false);
    expect(answer.text).toContain("fyra gånger per år");
    expect(check).toBeNull();
  });

  it("declines when the question asks about something no document mentions (arvode, jäv, distans)", async () => {
    for (const [question, word] of [
      ["Vilket arvode får ledamöterna i beredningen?", "arvode"],
      ["Vad gäller om en ledamot i beredningen är jävig?", "jävig"],
      ["Får ledamöterna delta i beredningens sammanträden på distans?", "distans"],
    ] as const) {
      const { answer, check } = await answerAndCheck(question, [MEMBERS, MEETINGS]);
      // Without the check a sentence about the members would be quoted as the answer.
      if (!answer.abstained) expect(check).toEqual({ reason: "unknown-topic", word });
    }
    const { answer } = await answerAndCheck("Vilket arvode får ledamöterna i beredningen?", [
      MEMBERS,
      MEETINGS,
    ]);
    expect(answer.abstained).toBe(false);
  });

  it("does not count how the question is put: verbs and adverbs the documents never use", async () => {
    for (const question of [
      "Vilka sitter i beredningen?",
      "Hur ofta kan vi räkna med att beredningen sammanträder?",
      "Vem har valt ledamöterna i beredningen?",
    ]) {
      const { answer, check } = await answerAndCheck(question, [MEMBERS, MEETINGS]);
      expect(answer.abstained, question).toBe(false);
      expect(check, question).toBeNull();
    }
  });

  it("declines an answer whose cited sentence never mentions the asked topic", () => {
    const question = "Ska beredningen föra protokoll vid sammanträdena?";
    const minutes = retrievedPassage(
      "Vid beredningens sammanträden förs protokoll av regionens sekreterare.",
      {
        rowid: 3,
        title: "Arbetsordning",
      },
    );
    const queryWords = wordsOver(question, [MEMBERS, MEETINGS, minutes]);
    expect(
      checkAnswer(question, quoting(MEETINGS, MEETINGS.chunk.text), queryWords, analyzer, lexicon),
    ).toEqual({
      reason: "topic-not-addressed",
      word: expect.any(String),
    });
    expect(
      checkAnswer(question, quoting(minutes, minutes.chunk.text), queryWords, analyzer, lexicon),
    ).toBeNull();
  });

  it("counts a compound the lexicon has no forms of as a topic noun ('utvecklingsmedel')", () => {
    const question = "Vilka utvecklingsmedel får beredningen?";
    const funds = retrievedPassage("Beredningen får utvecklingsmedel från regionstyrelsen efter ansökan.", {
      rowid: 8,
      title: "Budget",
    });
    const queryWords = wordsOver(question, [MEMBERS, MEETINGS, funds]);
    expect(
      checkAnswer(question, quoting(MEETINGS, MEETINGS.chunk.text), queryWords, analyzer, lexicon),
    ).toEqual({ reason: "topic-not-addressed", word: "utvecklingsmedel" });
    expect(checkAnswer(question, quoting(funds, funds.chunk.text), queryWords, analyzer, lexicon)).toBeNull();
  });

  it("declines an administrative noun no document uses when the cited sentence holds no synonym of it either", () => {
    const question = "Vad får ledamöterna i beredningen i ersättning?";
    const payments = retrievedPassage("Betalning till leverantörer sker inom 30 dagar.", {
      rowid: 9,
      title: "Rutin",
    });
    const indexed = new Set(
      [MEMBERS, MEETINGS, payments].flatMap((passage) => analyzer.analyze(passage.chunk.text)),
    );
    const keywords = {
      documentFrequencies: (terms: readonly string[]) => ({
        frequencies: new Map(terms.map((term) => [term, indexed.has(term) ? 1 : 0])),
        total: 10,
      }),
    };
    // Retrieval expanded "ersättning" with its thesaurus synonym, which one document uses.
    const expansions = [{ term: "betalning", source: "ersättning", kind: "synonym" as const, credit: 0.5 }];
    const queryWords = questionWords(
      question,
      { passages: [], queryTerms: [], expansions },
      analyzer,
      keywords,
    );
    const isIndexed = (term: string) => indexed.has(term);
    expect(
      checkAnswer(question, quoting(MEMBERS, MEMBERS.chunk.text), queryWords, analyzer, lexicon, isIndexed),
    ).toEqual({ reason: "unknown-topic", word: "ersättning" });
    expect(
      checkAnswer(question, quoting(payments, payments.chunk.text), queryWords, analyzer, lexicon, isIndexed),
    ).not.toEqual({ reason: "unknown-topic", word: "ersättning" });
  });

  it("does not take an idiom for a topic ('i så fall')", () => {
    const question = "Kan jag sitta i beredningen, och i så fall hur ofta sammanträder den?";
    const queryWords = wordsOver(question, [MEMBERS]);
    const answer = quoting(MEMBERS, MEMBERS.chunk.text);
    expect(checkAnswer(question, answer, queryWords, analyzer, lexicon)).toBeNull();
  });

  it("declines any composer's answer that lacks the datum the question insists on (a name, how often)", () => {
    // As a chat model might answer: the right body, but no name and no frequency.
    const chair = "Vem är ordförande i beredningen?";
    const members = quoting(
      MEMBERS,
      "Beredningen sammanträder minst fyra gånger per år genom kallelse av ordföranden.",
    );
    expect(checkAnswer(chair, members, wordsOver(chair, [MEMBERS]), analyzer, lexicon)).toEqual({
      reason: "kind-not-given",
      word: "person",
    });
    const often = "Hur ofta träffas beredningen?";
    const place = retrievedPassage("Beredningen träffas i regionhuset i Luleå.", { rowid: 10 });
    const support = quoting(place, place.chunk.text);
    expect(checkAnswer(often, support, wordsOver(often, [MEMBERS, place]), analyzer, lexicon)).toEqual({
      reason: "kind-not-given",
      word: "frequency",
    });
    const stated = quoting(
      MEMBERS,
      "Beredningen sammanträder minst fyra gånger per år genom kallelse av ordföranden.",
    );
    expect(checkAnswer(often, stated, wordsOver(often, [MEMBERS, place]), analyzer, lexicon)).toBeNull();
  });

  it("declines a who-question whose cited sentence never speaks of the asked action", () => {
    const question = "Vem kallar till beredningens sammanträden?";
    const urgent = retrievedPassage(
      "Om ett ärende är brådskande avgörs det genom meddelanden mellan ordföranden och två andra ledamöter i beredningen vid sammanträden.",
      { rowid: 11 },
    );
    const queryWords = wordsOver(question, [MEMBERS, urgent]);
    expect(checkAnswer(question, quoting(urgent, urgent.chunk.text), queryWords, analyzer, lexicon)).toEqual({
      reason: "action-not-addressed",
      word: "kallar",
    });
    // "genom kallelse av ordföranden" speaks of it in another form.
    const convened = quoting(
      MEMBERS,
      "Beredningen sammanträder minst fyra gånger per år genom kallelse av ordföranden.",
    );
    expect(checkAnswer(question, convened, queryWords, analyzer, lexicon)).toBeNull();
  });

  it("does not take the noun of a light verb for the topic ('ta ställning')", () => {
    const question = "När måste fullmäktige senast ha tagit ställning till budgeten?";
    const decision = retrievedPassage("Fullmäktige ska besluta om budgeten före utgången av november.", {
      rowid: 6,
      title: "Kommunallag",
    });
    const other = retrievedPassage("Nämnden ska ta ställning till om ärendet ska avgöras.", { rowid: 7 });
    const queryWords = wordsOver(question, [decision, other]);
    expect(
      checkAnswer(question, quoting(decision, decision.chunk.text), queryWords, analyzer, lexicon),
    ).toBeNull();
  });

  it("ignores the scene before the question and filler words", () => {
    const question =
      "Jag är ny i beredningen och undrar fortfarande. Hur ofta sammanträder beredningen egentligen?";
    const queryWords = wordsOver(question, [MEMBERS]);
    const answer = quoting(
      MEMBERS,
      "Beredningen sammanträder minst fyra gånger per år genom kallelse av ordföranden.",
    );
    expect(checkAnswer(question, answer, queryWords, analyzer, lexicon)).toBeNull();
  });

  it("answers who-questions from a signature and from a 'post är post' sentence", async () => {
    // As the Laholm report is signed.
    const signed = retrievedPassage(
      "Laholmsnämnden\n\n____________________________\nMargareta Bengtsson\nOrdförande",
      { title: "Laholmsnämnden uppföljningsrapport 1 2018", headings: ["5 Underskrift"], rowid: 4 },
    );
    const secretary = retrievedPassage(
      "Sekreterare i beredningen är kommunens nämndsekreterare. Beredningen sammanträder fyra gånger per år.",
      { title: "Arbetsordning för beredningen", rowid: 5 },
    );
    for (const [question, expected] of [
      ["Vem är ordförande i Laholmsnämnden?", "Margareta Bengtsson"],
      ["Vem är sekreterare i beredningen?", "nämndsekreterare"],
    ] as const) {
      const { answer, check } = await answerAndCheck(question, [signed, secretary]);
      expect(answer.text, question).toContain(expected);
      expect(check, question).toBeNull();
    }
  });
});
