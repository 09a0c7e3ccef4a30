import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

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

const ask = (question: string) => core.answers.ask(question, { scope: EVERYTHING });

describe("answers over the shipped knowledge", () => {
  it("names who convenes Laholm's samverkansberedning and cites that passage", async () => {
    const { answer } = await ask("Vem kallar till samverkansberedningens möten i Laholm?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/kommunstyrelsens ordförande/i);
    expect(answer.text).toMatch(/\[1\]/);
    const [citation] = answer.citations;
    expect(citation?.quote).toMatch(/kallelse av kommunstyrelsens ordförande/);
    expect(citation?.title).toMatch(/Laholm/);
  });

  it("answers how often Norrbotten's beredning meets with the frequency sentence", async () => {
    const { answer } = await ask(
      "Hur ofta ska den politiska samverkansberedningen i Norrbotten sammanträda?",
    );
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/minst fyra gånger per år/);
    expect(answer.citations.every((citation) => answer.text.includes(`[${citation.n}]`))).toBe(true);
  });

  it("lists the passages the answer cites first among the sources", async () => {
    const { answer, retrieval } = await ask(
      "Jag har just valts in i socialberedningen och ska sitta i den politiska samverkansberedningen i Norrbotten. Vad är egentligen dess uppdrag?",
    );
    expect(answer.abstained).toBe(false);
    const cited = answer.citations.map((citation) => citation.chunkId);
    expect(
      retrieval.passages
        .slice(0, cited.length)
        .map((passage) => passage.chunk.id)
        .sort(),
    ).toEqual([...cited].sort());
  });

  it("answers a comparison group by group, naming each group", async () => {
    const { answer } = await ask(
      "Vilken av samverkansöverenskommelserna i Laholm och Norrbotten har en bestämd uppsägningstid?",
    );
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/Norrbotten: [^[]*uppsägningstid av sex månader/);
  });

  it("reads “årets första kvartal” as the report's January–March, not as any mention of the year", async () => {
    const { answer, retrieval } = await ask("Vad blev Laholmsnämndens resultat under årets första kvartal?");
    expect(answer.text).toMatch(/^Nämndens resultat för perioden januari-mars är plus 68 tkr\. \[1\]/);
    expect(answer.text).not.toMatch(/Under året/);
    expect(retrieval.passages[0]?.chunk.headingPath.join(" ")).toMatch(/Ekonomi/);
  });

  it("answers the same after the start-up warm-up as before it", async () => {
    const question = "Vem kallar till samverkansberedningens möten i Laholm?";
    const before = await ask(question);
    await core.answers.warmUp();
    const after = await ask(question);
    expect(after.answer).toEqual(before.answer);
    expect(after.retrieval.passages.map((passage) => passage.chunk.id)).toEqual(
      before.retrieval.passages.map((passage) => passage.chunk.id),
    );
  });

  it("expands an acronym learned from the documents", async () => {
    const { retrieval } = await ask("Vad står RUN för?");
    expect(retrieval.expansions.length).toBeGreaterThan(0);
    expect(retrieval.passages[0]?.chunk.text).toMatch(/Regional utvecklingsnämnd \(RUN\)/);
  });

  it("answers what a spelled-out acronym stands for with the passage that spells it out", async () => {
    const { answer } = await ask("Vad står HSN för?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/Hälso- och sjukvårdsnämnden \(HSN\)/);
  });

  it("says plainly when the documents use an acronym they never spell out, and shows where it is used", async () => {
    const { answer } = await ask("Vad står KS för?");
    expect(answer.abstained).toBe(true);
    expect(answer.text).toMatch(/^Förkortningen KS förklaras inte i underlaget/);
    expect(answer.closest[0]?.excerpt).toMatch(
      /^Ordförande och NT har även presenterat rapporten både i KS och KF\./,
    );
  });

  it("reads an acronym never spelled out from a compound of the same report, says it is a guess and cites both", async () => {
    const { answer } = await ask("Vad står NT för i Laholmsnämndens uppföljningsrapport?");
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/^NT skrivs inte ut i underlaget, men står troligen för nämndtjänsteman/);
    expect(answer.citations[0]?.quote).toMatch(/\bnämndtjänsteman\b/);
    expect(answer.citations[1]?.quote).toMatch(/\bNT\b/);
    expect(answer.citations.every((citation) => citation.title.includes("Laholmsnämnden"))).toBe(true);
  });

  it("declines a question about a region the documents never mention, listing the closest passages", async () => {
    const { answer } = await ask(
      "Hur ofta sammanträder den politiska samverkansberedningen i Region Västerbotten?",
    );
    expect(answer.abstained).toBe(true);
    expect(answer.text).toMatch(/framgår inte av underlaget/);
    expect(answer.citations).toEqual([]);
    expect(answer.closest.length).toBeGreaterThan(0);
  });

  it("declines a request for a phone number the documents do not contain", async () => {
    const { answer } = await ask("Vilket telefonnummer har nämndsekreteraren för Laholmsnämnden?");
    expect(answer.abstained).toBe(true);
  });

  it("answers in English when asked in English", async () => {
    const { answer } = await ask("How often does the political collaboration committee in Norrbotten meet?");
    expect(answer.language).toBe("en");
  });

  it("never lets raw query syntax reach FTS5", async () => {
    const { answer } = await ask('NEAR("samverkan" AND) OR * "" -- ( )');
    expect(answer).toBeDefined();
  });
});
