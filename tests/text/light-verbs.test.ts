import { describe, expect, it } from "vitest";
import { lightVerbs } from "../../src/text/index.ts";

describe("lightVerbs", () => {
  it("finds the support verbs of a question in any form", () => {
    expect(lightVerbs("Vem ger oss egentligen vårt uppdrag?")).toEqual([{ form: "ger", particle: false }]);
    expect(lightVerbs("Vem tog beslutet?")).toEqual([{ form: "tog", particle: false }]);
  });

  it("marks a verb its particle gives a meaning of its own", () => {
    expect(lightVerbs("Har några recept kommit in till nämnden?")).toEqual([
      { form: "kommit", particle: true },
    ]);
    expect(lightVerbs("Vem tar fram kunskapsunderlaget?")).toEqual([{ form: "tar", particle: true }]);
  });

  it("finds none in a question without them", () => {
    expect(lightVerbs("Vem kallar till våra möten?")).toEqual([]);
    // "gå" alone means what it says: attending school is what the question asks about.
    expect(lightVerbs("Vem ansvarar för att barnen får gå i grundskola?")).toEqual([]);
  });
});
