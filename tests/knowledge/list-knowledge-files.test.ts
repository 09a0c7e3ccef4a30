import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SamsynError } from "../../src/errors.ts";
import { listKnowledgeFiles } from "../../src/knowledge/list-knowledge-files.ts";
import { makeTempDir, writeTextFile } from "../builders/document-files.ts";

let root: string;
beforeAll(async () => {
  root = await makeTempDir();
  for (const name of [
    "README.md",
    "b-avtal.md",
    "a-rapport.PDF",
    "undermapp/protokoll.docx",
    "undermapp/README.md",
    "undermapp/webb.htm",
    "groups/laholm.yaml",
    "calendar/moten.ics",
    ".git/config",
    ".dold.md",
    "~$avtal.docx",
    "budget.xlsx",
    "undermapp/bild.png",
  ]) {
    await writeTextFile(root, name, "x");
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("listKnowledgeFiles", () => {
  it("lists documents recursively and sorted, and other files as unsupported", async () => {
    const listing = await listKnowledgeFiles(root);
    const relative = (files: string[]) =>
      files.map((file) => path.relative(root, file).split(path.sep).join("/"));

    expect(relative(listing.files)).toEqual([
      "a-rapport.PDF",
      "b-avtal.md",
      "undermapp/README.md",
      "undermapp/protokoll.docx",
      "undermapp/webb.htm",
    ]);
    expect(relative(listing.unsupported)).toEqual(["budget.xlsx", "undermapp/bild.png"]);
    expect(listing.files.every((file) => path.isAbsolute(file))).toBe(true);
  });

  it("fails with a clear message when the knowledge folder does not exist", async () => {
    const error = await listKnowledgeFiles(path.join(root, "saknas")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SamsynError);
    expect((error as SamsynError).message).toContain("Kunskapsmappen");
  });
});
