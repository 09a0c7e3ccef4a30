import { describe, expect, it } from "vitest";
import { extractDefinitions } from "../../src/knowledge/extract-definitions.ts";

// Lines from Plan- och bygglagen (2010:900) 1 kap. 4 § and Skollagen (2010:800), via the SFS corpus.
const PBL_DEFINITIONS = `4 §  I denna lag avses med

byggherre: den som för egen räkning utför eller låter utföra projekterings-, byggnads-, rivnings- eller markarbeten,

tillbyggnad: ändring av en byggnad som innebär en ökning av byggnadens volym,

- kränkande behandling: ett uppträdande som utan att vara diskriminering kränker ett barns eller en elevs värdighet.`;

describe("extractDefinitions", () => {
  it("reads the terms of a statute's definition list with the item that defines each", () => {
    const found = extractDefinitions(PBL_DEFINITIONS);
    expect(found.map((definition) => definition.term)).toEqual([
      "byggherre",
      "tillbyggnad",
      "kränkande behandling",
    ]);
    expect(found[1]?.text).toMatch(
      /^tillbyggnad: ändring av en byggnad som innebär en ökning av byggnadens volym/,
    );
  });

  it("reads 'Med X avses' and 'I denna lag avses med X' with the whole defining sentence", () => {
    const found = extractDefinitions(
      "Hemkommun och hemregion\n\n6 §  Med en persons hemkommun avses i denna lag den kommun som personen är folkbokförd i. För den som är bosatt i landet gäller annat.",
    );
    expect(found).toEqual([
      {
        term: "en persons hemkommun",
        text: "6 § Med en persons hemkommun avses i denna lag den kommun som personen är folkbokförd i.",
      },
    ]);
    expect(
      extractDefinitions("I denna lag avses med skolenhet en av huvudmannen organiserad enhet.")[0]?.term,
    ).toBe("skolenhet");
  });

  it("reads a term introduced in parentheses after its description", () => {
    const [definition] = extractDefinitions(
      "Tillsynen ska utövas av länsstyrelsen och av byggnadsnämnden (tillsynsmyndigheterna). Nästa mening.",
    );
    expect(definition?.term).toBe("tillsynsmyndigheterna");
    expect(definition?.text).toBe(
      "Tillsynen ska utövas av länsstyrelsen och av byggnadsnämnden (tillsynsmyndigheterna).",
    );
  });

  it("does not take headings with a colon, references or prose for definitions", () => {
    const text =
      "Uppdrag: Politiska samverkan inom HälSam är en samverkansform.\nDiskrimineringslagen (2008:567) gäller.\nNämnden ska se till att arbetet följs upp (se bilaga 2).";
    expect(extractDefinitions(text)).toEqual([]);
  });
});
