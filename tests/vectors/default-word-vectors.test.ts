import { describe, expect, it } from "vitest";
import { createSwedishAnalyzer } from "../../src/text/index.ts";
import { loadDefaultWordVectors } from "../../src/vectors/default-word-vectors.ts";
import { expandTerms } from "../../src/vectors/expand-terms.ts";
import { WordVectorEmbedder } from "../../src/vectors/word-vector-embedder.ts";

const analyzer = createSwedishAnalyzer();
const stem = (word: string): string => analyzer.analyze(word)[0] ?? word;
const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe("the shipped Swedish word vectors", () => {
  it("load quickly and were trained on this analyzer's terms", () => {
    const started = performance.now();
    const model = loadDefaultWordVectors();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(loadDefaultWordVectors()).toBe(model);
    expect(model.size).toBeGreaterThan(10_000);
    expect(model.metadata.analyzerVersion).toBe(analyzer.version);
    expect(model.metadata.provenance.corpus).toMatch(/SFS/);
  });

  it.each([
    ["ledamot", "suppleant"],
    ["ersättare", "ledamot"],
    ["bygglov", "rivningslov"],
    ["förskola", "fritidshem"],
    ["sammanträde", "ordförande"],
    ["föräldrar", "vårdnadshavare"],
  ])("count %s and %s as neighbours", (word, expected) => {
    const neighbours = loadDefaultWordVectors()
      .nearest(stem(word), 10)
      .map((neighbour) => neighbour.term);
    expect(neighbours).toContain(stem(expected));
  });

  it("embed an everyday question closer to the statute sentence it paraphrases than to an unrelated one", () => {
    const embedder = new WordVectorEmbedder(loadDefaultWordVectors(), (text) => analyzer.analyze(text));
    const question = embedder.embedOne("Vem bestämmer vilka som sitter i nämnderna?");
    const answer = embedder.embedOne("Fullmäktige väljer ledamöter och ersättare i nämnderna.");
    const unrelated = embedder.embedOne(
      "Bygglov krävs för tillbyggnad av en byggnad inom detaljplanelagt område.",
    );
    expect(dot(question, answer)).toBeGreaterThan(dot(question, unrelated));
  });

  it("expand an everyday query term to the administrative one", () => {
    const model = loadDefaultWordVectors();
    const added = expandTerms(model, analyzer.queryTerms("Måste föräldrarna godkänna bytet?"), {
      perTerm: 5,
      minSimilarity: 0.5,
    }).map((expansion) => expansion.term);
    expect(added).toContain(stem("vårdnadshavare"));
  });
});
