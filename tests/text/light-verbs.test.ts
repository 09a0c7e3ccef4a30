import { describe, expect, it } from "vitest";
import { lightVerbs } from "../../src/text/index.ts";

describe("lightVerbs", () => {
  it("finds the support verbs of a question in any form", () => {
    expect(lightVerbs("Vem ger oss egentligen vårt uppdrag?")).toEqual(["ger"]);
    expect(lightVerbs("Vem tog beslutet och när gjordes uppföljningen?")).toEqual(["tog"]);
  });

  it("finds none in a question without them", () => {
    expect(lightVerbs("Vem kallar till våra möten?")).toEqual([]);
  });
});
