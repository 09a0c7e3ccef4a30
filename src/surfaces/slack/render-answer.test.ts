import { describe, expect, it } from "vitest";
import { passageReference } from "../../../tests/builders/passages.ts";
import type { Answer, Citation } from "../../answer/answer.ts";
import { describeLocation } from "../../answer/passage-reference.ts";
import { answerTextToMrkdwn, plainTextFromSlack, splitMrkdwn } from "./mrkdwn.ts";
import { renderAnswer, renderSourceView } from "./render-answer.ts";

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    documentId: "avtal.pdf",
    chunkId: `avtal.pdf#${n}`,
    title: "Avtal <Laholm> & Region",
    section: "3 Organisation",
    page: 4,
    quote: "Beredningen sammanträder fyra gånger per år.",
    source: "https://example.se/avtal.pdf?a=1|2",
    date: null,
    ...overrides,
  };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    text: "Beredningen sammanträder fyra gånger per år [1].",
    citations: [citation(1)],
    abstained: false,
    closest: [],
    language: "sv",
    ...overrides,
  };
}

type AnyBlock = { type: string; text?: { text: string }; elements?: { text?: unknown; value?: string }[] };

describe("renderAnswer", () => {
  it("lists each source as title § section, page and link, escaping document text", () => {
    const { blocks } = renderAnswer(answer(), "abc");
    const context = (blocks as AnyBlock[]).find((block) => block.type === "context");
    const line = String(context?.elements?.[1]?.text);
    expect(line).toBe(
      "[1] <https://example.se/avtal.pdf?a=1%7C2|Avtal &lt;Laholm&gt; &amp; Region § 3 Organisation, s. 4>",
    );
  });

  it("escapes the answer text but keeps the [n] markers", () => {
    const { blocks } = renderAnswer(answer({ text: "Kostnad < 5 & > 2 mnkr [1]" }), "abc");
    expect((blocks[0] as AnyBlock).text?.text).toBe("Kostnad &lt; 5 &amp; &gt; 2 mnkr [1]");
  });

  it("keeps within Block Kit's limits for a very long answer with many sources", () => {
    const long = answer({
      text: Array.from({ length: 400 }, (_, i) => `Mening nummer ${i} om samverkan och beredning.`).join(" "),
      citations: Array.from({ length: 30 }, (_, i) => citation(i + 1)),
    });
    const { blocks, text } = renderAnswer(long, "x".repeat(12));
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(text.length).toBeLessThanOrEqual(3000);
    for (const block of blocks as AnyBlock[]) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      if (block.type === "context") expect(block.elements?.length).toBeLessThanOrEqual(10);
      if (block.type === "actions") {
        expect(block.elements?.length).toBeLessThanOrEqual(25);
        for (const element of block.elements ?? []) expect(element.value?.length).toBeLessThanOrEqual(2000);
      }
    }
    const sections = (blocks as AnyBlock[]).filter((block) => block.type === "section");
    expect(sections.length).toBeGreaterThan(1);
  });

  it("renders a decline with the closest passages and no source buttons", () => {
    const declined = answer({
      text: "Det framgår inte av underlaget.",
      citations: [],
      abstained: true,
      closest: [passageReference()],
    });
    const rendered = JSON.stringify(renderAnswer(declined, "abc").blocks);
    expect(rendered).toContain("Närmast i underlaget");
    expect(rendered).toContain("*Reglemente*");
    expect(rendered).not.toContain("Visa källtext");
    expect(rendered).toContain("samsyn_vote_down");
  });

  it("labels an English answer in English", () => {
    const rendered = JSON.stringify(renderAnswer(answer({ language: "en" }), "abc").blocks);
    expect(rendered).toContain("AI-generated");
    expect(rendered).toContain("p. 4");
  });
});

describe("renderSourceView", () => {
  it("shows where the passage is, the quote and the link", () => {
    const view = JSON.stringify(renderSourceView(citation(2)));
    expect(view).toContain("*[2]* Avtal &lt;Laholm&gt; &amp; Region § 3 Organisation, s. 4");
    expect(view).toContain(">Beredningen sammanträder fyra gånger per år.");
    expect(view).toContain("https://example.se/avtal.pdf?a=1%7C2");
  });

  it("describes a passage without section or page by its title alone", () => {
    expect(describeLocation({ title: "Avtal", date: null, section: null, page: null })).toBe("Avtal");
  });
});

describe("mrkdwn", () => {
  it("reads a Slack message as a plain question", () => {
    expect(
      plainTextFromSlack("<@U0BOT> Vad gäller i <#C1|laholm> &amp; <https://x.se|avtalet>?", "U0BOT"),
    ).toBe("Vad gäller i #laholm & avtalet?");
  });

  it("maps Markdown from a language model to Slack's syntax", () => {
    expect(answerTextToMrkdwn("**Svar:** se [avtalet](https://x.se/a) [1]")).toBe(
      "*Svar:* se <https://x.se/a|avtalet> [1]",
    );
  });

  it("never splits inside a link", () => {
    const link = "<https://example.se/ett/mycket/langt/dokument|Ett dokument med ett långt namn>";
    const pieces = splitMrkdwn(`${"a".repeat(2980)}${link}`, 3000);
    expect(pieces[1]).toBe(link);
  });
});

describe("document dates in Slack citations", () => {
  it("shows each cited document's date at the precision it is known, and none when unknown", () => {
    const dated = answer({
      text: "Beredningen sammanträder [1]. Ordföranden kallar [2]. Protokoll förs [3].",
      citations: [
        citation(1, { date: "2019-05" }),
        citation(2, { title: "Reglemente", date: "2021-03-12", source: null }),
        citation(3, { title: "Arbetsordning", date: null, source: null }),
      ],
    });
    const rendered = JSON.stringify(renderAnswer(dated, "abc").blocks);
    expect(rendered).toContain("Avtal &lt;Laholm&gt; &amp; Region (maj 2019) § 3 Organisation, s. 4");
    expect(rendered).toContain("Reglemente (12 mars 2021) § 3 Organisation, s. 4");
    expect(rendered).toContain("[3] Arbetsordning § 3 Organisation, s. 4");
    expect(JSON.stringify(renderSourceView(citation(1, { date: "2021" })))).toContain("Region (2021) §");
  });

  it("dates the closest passages of a decline too", () => {
    const declined = answer({
      text: "Det framgår inte av underlaget.",
      citations: [],
      abstained: true,
      closest: [passageReference({ date: "2016-12" })],
    });
    expect(JSON.stringify(renderAnswer(declined, "abc").blocks)).toContain("*Reglemente (december 2016)*");
  });
});
