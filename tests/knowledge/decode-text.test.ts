import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SamsynError } from "../../src/errors.ts";
import { readDocument } from "../../src/knowledge/load-document.ts";
import { makeTempDir } from "../builders/document-files.ts";

const SENTENCE = "Nämnden för Hälsa och Välfärd träffas i Åsa.";
let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return readDocument(file, dir);
}

async function refusal(name: string, bytes: Buffer): Promise<string> {
  const error = await read(name, bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SamsynError);
  return (error as SamsynError).message;
}

describe("reading text files by their real encoding", () => {
  it.each([
    ["UTF-8 with a byte order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SENTENCE)])],
    [
      "UTF-16 LE with a byte order mark",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, "utf16le")]),
    ],
    [
      "UTF-16 BE with a byte order mark",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SENTENCE, "utf16le").swap16()]),
    ],
    ["UTF-16 LE without one", Buffer.from(SENTENCE, "utf16le")],
    ["UTF-16 BE without one", Buffer.from(SENTENCE, "utf16le").swap16()],
  ])("reads %s", async (_label, bytes) => {
    const { document } = await read("kodning.txt", bytes);
    expect(document.text).toBe(SENTENCE);
  });

  it("reads Swedish Windows-1252 text and says which encoding it used", async () => {
    const { document, encoding } = await read("gammal.txt", Buffer.from(SENTENCE, "latin1"));
    expect(document.text).toBe(SENTENCE);
    expect(encoding).toBe("windows-1252");
  });

  it("refuses broken UTF-8 instead of guessing, naming the file and the line", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${SENTENCE}\nAndra raden `),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(" slut"),
    ]);
    expect(await refusal("trasig.txt", bytes)).toMatch(/^trasig\.txt: texten är inte giltig UTF-8 .*rad 2\)/);
  });

  it("refuses random bytes and a program as binary data", async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 2_654_435_761) >>> 24));
    expect(await refusal("brus.md", noise)).toMatch(/^brus\.md: filen innehåller binära data/);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64), noise]);
    expect(await refusal("program.txt", elf)).toMatch(/^program\.txt: filen innehåller binära data/);
  });

  it("refuses an empty file instead of making an empty document", async () => {
    expect(await refusal("tom.html", Buffer.alloc(0))).toMatch(/^tom\.html: filen är tom \(0 byte\)/);
  });

  it("names a file nested too deep for the parser", async () => {
    const html = `<html><body>${"<div>".repeat(100_000)}Text${"</div>".repeat(100_000)}</body></html>`;
    expect(await refusal("djup.html", Buffer.from(html))).toMatch(/^djup\.html: filen är för djupt nästlad/);
  });
});
