import { describe, expect, it } from "vitest";
import { HashedNgramEmbedder } from "../../src/index/hashed-ngram-embedder.ts";

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

async function similarity(embedder: HashedNgramEmbedder, a: string, b: string): Promise<number> {
  const [first, second] = await embedder.embed([a, b], "passage");
  return dot(first as Float32Array, second as Float32Array);
}

describe("HashedNgramEmbedder", () => {
  it("places inflected forms closer together than unrelated words", async () => {
    const embedder = new HashedNgramEmbedder();
    const inflected = await similarity(embedder, "samverkansberedningen", "samverkansberedning");
    const unrelated = await similarity(embedder, "samverkansberedningen", "budgetuppföljning");
    expect(inflected).toBeGreaterThan(0.3);
    expect(inflected).toBeGreaterThan(unrelated + 0.3);
  });

  it("relates a compound to its parts", async () => {
    const embedder = new HashedNgramEmbedder();
    const part = await similarity(embedder, "samverkansberedningen", "beredningen");
    const unrelated = await similarity(embedder, "samverkansberedningen", "färdtjänsten");
    expect(part).toBeGreaterThan(unrelated);
  });

  it("ranks the passage that answers a question above an unrelated one", async () => {
    const embedder = new HashedNgramEmbedder();
    const [query] = await embedder.embed(["När sammanträder samverkansberedningen?"], "query");
    const [answer, other] = await embedder.embed(
      [
        "Samverkansberedningen sammanträder fyra gånger per år, i mars, juni, september och december.",
        "Färdtjänst beviljas den som har väsentliga svårigheter att resa med allmänna kommunikationer.",
      ],
      "passage",
    );
    expect(dot(query as Float32Array, answer as Float32Array)).toBeGreaterThan(
      dot(query as Float32Array, other as Float32Array),
    );
  });

  it("returns unit-length vectors of the configured size, in input order", async () => {
    const embedder = new HashedNgramEmbedder({ dimensions: 256 });
    const texts = ["Regionstyrelsen", "Ett längre stycke om hälso- och sjukvård i länet.", "2024"];
    const vectors = await embedder.embed(texts, "passage");
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toHaveLength(256);
      expect(dot(vector, vector)).toBeCloseTo(1, 5);
    }
    expect(vectors[1]).toEqual(embedder.embedOne(texts[1] as string));
  });

  it("gives the same vector in every instance, for queries and passages alike", async () => {
    const text = "Överenskommelsen om samverkan mellan kommunerna och regionen";
    const [first] = await new HashedNgramEmbedder().embed([text], "passage");
    const [second] = await new HashedNgramEmbedder().embed([text], "query");
    expect(Array.from(first as Float32Array)).toEqual(Array.from(second as Float32Array));
  });

  it("embeds the terms the analyzer returns, not the raw text", async () => {
    const stem = (text: string) =>
      text
        .toLowerCase()
        .match(/\p{L}+/gu)
        ?.map((word) => word.slice(0, 6)) ?? [];
    const embedder = new HashedNgramEmbedder({ termsOf: stem, termsId: "prefix6" });
    expect(await similarity(embedder, "beredningen", "beredningarna")).toBeCloseTo(1, 5);
    expect(await similarity(new HashedNgramEmbedder(), "beredningen", "beredningarna")).toBeLessThan(0.9);
  });

  it("names algorithm, version, size and analyzer in its id", () => {
    expect(new HashedNgramEmbedder().id).toBe("hashed-ngram-v1-512");
    expect(new HashedNgramEmbedder({ dimensions: 384 }).id).toBe("hashed-ngram-v1-384");
    expect(new HashedNgramEmbedder({ termsOf: (text) => [text], termsId: "sv-3" }).id).toBe(
      "hashed-ngram-v1-512-sv-3",
    );
  });

  it("returns a zero vector for text without words", async () => {
    const [vector] = await new HashedNgramEmbedder().embed(["  –  "], "query");
    expect(dot(vector as Float32Array, vector as Float32Array)).toBe(0);
  });
});
