import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { explainAcronym, glossary } from "../../src/onboarding/glossary.ts";
import { glossaryCommandText } from "../../src/onboarding/glossary-command.ts";
import { renderGlossaryText } from "../../src/onboarding/render-glossary-text.ts";
import { ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";
import { chunkText, plainWords } from "./introduction-helpers.ts";

let core: Core;
let cleanup: () => void;

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  ({ core } = await ingestedCore(SHIPPED_KNOWLEDGE, folder.dir));
});

afterAll(() => {
  core?.close();
  cleanup?.();
});

describe("glossary", () => {
  it("gives HälSam's acronyms with their long forms and the defining passage", async () => {
    const halsam = await glossary(core, "halsam-vasternorrland");
    const forms = Object.fromEntries(halsam.items.map((item) => [item.acronym, item.longForm]));
    expect(forms).toMatchObject({
      HSN: "Hälso- och sjukvårdsnämnden",
      RUN: "Regional utvecklingsnämnd",
      VVU: "Vårdval utskottet",
    });
    for (const item of halsam.items) {
      expect(item.definition.text).toContain(`(${item.acronym})`);
      const source = halsam.sources.find((candidate) => candidate.n === item.definition.source);
      expect(source?.documentId).toBe("halsam-samverkansstruktur.md");
      expect(plainWords(chunkText(core, source?.chunkId ?? "") ?? "")).toContain(
        plainWords(item.definition.text),
      );
    }
  });

  it("keeps each group's glossary to its own documents", async () => {
    const norrbotten = await glossary(core, "norrbotten-politisk-samverkansberedning");
    expect(norrbotten.items.map((item) => item.acronym)).not.toContain("HSN");
    const everything = await glossary(core, null);
    expect(everything.items.map((item) => item.acronym)).toEqual(
      expect.arrayContaining(["HSN", "FaR", "VGR"]),
    );
  });

  it("renders the glossary as text with numbered sources", async () => {
    const text = renderGlossaryText(await glossary(core, "halsam-vasternorrland"));
    expect(text).toMatch(/HSN – Hälso- och sjukvårdsnämnden \[1\]/);
    expect(text).toMatch(/Källor:\n {2}\[1\] Samverkansstruktur HälSam/);
  });

  it("explains a known acronym whatever its case", async () => {
    const explanation = await explainAcronym(core, "vvu?");
    expect(explanation.found).toBe(true);
    expect(explanation.text).toBe("VVU står för Vårdval utskottet [1].");
    expect(explanation.sources).toHaveLength(1);
  });

  it("answers honestly when an acronym is not in the documents", async () => {
    const explanation = await explainAcronym(core, "XYZ");
    expect(explanation).toMatchObject({ found: false, items: [], sources: [] });
    expect(explanation.text).toBe("Förkortningen XYZ finns inte i underlaget.");
  });

  it("does not guess when the documents use an acronym without explaining it", async () => {
    const explanation = await explainAcronym(core, "LUPP");
    expect(explanation.found).toBe(false);
    expect(explanation.text).toMatch(
      /LUPP förekommer i underlaget \(Uppföljningsrapport 1 2018 – Laholmsnämnden\) men förklaras inte där/,
    );
  });

  it("answers the ordlista command with the channel's glossary or one acronym", async () => {
    const list = await glossaryCommandText(core, "", { groupIds: ["halsam-vasternorrland"] });
    expect(list).toMatch(/RUN – Regional utvecklingsnämnd/);
    expect(list).not.toMatch(/FaR/);
    expect(await glossaryCommandText(core, "RUN", { groupIds: null })).toMatch(
      /^RUN står för Regional utvecklingsnämnd \[1\]\.\n\nKällor:\n {2}\[1\] Samverkansstruktur HälSam/,
    );
    expect(await glossaryCommandText(core, "NT", { groupIds: ["halsam-vasternorrland"] })).toBe(
      "NT förekommer i underlaget (Uppföljningsrapport 1 2018 – Laholmsnämnden) men förklaras inte där, så jag kan inte säga vad det står för.",
    );
  });

  it("does not reveal another group's internal document when an acronym is unexplained", async () => {
    const elsewhere = await explainAcronym(core, "DECEMBER", { groupId: "laholm-samverkansberedning" });
    expect(elsewhere.text).toBe("Förkortningen DECEMBER finns inte i underlaget.");
    const own = await explainAcronym(core, "DECEMBER", {
      groupId: "norrbotten-politisk-samverkansberedning",
    });
    expect(own.text).toMatch(/^DECEMBER förekommer i underlaget \(Överenskommelse om politisk samverkan/);
  });
});
