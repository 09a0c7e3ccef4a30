import { describe, expect, it } from "vitest";
import { stripInlineMarkdown } from "../../src/knowledge/loaders/strip-inline-markdown.ts";

describe("stripInlineMarkdown", () => {
  it("keeps the text of links, including links nested in links", () => {
    expect(
      stripInlineMarkdown(
        "Enligt [20 kap. lagen ([1962:381](https://selex.se/eli/sfs/1962/381)) om försäkring](https://selex.se/x#kap20) gäller [1 §](#1).",
      ),
    ).toBe("Enligt 20 kap. lagen (1962:381) om försäkring gäller 1 §.");
  });

  it("removes emphasis, code and escapes but not underscores inside words", () => {
    expect(
      stripInlineMarkdown("**Fyra** möten, *två* temadagar, `kod`, __fet__, _kursiv_, fil_namn och 5 \\* 3"),
    ).toBe("Fyra möten, två temadagar, kod, fet, kursiv, fil_namn och 5 * 3");
  });

  it("drops the italic markers of the statute corpus", () => {
    expect(stripInlineMarkdown("*/k/ 2 mom. */-k/ Till böter döms den som")).toBe(
      "2 mom. Till böter döms den som",
    );
  });

  it("leaves a long paragraph full of unclosed markers as it is, without rescanning it for every marker", () => {
    const paragraph = "**a ![b [c <d ".repeat(50_000);
    expect(stripInlineMarkdown(paragraph)).toBe(paragraph);
  });

  it("keeps the text of an image whose address is a long base64 data URI", () => {
    const image = `![Organisationsbild](data:image/png;base64,${"iVBORw0KGgo".repeat(100_000)})`;
    expect(stripInlineMarkdown(`Se bilden: ${image} nedan.`)).toBe("Se bilden: Organisationsbild nedan.");
  });
});
