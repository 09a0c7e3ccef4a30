import { describe, expect, it } from "vitest";
import { answeringItems } from "../../../src/answer/compose/answering-items.ts";
import { questionWords } from "../../../src/answer/question-words.ts";
import { createSwedishAnalyzer } from "../../../src/text/index.ts";

const analyzer = createSwedishAnalyzer();
const uniform = {
  documentFrequencies: (terms: readonly string[]) => ({
    frequencies: new Map(terms.map((item) => [item, 1])),
    total: 10,
  }),
};
/** Every word counts the same: the tests are about which items answer, not IDF. */
const words = (question: string) =>
  questionWords(question, { passages: [], queryTerms: [], expansions: [] }, analyzer, uniform);

const LIST = {
  lead: "Nämnden ansvarar för följande:",
  items: [
    "uppföljning av avtalet med regionen,",
    "kallelse till sammanträden,",
    "arvoden till förtroendevalda,",
    "information till allmänheten.",
  ],
};

describe("answeringItems", () => {
  it("keeps the items that hold a question word the lead-in does not", () => {
    const shown = answeringItems(
      LIST,
      words("Vem ansvarar för kallelse till nämndens sammanträden?"),
      "who",
      analyzer,
    );
    expect(shown.text).toBe("Nämnden ansvarar för följande:\n• kallelse till sammanträden");
  });

  it("shows the whole list when no item or every item answers, cut only past eight items", () => {
    const all = answeringItems(LIST, words("Vad ansvarar nämnden för?"), "general", analyzer);
    expect(all.items).toHaveLength(4);
    const long = {
      lead: "Följande ingår:",
      items: Array.from({ length: 12 }, (_, index) => `punkt ${index + 1}`),
    };
    const cut = answeringItems(long, words("Vad ingår?"), "general", analyzer);
    expect(cut.items).toHaveLength(8);
    expect(cut.text.endsWith("\n• …")).toBe(true);
  });
});
