import type { RetrievedPassage } from "../../../src/retrieval/hybrid-retriever.ts";
import { retrievedPassage } from "../../builders/passages.ts";

/**
 * Sections of an instruction for a state body, as the statute corpus writes them: the body named in
 * full only in the title ("nämnden för ungdomsfrågor"), "Nämnden" in the text.
 */
export const TITLE = "Förordning med instruktion för nämnden för ungdomsfrågor";

/** One section of the instruction as a retrieved passage. */
function section(text: string, rowid: number, heading: string): RetrievedPassage {
  return retrievedPassage(text, { title: TITLE, headings: [heading], rowid });
}

export const MEMBERS = section(
  "Nämnden består av högst nio ledamöter. Bland ledamöterna är en ordförande och en vice ordförande.",
  1,
  "Organisation",
);
export const TERMS = section(
  "Ledamöterna samt ersättare för ledamöterna förordnas av regeringen för högst tre år.",
  2,
  "Organisation",
);
export const QUORUM = section(
  "Nämnden är beslutför när ordföranden och minst hälften av de andra ledamöterna är närvarande.",
  3,
  "Ärendenas handläggning",
);
export const OPINIONS = section(
  "Nämnden lämnar yttrande till socialnämnden i ärenden om ungdomsverksamhet.",
  4,
  "Uppgifter",
);
export const OFFICE = section(
  "Nämnden har ett kansli. Det förestås av en chef som regeringen utser.",
  5,
  "Organisation",
);
export const CHAIR = section(
  "Vid ordförandens frånvaro ska nämndens vice ordförande vara ordförande vid sammanträdet.",
  6,
  "Ärendenas handläggning",
);
