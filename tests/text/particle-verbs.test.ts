import { describe, expect, it } from "vitest";
import { createSwedishAnalyzer, particleVerbs } from "../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const joined = (text: string) => particleVerbs(text, analyzer).map((verb) => verb.joined);

describe("particleVerbs", () => {
  it("joins particle and verb the way the nouns of the documents begin", () => {
    expect(joined("Hur lång tid i förväg måste den säga upp överenskommelsen?")).toEqual(["uppsäg"]);
    expect(joined("Vem kallar samman beredningen?")).toEqual(["sammankall"]);
    expect(joined("Vem skriver ut patienten?")).toEqual(["utskriv"]);
    expect(joined("När ska planen följas upp?")).toEqual(["uppfölj"]);
  });

  it("leaves out short verbs whose joined stem begins unrelated words", () => {
    // "ta av" would give "avta…", the beginning of "avtal".
    expect(joined("Vem ska ta av kostnaden?")).toEqual([]);
  });
});
