import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SamsynError } from "../../src/errors.ts";
import { loadDocument } from "../../src/knowledge/load-document.ts";
import { makeTempDir, writeDocx } from "../builders/document-files.ts";
import { docxParts, writeZip } from "../builders/pathological-files.ts";

const MEGABYTE = 1024 * 1024;
let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(file: string): Promise<SamsynError> {
  const error = await loadDocument(file, dir).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SamsynError);
  return error as SamsynError;
}

describe("Word files and the unpacked-size limit", () => {
  it("reads an ordinary Word file as before", async () => {
    const file = await writeDocx(dir, "vanlig.docx", [{ text: "Beredningen träffas i maj." }]);
    expect((await loadDocument(file, dir)).text).toContain("Beredningen träffas i maj.");
  });

  it("refuses a file whose size table lies about 200 MB of XML, before the Word parser unpacks it", async () => {
    const file = path.join(dir, "ljuger.docx");
    await writeZip(file, [
      ...docxParts(),
      { name: "word/document.xml", repeat: Buffer.alloc(MEGABYTE, 0x20), times: 200, claimedSize: 4096 },
    ]);
    const error = await refusal(file);
    expect(error.code).toBe("ingest_file_too_large");
    expect(error.message).toMatch(/^ljuger\.docx: Word-filen är för stor – den packas upp till mer än 25 MB/);
    expect(error.message).toContain("SAMSYN_INGEST_MAX_UNPACKED_MB");
  });

  it("refuses a ZIP that is not a Word file as unreadable", async () => {
    const file = path.join(dir, "trasig.docx");
    await writeZip(file, [{ name: "annat.txt", repeat: Buffer.from("hej"), times: 1 }]);
    expect((await refusal(file)).code).toBe("ingest_unreadable_file");
  });
});
