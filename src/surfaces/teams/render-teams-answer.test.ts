import { describe, expect, it } from "vitest";
import { passageReference } from "../../../tests/builders/passages.ts";
import type { Answer, Citation } from "../../answer/answer.ts";
import { renderTeamsAnswer } from "./render-teams-answer.ts";
import { parseTeamsCommand } from "./teams-commands.ts";
import { plainTextFromTeams } from "./teams-text.ts";

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    documentId: "laholm.pdf",
    chunkId: `c${n}`,
    title: "Samverkansöverenskommelse",
    section: "Samverkansberedning",
    page: 3,
    quote: "Kommunstyrelsens ordförande kallar till möte.",
    source: null,
    date: null,
    ...overrides,
  };
}

function answer(overrides: Partial<Answer>): Answer {
  return { text: "", citations: [], abstained: false, closest: [], language: "sv", ...overrides };
}

interface Claim {
  position: number;
  appearance: { name: string; abstract: string; url?: string; image?: { name: string }; text?: string };
}

function claims(message: ReturnType<typeof renderTeamsAnswer>): Claim[] {
  const entity = (message.entities ?? [])[0] as { citation?: Claim[] } | undefined;
  return entity?.citation ?? [];
}

describe("renderTeamsAnswer", () => {
  it("cites only markers that are in the text, within Teams' length limits", () => {
    const long = "Ord ".repeat(200);
    const message = renderTeamsAnswer(
      answer({
        text: "Ordföranden kallar [1]. Se även [3].",
        citations: [
          citation(1, { title: "T".repeat(120), quote: long, source: "https://laholm.se/a.pdf" }),
          citation(2),
          citation(3, { documentId: "notes.html", source: "ftp://old" }),
        ],
      }),
      { suggestedActions: false },
    );
    const cited = claims(message);
    expect(cited.map((claim) => claim.position)).toEqual([1, 3]);
    expect(cited[0]?.appearance.name.length).toBe(80);
    expect(cited[0]?.appearance.abstract.length).toBe(160);
    expect(cited[0]?.appearance.abstract.endsWith("…")).toBe(true);
    expect(cited[0]?.appearance.url).toBe("https://laholm.se/a.pdf");
    expect(cited[0]?.appearance.image?.name).toBe("PDF");
    expect(cited[1]?.appearance.url).toBeUndefined();
    expect(message.suggestedActions).toBeUndefined();
  });

  it("lists the closest passages when it declines, and keeps HTML out of the text", () => {
    const message = renderTeamsAnswer(
      answer({
        text: "Det finns inte i underlaget <script>.",
        abstained: true,
        closest: [
          passageReference({
            excerpt: "Nämnden   sammanträder\nvid behov.",
            source: "https://example.org/reglemente",
          }),
        ],
      }),
      { suggestedActions: true },
    );
    expect(message.text).toContain("&lt;script>");
    expect(message.text).toContain("**Närmast i underlaget:**");
    expect(message.text).toContain(
      "1. [Reglemente](https://example.org/reglemente): ”Nämnden sammanträder vid behov.”",
    );
    expect(claims(message)).toEqual([]);
    expect(message.suggestedActions?.actions.map((action) => action.value)).toContain("hjälp");
  });
});

describe("plainTextFromTeams", () => {
  const bot = { type: "mention", text: "<at>Samsyn</at>", mentioned: { id: "28:bot", name: "Samsyn" } };

  it("drops the mention of Samsyn, keeps other people's names and undoes Teams' HTML", () => {
    const text = "<p><at>Samsyn</at>&nbsp;vad säger <at>Anna</at> om &quot;HSN&quot; &amp; KS?</p>";
    const anna = { type: "mention", text: "<at>Anna</at>", mentioned: { id: "29:anna", name: "Anna" } };
    expect(plainTextFromTeams(text, [bot, anna], "28:bot")).toBe('vad säger Anna om "HSN" & KS?');
    expect(plainTextFromTeams("<at>Samsyn</at>", [bot], "28:bot")).toBe("");
  });
});

describe("parseTeamsCommand", () => {
  it("reads command words, also without å/ä/ö and with a few words after them", () => {
    expect(parseTeamsCommand("hjälp")).toEqual({ kind: "help" });
    expect(parseTeamsCommand("/Moten HälSam")).toEqual({ kind: "meetings", argument: "HälSam" });
    expect(parseTeamsCommand("paminnelser")).toEqual({ kind: "reminders", argument: "" });
    expect(parseTeamsCommand("intro laholm")).toEqual({ kind: "intro", argument: "laholm" });
  });

  it("reads a role-aware introduction request of any length", () => {
    expect(parseTeamsCommand("intro Jag är ny ersättare i samverkansberedningen i Laholm")).toEqual({
      kind: "intro",
      argument: "Jag är ny ersättare i samverkansberedningen i Laholm",
    });
  });

  it("treats questions and other text as questions", () => {
    expect(parseTeamsCommand("Möten i Laholm?")).toBeNull();
    expect(parseTeamsCommand("möten i Laholm under hösten 2024")).toBeNull();
    expect(parseTeamsCommand("Vem kallar till mötet")).toBeNull();
  });
});

describe("document dates in Teams citations", () => {
  it("names each cited document with its date at the precision known, and the title alone when undated", () => {
    const message = renderTeamsAnswer(
      answer({
        text: "Ordföranden kallar [1]. Protokoll förs [2].",
        citations: [citation(1, { date: "2019-05" }), citation(2, { title: "Arbetsordning" })],
      }),
      { suggestedActions: false },
    );
    const [first, second] = claims(message);
    expect(first?.appearance.name).toBe("Samverkansöverenskommelse (maj 2019)");
    expect(second?.appearance.name).toBe("Arbetsordning");
    expect(first?.appearance.text).toContain(
      "Samverkansöverenskommelse (maj 2019) § Samverkansberedning, s. 3",
    );
  });

  it("dates the closest passages of a decline", () => {
    const message = renderTeamsAnswer(
      answer({
        text: "Det finns inte i underlaget.",
        abstained: true,
        closest: [passageReference({ excerpt: "Nämnden sammanträder vid behov.", date: "2021" })],
      }),
      { suggestedActions: false },
    );
    expect(message.text).toContain("**Reglemente (2021)**");
  });
});
