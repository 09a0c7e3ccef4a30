import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { writePdf, writeTextFile } from "./document-files.ts";

/** A generated file that must not stall ingest, and what ingest should do with it. */
export interface PathologicalFile {
  name: string;
  /** The Swedish reason (a pattern) when the file is to be skipped; null when it is to be indexed. */
  reason: RegExp | null;
}

const MEGABYTE = 1024 * 1024;

/**
 * Writes the inputs that used to stall or sink ingest into `dir`: one endless token, a base64
 * image in Markdown, minified HTML, DOCX zip bombs, binary junk, UTF-16 and broken UTF-8 text,
 * an empty file, HTML nested 100,000 deep and a PDF whose pages differ only in digits.
 */
export async function writePathologicalFiles(dir: string): Promise<PathologicalFile[]> {
  await writeTextFile(dir, "en-lang-token.txt", "a".repeat(5 * MEGABYTE));
  await writeTextFile(
    dir,
    "bild-i-markdown.md",
    `# Organisationsbild\n\nPresidiet i Kustberedningen leder arbetet.\n\n![Organisation](data:image/png;base64,${randomBytes(3 * MEGABYTE, 7).toString("base64")})\n\nBilden visar Kustberedningens organisation.\n`,
  );
  await writeTextFile(dir, "minifierad.html", minifiedHtml(2 * MEGABYTE));
  await writeZip(path.join(dir, "zip-bomb.docx"), [
    ...docxParts(),
    { name: "word/document.xml", repeat: Buffer.alloc(MEGABYTE, 0x20), times: 200 },
  ]);
  const paragraphs = Buffer.from("<w:p><w:r><w:t>Stycke om samverkan.</w:t></w:r></w:p>".repeat(16_384));
  await writeZip(path.join(dir, "stora-stycken.docx"), [
    ...docxParts(),
    { name: "word/document.xml", repeat: paragraphs, times: Math.ceil((100 * MEGABYTE) / paragraphs.length) },
  ]);
  await writeFile(path.join(dir, "slumpdata.txt"), randomBytes(MEGABYTE, 3));
  await writeFile(path.join(dir, "program.md"), elfBinary());
  await writeFile(
    path.join(dir, "utf16-utan-bom.txt"),
    Buffer.from("Kustberedningen sammanträder i Varberg fyra gånger per år.\n", "utf16le"),
  );
  await writeFile(
    path.join(dir, "trasig-utf8.txt"),
    Buffer.concat([
      Buffer.from("Beredningen träffas"),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from(" i maj.\n"),
    ]),
  );
  await writeFile(path.join(dir, "tom.md"), "");
  await writeTextFile(
    dir,
    "djupt-nastlad.html",
    `<html><body>${"<div>".repeat(100_000)}Text${"</div>".repeat(100_000)}</body></html>`,
  );
  await writePdf(
    dir,
    "arendelista.pdf",
    Array.from({ length: 6 }, (_, page) => ({
      paragraphs: [[`Ärende ${page + 1} av 6 behandlades 2024-0${page + 1}-15.`]],
    })),
  );
  return [
    { name: "en-lang-token.txt", reason: /inga ord att söka i|för stort/ },
    { name: "bild-i-markdown.md", reason: null },
    { name: "minifierad.html", reason: null },
    { name: "zip-bomb.docx", reason: /för stor/ },
    { name: "stora-stycken.docx", reason: /för stor/ },
    { name: "slumpdata.txt", reason: /binära data/ },
    { name: "program.md", reason: /binära data/ },
    { name: "utf16-utan-bom.txt", reason: null },
    { name: "trasig-utf8.txt", reason: /inte giltig UTF-8/ },
    { name: "tom.md", reason: /tom \(0 byte\)/ },
    { name: "djupt-nastlad.html", reason: /för djupt nästlad/ },
    { name: "arendelista.pdf", reason: null },
  ];
}

/** Deterministic noise (a linear congruential generator), so failures reproduce. */
function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

function minifiedHtml(size: number): string {
  const parts: string[] = ["<!doctype html><html><head><title>Minifierad</title></head><body><main>"];
  let length = parts[0]?.length ?? 0;
  for (let index = 0; length < size; index++) {
    const part = `<div class="c${index}"><p>Punkt ${index}: Kustberedningen följer upp samverkan.</p></div>`;
    parts.push(part);
    length += part.length;
  }
  parts.push("</main></body></html>");
  return parts.join("");
}

function elfBinary(): Buffer {
  const header = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array(8).fill(0)]);
  return Buffer.concat([header, randomBytes(64 * 1024, 11), Buffer.alloc(4096)]);
}

/** An entry of a generated ZIP archive: `repeat` written `times` times. */
export interface ZipSource {
  name: string;
  repeat: Buffer;
  times: number;
  /** The unpacked size the archive claims, when it should lie about it. */
  claimedSize?: number;
}

/** The package parts a .docx needs around word/document.xml. */
export function docxParts(): ZipSource[] {
  const part = (name: string, xml: string): ZipSource => ({ name, repeat: Buffer.from(xml), times: 1 });
  return [
    part(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    part(
      "_rels/.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  ];
}

/**
 * Writes a ZIP archive whose entries are `repeat` written `times` times, deflated as a stream so
 * that hundreds of megabytes of content never sit in memory at once.
 */
export async function writeZip(file: string, sources: readonly ZipSource[]): Promise<void> {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const source of sources) {
    const deflate = zlib.createDeflateRaw({ level: 9 });
    const output: Buffer[] = [];
    deflate.on("data", (chunk: Buffer) => output.push(chunk));
    let crc = 0;
    for (let time = 0; time < source.times; time++) {
      crc = zlib.crc32(source.repeat, crc);
      if (!deflate.write(source.repeat)) await once(deflate, "drain");
    }
    deflate.end();
    await once(deflate, "end");
    const data = Buffer.concat(output);
    const size = source.claimedSize ?? source.repeat.length * source.times;
    const name = Buffer.from(source.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sources.length, 8);
  end.writeUInt16LE(sources.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(file, Buffer.concat([...locals, ...directory, end]));
}
