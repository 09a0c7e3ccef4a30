import { describe, expect, it } from "vitest";
import { coverage, weighQueryWords } from "../../src/answer/query-words.ts";
import { questionWords } from "../../src/answer/question-words.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const uniform = (terms: readonly string[]) => ({
  frequencies: new Map(terms.map((term) => [term, 1])),
  total: 10,
});
const words = (question: string) => weighQueryWords(analyzer.analyzeWords(question), uniform);
const terms = (sentence: string) => new Set(analyzer.analyze(sentence));

describe("coverage", () => {
  it("counts a compound ending in the asked word as most of a match", () => {
    // Plan- och bygglagen writes "Kommunfullmäktige"; members ask about "fullmäktige".
    const question = words("fullmäktige");
    const result = coverage(question, terms("Kommunfullmäktige ska anta en planeringsstrategi."));
    expect(result.covered).toHaveLength(1);
    expect(result.weight).toBeGreaterThan(0.5 * (question[0]?.weight ?? 0));
    expect(result.weight).toBeLessThan(question[0]?.weight ?? 0);
  });

  it("counts another inflection of a Latin loan the stemmer leaves apart, not a derived word", () => {
    // HälSam: "Den sammankallande utses av presidiet"; members ask about the "presidium".
    const presidium = words("presidium");
    expect(coverage(presidium, terms("Den sammankallande utses av presidiet.")).covered).toHaveLength(1);
    expect(coverage(words("strategi"), terms("Tre strategiska områden.")).covered).toEqual([]);
  });

  it("does not match short stems inside longer words", () => {
    expect(coverage(words("tid"), terms("Uppsägningstiden är sex månader.")).covered).toEqual([]);
  });
});

describe("coverage of particle verbs", () => {
  it("counts the noun of a particle verb as most of a match", () => {
    // Norrbotten's agreement: "… med en ömsesidig uppsägningstid av sex månader."
    const [verb] = words("säga");
    if (verb === undefined) throw new Error("no word");
    const sentence = terms(
      "Överenskommelsen gäller tillsvidare med en ömsesidig uppsägningstid av sex månader.",
    );
    expect(coverage([verb], sentence).covered).toEqual([]);
    const result = coverage([{ ...verb, beginnings: ["uppsäg"] }], sentence);
    expect(result.covered).toEqual([verb.whole]);
    expect(result.weight).toBeLessThan(verb.weight);
  });
});

describe("weighQueryWords", () => {
  it("weighs a word the documents never use by its synonym, discounted", () => {
    // "stöttar" is never written; "bistås" is.
    const stöttar = analyzer.analyzeWords("stöttar")[0]?.[0] ?? "";
    const bistås = analyzer.analyzeWords("bistås")[0]?.[0] ?? "";
    const frequencies = (terms: readonly string[]) => ({
      frequencies: new Map(terms.map((term) => [term, term === bistås ? 1 : 0])),
      total: 10,
    });
    expect(weighQueryWords([[stöttar]], frequencies)).toEqual([]);
    const [word] = weighQueryWords([[stöttar]], frequencies, () => new Map([[bistås, 0.36]]));
    const [synonym] = weighQueryWords([[bistås]], frequencies);
    expect(word?.weight).toBeGreaterThan(0);
    expect(word?.weight).toBeLessThan(synonym?.weight ?? 0);
    expect(
      coverage(word ? [word] : [], terms("Samverkansberedningen bistås av kommunchefen.")).covered,
    ).toEqual([stöttar]);
  });
});

describe("questionWords", () => {
  it("counts every synonym retrieval found, also those beyond the ones it searched with", () => {
    // In a statute corpus one-step synonyms of "träffas" fill the search; "sammanträde" is two steps away.
    const träffas = analyzer.analyzeWords("träffas")[0]?.[0] ?? "";
    const sammanträde = analyzer.analyzeWords("sammanträde")[0]?.[0] ?? "";
    const [word] = questionWords(
      "Hur ofta träffas beredningen?",
      {
        passages: [],
        queryTerms: [],
        expansions: [],
        alternatives: [{ term: sammanträde, source: träffas, kind: "synonym", credit: 0.36 }],
      },
      analyzer,
      { documentFrequencies: uniform },
    );
    expect(word?.whole).toBe(träffas);
    expect(word?.alternatives.get(sammanträde)).toBe(0.36);
  });

  it("asks no answer to repeat the words that only frame the question", () => {
    const empty = { passages: [], queryTerms: [], expansions: [] };
    const asked = (question: string) =>
      questionWords(question, empty, analyzer, { documentFrequencies: uniform }).map((word) => word.whole);
    const stems = (text: string) => analyzer.analyzeWords(text).map(([whole]) => whole);
    expect(asked("Hur snabbt måste kommunen svara?")).toEqual(stems("kommunen svara"));
    expect(asked("Vad blev resultatet under årets första kvartal?")).toEqual(
      stems("resultatet första kvartal"),
    );
  });
});

describe("coverage of word forms", () => {
  it("counts 'sammankallande' as a form of the asked 'kallar'", () => {
    // HälSam: "… ett presidium bestående av tre ordförande (en sammankallande)."
    const question = words("Vem kallar till mötena?");
    const result = coverage(question, terms("Presidiet består av tre ordförande (en sammankallande)."));
    expect(result.covered).toContain(analyzer.analyzeWords("kallar")[0]?.[0]);
  });

  it("counts a compound ending in the older form of an asked person noun", () => {
    // Laholm: "Samverkansberedningen bistås av … samt nämndtjänsteman för lokal nämnd i Laholm."
    const question = words("tjänstepersoner");
    const result = coverage(question, terms("Beredningen bistås av kommunchefen samt nämndtjänsteman."));
    expect(result.covered).toEqual(["tjänsteperson"]);
    expect(result.weight).toBeLessThan(question[0]?.weight ?? 0);
  });
});

describe("questionWords and support verbs", () => {
  it("weighs a support verb far below the noun it supports", () => {
    const empty = { passages: [], queryTerms: [], expansions: [] };
    const asked = questionWords("Vem ger oss vårt uppdrag?", empty, analyzer, {
      documentFrequencies: uniform,
    });
    const weight = (whole: string) => asked.find((word) => word.whole === whole)?.weight ?? 0;
    expect(weight("ger")).toBeGreaterThan(0);
    expect(weight("ger")).toBeLessThan(0.5 * weight("uppdrag"));
  });

  it("counts no synonym of a bare support verb, and weighs a particle verb's verb a quarter", () => {
    const empty = { passages: [], queryTerms: [], expansions: [] };
    const ger = analyzer.analyzeWords("ger")[0]?.[0] ?? "";
    const lämnas = analyzer.analyzeWords("lämnas")[0]?.[0] ?? "";
    const retrieval = {
      ...empty,
      expansions: [{ term: lämnas, source: ger, kind: "synonym" as const, credit: 0.6 }],
    };
    const asked = questionWords("Vem ger oss vårt uppdrag?", retrieval, analyzer, {
      documentFrequencies: uniform,
    });
    expect(asked.find((word) => word.whole === ger)?.alternatives.size).toBe(0);
    const particle = questionWords("Vem tar fram underlaget?", empty, analyzer, {
      documentFrequencies: uniform,
    });
    const weight = (whole: string) => particle.find((word) => word.whole === whole)?.weight ?? 0;
    expect(weight("tar")).toBeCloseTo(0.25 * weight("underlag"));
  });

  it("keeps the weight of a support verb that is the question's only word", () => {
    const empty = { passages: [], queryTerms: [], expansions: [] };
    const [only] = questionWords("Vem ger?", empty, analyzer, { documentFrequencies: uniform });
    expect(only?.weight).toBeGreaterThan(0.5);
  });
});
