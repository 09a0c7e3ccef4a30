import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stemSwedish } from "../../src/text/index.ts";

// Word/stem pairs sampled from the Snowball project's own Swedish test vocabulary (see the header
// of the fixture for the source and commit).
const samplePairs = readFileSync(new URL("./fixtures/snowball-swedish-sample.tsv", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "" && !line.startsWith("#"))
  .map((line) => line.split("\t") as [string, string]);

describe("stemSwedish", () => {
  it("agrees with the reference Snowball output on the sample vocabulary", () => {
    expect(samplePairs.length).toBeGreaterThan(250);
    const disagreements = samplePairs
      .map(([word, stem]) => ({ word, expected: stem, actual: stemSwedish(word) }))
      .filter((pair) => pair.actual !== pair.expected);
    expect(disagreements).toEqual([]);
  });

  it("gives the inflections of a word one stem", () => {
    const forms = ["beredning", "beredningen", "beredningens", "beredningar", "beredningarna"];
    expect(new Set(forms.map(stemSwedish))).toEqual(new Set(["beredning"]));
    expect(stemSwedish("mötet")).toBe(stemSwedish("möten"));
  });

  it("removes -et and -ets only where the stem allows it", () => {
    expect(stemSwedish("arbetet")).toBe("arbet");
    expect(stemSwedish("brevets")).toBe("brev");
    expect(stemSwedish("frihet")).toBe("frihet");
    expect(stemSwedish("paket")).toBe("paket");
  });

  it("leaves words without a region to stem untouched", () => {
    expect(stemSwedish("hsn")).toBe("hsn");
    expect(stemSwedish("år")).toBe("år");
    expect(stemSwedish("")).toBe("");
  });
});
