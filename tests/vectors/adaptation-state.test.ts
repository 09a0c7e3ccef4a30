import { describe, expect, it } from "vitest";
import { adaptedModel } from "../../src/vectors/adapt-word-vectors.ts";
import {
  type AdaptationState,
  learnAdaptationState,
  updateAdaptationState,
} from "../../src/vectors/adaptation-state.ts";
import { trainWordVectors } from "../../src/vectors/train-word-vectors.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

const OPTIONS = { window: 3, minCount: 3 };

async function baseModel() {
  return trainWordVectors(syntheticCorpus(), { dimensions: 8, window: 3, minCount: 2, seed: 3 });
}

/** Documents by name; the knowledge base before and after an edit are two such maps. */
type Documents = Map<string, string[]>;

function changeBetween(before: Documents, after: Documents) {
  const changed = (name: string) => before.get(name)?.join(" ") !== after.get(name)?.join(" ");
  const containingCalls: string[][] = [];
  return {
    containingCalls,
    change: {
      before: () => [...before].filter(([name]) => changed(name)).map(([, terms]) => terms),
      after: () => [...after].filter(([name]) => changed(name)).map(([, terms]) => terms),
      containing: (terms: ReadonlySet<string>) => {
        containingCalls.push([...terms].sort());
        return [...after.values()].filter((document) => document.some((term) => terms.has(term)));
      },
    },
  };
}

function expectSameState(actual: AdaptationState, expected: AdaptationState): void {
  expect(actual.documentCount).toBe(expected.documentCount);
  expect(new Map([...actual.counts].sort())).toEqual(new Map([...expected.counts].sort()));
  expect([...actual.sums.keys()].sort()).toEqual([...expected.sums.keys()].sort());
  for (const [term, idf] of expected.idf) expect(actual.idf.get(term)).toBeCloseTo(idf, 9);
  for (const [term, sum] of expected.sums) {
    const other = actual.sums.get(term) ?? new Float64Array();
    sum.forEach((value, index) => {
      expect(other[index]).toBeCloseTo(value, 9);
    });
  }
}

describe("updateAdaptationState", () => {
  it("gives the state learned from scratch when documents are added, changed and removed", async () => {
    const base = await baseModel();
    const [first, second, third, fourth] = syntheticCorpus(4, 11, "omega");
    if (!first || !second || !third || !fourth) throw new Error("corpus too small");
    const before: Documents = new Map([
      ["a", [...first, "kvarnö", "kvarnö", "kvarnö"]],
      ["b", [...second, "holmö", "holmö"]],
      ["c", third],
    ]);
    const after: Documents = new Map([
      // "kvarnö" falls under the count threshold, "holmö" reaches it, "omega" gains a document.
      ["a", [...first, "kvarnö"]],
      ["b", [...second, "holmö", "holmö"]],
      ["d", [...fourth, "holmö", "lyser"]],
    ]);
    const learned = await learnAdaptationState(base, before.values(), OPTIONS);
    const { change, containingCalls } = changeBetween(before, after);

    const updated = updateAdaptationState(base, learned, change);

    expectSameState(updated, await learnAdaptationState(base, after.values(), OPTIONS));
    expect(updated.sums.has("holmö")).toBe(true);
    expect(updated.sums.has("kvarnö")).toBe(false);
    // Only the word that newly reached the threshold needed the documents around it.
    expect(containingCalls).toEqual([["holmö"]]);
  });

  it("builds the same adapted model as an adaptation of the whole new knowledge base", async () => {
    const base = await baseModel();
    const corpus = syntheticCorpus(30, 11, "omega");
    const before: Documents = new Map(corpus.map((terms, index) => [`doc-${index}`, terms]));
    const after: Documents = new Map(before);
    after.delete("doc-3");
    after.set("doc-7", [...(before.get("doc-7") ?? []), "omega", "lyser"]);
    after.set("ny", ["omega", "syns", "på", "himlen"]);
    const learned = await learnAdaptationState(base, before.values(), OPTIONS);

    const updated = adaptedModel(
      base,
      updateAdaptationState(base, learned, changeBetween(before, after).change),
    );
    const fresh = adaptedModel(base, await learnAdaptationState(base, after.values(), OPTIONS));

    expect(updated.data.terms).toEqual(fresh.data.terms);
    expect(updated.vector("omega")).toEqual(fresh.vector("omega"));
    expect(updated.idf("omega")).toBeCloseTo(fresh.idf("omega"), 6);
  });

  it("keeps a new word's IDF while the knowledge base grows by less than the tolerance, then takes the new one", async () => {
    const base = await baseModel();
    const corpus = syntheticCorpus(200, 11, "omega");
    const learned = await learnAdaptationState(base, corpus, OPTIONS);
    const idfBefore = learned.idf.get("omega") ?? Number.NaN;
    const grow = (state: AdaptationState, documents: string[][]) =>
      updateAdaptationState(base, state, { before: () => [], after: () => documents, containing: () => [] });

    const slightly = grow(learned, [["lyser", "över", "havet"]]);
    expect(slightly.idf.get("omega")).toBe(idfBefore);

    const grown = grow(slightly, syntheticCorpus(200, 5));
    const fresh = await learnAdaptationState(
      base,
      [...corpus, ["lyser", "över", "havet"], ...syntheticCorpus(200, 5)],
      OPTIONS,
    );
    expect(grown.idf.get("omega")).not.toBe(idfBefore);
    expect(grown.idf.get("omega")).toBeCloseTo(fresh.idf.get("omega") ?? Number.NaN, 9);
  });
});
