import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { copyKnowledge, ingestedCore, SHIPPED_KNOWLEDGE, temporaryFolder } from "../builders/core.ts";

// Real statutes among the shipped group documents: SFS 2023:455 defines its terms with "Med X avses",
// the excerpt of Plan- och bygglagen in a definition list, using "tillbyggnad" in many other paragraphs.
const STATUTES = ["sfs-2023-455.md", "sfs-2010-900-excerpt.md"].map((name) =>
  path.resolve(import.meta.dirname, "../fixtures/sfs", name),
);

let core: Core;
let cleanup: () => void;

beforeAll(async () => {
  const folder = temporaryFolder();
  cleanup = folder.cleanup;
  const knowledgeDir = copyKnowledge(SHIPPED_KNOWLEDGE, path.join(folder.dir, "knowledge"));
  for (const statute of STATUTES) fs.copyFileSync(statute, path.join(knowledgeDir, path.basename(statute)));
  ({ core } = await ingestedCore(knowledgeDir, path.join(folder.dir, "data")));
});

afterAll(() => {
  core.close();
  cleanup();
});

describe("definition questions", () => {
  it("answers 'Vad menas med …' with the sentence that defines the term, and cites it", async () => {
    const { answer } = await core.answers.ask("Vad menas med en urvalsträff?", { scope: EVERYTHING });
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/Med urvalsträff avses i denna lag en träff som myndighetens dataanalyser/);
    expect(answer.citations[0]?.quote).toMatch(/Med urvalsträff avses/);
  });

  it("finds the one definition of a term that many paragraphs use", async () => {
    const { answer } = await core.answers.ask("Vad räknas som tillbyggnad enligt plan- och bygglagen?", {
      scope: EVERYTHING,
    });
    expect(answer.text).toMatch(
      /^tillbyggnad: ändring av en byggnad som innebär en ökning av byggnadens volym/,
    );
    expect(answer.citations[0]?.quote).toMatch(/ökning av byggnadens volym/);
  });

  it("finds the definition of a term written with a qualifier in the law ('en felaktig utbetalning')", async () => {
    const { answer } = await core.answers.ask("Vad räknas som felaktig utbetalning enligt lagen?", {
      scope: EVERYTHING,
    });
    expect(answer.text).toMatch(/Med en felaktig utbetalning avses/);
  });
});
