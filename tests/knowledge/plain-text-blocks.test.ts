import { describe, expect, it } from "vitest";
import { linesFromText, plainTextBlocks } from "../../src/knowledge/loaders/plain-text-blocks.ts";

const blocksOf = (text: string) =>
  plainTextBlocks(linesFromText(text)).map((block) =>
    block.kind === "heading"
      ? `H${block.level} ${block.text}`
      : `${block.kind === "list-item" ? "- " : ""}${block.text}`,
  );

describe("plainTextBlocks", () => {
  it("finds short headings that introduce a paragraph", () => {
    const text = [
      "Samverkansberedning",
      "",
      "Samverkansberedningens uppgift är att bereda frågor. Den har fyra möten per år.",
      "",
      "Uppdrag:",
      "",
      "Politisk samverkan är ett forum för dialog inför huvudmännens beslut.",
    ].join("\n");
    expect(blocksOf(text)).toEqual([
      "H1 Samverkansberedning",
      "Samverkansberedningens uppgift är att bereda frågor. Den har fyra möten per år.",
      "H2 Uppdrag:",
      "Politisk samverkan är ett forum för dialog inför huvudmännens beslut.",
    ]);
  });

  it("joins lines wrapped at a fixed width back into one paragraph", () => {
    const text = [
      "Lokala nämnders uppdrag är att bidra till utveckling av hälsans bestämningsfaktorer i ",
      "samhället och arbeta för en jämlik och positiv hälsoutveckling med utgångspunkt i social ",
      "hållbarhet. Nämndens resultat för perioden januari-",
      "mars är plus 68 tkr.",
    ].join("\n");
    expect(blocksOf(text)).toEqual([
      "Lokala nämnders uppdrag är att bidra till utveckling av hälsans bestämningsfaktorer i samhället och " +
        "arbeta för en jämlik och positiv hälsoutveckling med utgångspunkt i social hållbarhet. " +
        "Nämndens resultat för perioden januari-mars är plus 68 tkr.",
    ]);
  });

  it("joins a sentence a narrow table cell wrapped into short capitalised lines", () => {
    // Laholmsnämndens uppföljningsrapport (PDF): the task column wraps at a few words.
    const text = [
      "möjliggöra medskapande och kunskapsspridning med ungdomar.",
      " Samordna och genomföra ",
      "utvecklingsarbetet ",
      "Välmående ger resultat ",
      "(VGR).",
      "",
      "Uppdraget följer plan. Välmående ger resultat är en utbildningssatsning.",
    ].join("\n");
    expect(blocksOf(text)).toEqual([
      "möjliggöra medskapande och kunskapsspridning med ungdomar.",
      "Samordna och genomföra utvecklingsarbetet Välmående ger resultat (VGR).",
      "Uppdraget följer plan. Välmående ger resultat är en utbildningssatsning.",
    ]);
  });

  it("does not join a heading to the sentence under it", () => {
    const text = [
      "Uppdraget följer plan.",
      "Samverkansberedning",
      "Samverkansberedningen består av presidierna i nämnderna och styrelserna.",
    ].join("\n");
    expect(blocksOf(text)).toEqual([
      "Uppdraget följer plan.",
      "H2 Samverkansberedning",
      "Samverkansberedningen består av presidierna i nämnderna och styrelserna.",
    ]);
  });

  it("levels numbered headings by their numbering and nests unnumbered ones below", () => {
    const text = [
      " 3 Tillväxtstrategin",
      "3.1 Prioriteringar och Uppdrag",
      "3.1.1 Insatser som utjämnar hälsoskillnader",
      "",
      "Uppdraget följer plan och genomförs tillsammans med kommunen under året.",
      "",
      "Kunskapsuppdraget",
      "Laholmsnämnden arbetar på Regionstyrelsens uppdrag med kartläggning och dialog.",
    ].join("\n");
    expect(blocksOf(text)).toEqual([
      "H1 3 Tillväxtstrategin",
      "H2 3.1 Prioriteringar och Uppdrag",
      "H3 3.1.1 Insatser som utjämnar hälsoskillnader",
      "Uppdraget följer plan och genomförs tillsammans med kommunen under året.",
      "H4 Kunskapsuppdraget",
      "Laholmsnämnden arbetar på Regionstyrelsens uppdrag med kartläggning och dialog.",
    ]);
  });

  it("keeps table rows, dates, signatures and bullets as text", () => {
    const text = [
      "Inledning om budgeten för året som beskrivs i tabellen nedan.",
      "",
      "Välmående ger resultat 78 63 81%",
      "",
      "Dialog 15",
      "",
      "Total 1 222 237 19% 68 1 222 0",
      "",
      "1 DECEMBER 2016",
      "",
      "Prioriterade områden är:",
      "",
      "- Barn och unga",
      "• Psykisk hälsa",
      "",
      "Erling Cronqvist",
      "Kommunstyrelsen, ordförande",
    ].join("\n");
    const blocks = blocksOf(text);
    expect(blocks.filter((block) => block.startsWith("H"))).toEqual([]);
    expect(blocks).toContain("Välmående ger resultat 78 63 81%");
    expect(blocks).toContain("- Barn och unga");
    expect(blocks).toContain("- Psykisk hälsa");
  });
});

describe("plainTextBlocks: words hyphenated at a line end", () => {
  it("joins a word broken at a soft hyphen, and one the text also writes whole", () => {
    const text = [
      "Ledamöterna i samverkans-",
      "beredningen utses för mandatperioden och arbetar med folk\u00ad",
      "hälsa. Samverkansberedningen har fyra möten per år.",
    ].join("\n");
    expect(blocksOf(text)).toEqual([
      "Ledamöterna i samverkansberedningen utses för mandatperioden och arbetar med folkhälsa. " +
        "Samverkansberedningen har fyra möten per år.",
    ]);
  });

  it("keeps the space before 'och' after a hyphenated first part", () => {
    expect(blocksOf("Uppdraget gäller hälso-\noch sjukvård i hela länet.")).toEqual([
      "Uppdraget gäller hälso- och sjukvård i hela länet.",
    ]);
  });
});

describe("plainTextBlocks on a very long paragraph", () => {
  it("joins fifty thousand hyphen-broken lines into one paragraph without slowing down per line", () => {
    const lines = linesFromText("Inledning om sam-\nverkan ".repeat(50_000));
    const blocks = plainTextBlocks(lines);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.text.startsWith("Inledning om sam-verkan Inledning om sam-verkan")).toBe(true);
    expect(blocks[0]?.text.length).toBe("Inledning om sam-verkan ".length * 50_000 - 1);
  });
});
