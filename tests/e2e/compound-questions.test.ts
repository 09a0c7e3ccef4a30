import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app/compose.ts";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { ingestedCore, temporaryFolder } from "../builders/core.ts";

// Skollagen and Plan- och bygglagen from the statute corpus, beside the checkout as in CI.
const EVAL = process.env.SAMSYN_EVAL_DIR ?? path.resolve(import.meta.dirname, "../../../shared/eval");
const LAWS = path.join(EVAL, "law-knowledge");

describe.skipIf(!existsSync(LAWS))("a question in two parts over two laws", () => {
  let core: Core;
  let cleanup: () => void;

  beforeAll(async () => {
    const folder = temporaryFolder();
    cleanup = folder.cleanup;
    ({ core } = await ingestedCore(LAWS, folder.dir));
  });

  afterAll(() => {
    core?.close();
    cleanup?.();
  });

  it("answers each part from the law that governs it, citing both", async () => {
    const { answer } = await core.answers.ask(
      "Vem ansvarar för att barnen i kommunen får gå i grundskola, och vem planerar hur mark och vatten ska användas?",
      { scope: EVERYTHING },
    );
    expect(answer.abstained).toBe(false);
    expect(answer.text).toMatch(/Hemkommunen ansvarar för att utbildning i grundskolan kommer till stånd/);
    expect(answer.text).toMatch(/mark- och vattenområden/);
    expect(answer.citations.map((citation) => citation.title).sort()).toEqual([
      "Plan- och bygglag (2010:900)",
      "Skollag (2010:800)",
    ]);
  });
});
