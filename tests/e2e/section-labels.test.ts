import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EVERYTHING } from "../../src/retrieval/scope.ts";
import { ingestedCore, temporaryFolder } from "../builders/core.ts";

const AGREEMENT = `---
title: Överenskommelse om samverkan kring äldres hälsa
type: agreement
---

# Överenskommelse om samverkan kring äldres hälsa

## Parter

Parter är Exempelby kommun och Region Exempel.

## Uppföljning

Överenskommelsen följs upp årligen av samverkansberedningen.

## Giltighet

Överenskommelsen gäller tillsvidare med sex månaders uppsägningstid.
`;

const folders: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of folders) cleanup();
});

describe("section labels in answers", () => {
  it("cites a sentence with the heading it stands under when small sections share a passage", async () => {
    const knowledge = temporaryFolder();
    const data = temporaryFolder();
    folders.push(knowledge.cleanup, data.cleanup);
    fs.writeFileSync(path.join(knowledge.dir, "aldres-halsa.md"), AGREEMENT);
    const { core } = await ingestedCore(knowledge.dir, data.dir);
    try {
      expect(core.index.catalog.documents()[0]?.chunkCount).toBe(1);
      const { answer } = await core.answers.ask(
        "Vilken uppsägningstid har överenskommelsen om äldres hälsa?",
        {
          scope: EVERYTHING,
        },
      );
      expect(answer.abstained).toBe(false);
      const citation = answer.citations.find((cited) => cited.quote.includes("uppsägningstid"));
      expect(citation?.section).toBe("Giltighet");
    } finally {
      core.close();
    }
  });
});
