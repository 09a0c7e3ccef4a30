import { describe, expect, it } from "vitest";
import { isNounLike } from "../../../src/answer/check/noun-like.ts";
import { loadDefaultLexicon } from "../../../src/text/index.ts";

const lexicon = loadDefaultLexicon();

describe("isNounLike", () => {
  it("knows the nouns (and noun adjectives) questions ask about", () => {
    for (const word of [
      "arvode",
      "arvodet",
      "budget",
      "distans",
      "jävig",
      "protokoll",
      "ordföranden",
      "uppsägningstid",
    ]) {
      expect(isNounLike(word, lexicon), word).toBe(true);
    }
  });

  it("does not take verbs, participles, adverbs or pronouns for nouns", () => {
    for (const word of ["hamna", "sitter", "ingår", "förväg", "valt", "betalt", "längst", "nån", "ute"]) {
      expect(isNounLike(word, lexicon), word).toBe(false);
    }
  });
});
