import { SamsynError } from "../../errors.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");
const windows1252 = new TextDecoder("windows-1252");

/** How many leading bytes are inspected to recognise UTF-16 without a byte order mark. */
const SAMPLE_BYTES = 8_192;
/** Share of control characters above which a "text" file is taken for binary data. */
const MAX_CONTROL_SHARE = 0.01;
/**
 * Bytes 0x80–0xff that occur in Windows-1252 Swedish text: letters of Swedish and its neighbours
 * (å ä ö é ü ø æ …), dashes, quotes, €, §, ° and the non-breaking space. Any other high byte means
 * the file is not Windows-1252 text.
 */
const WINDOWS_1252_TEXT_BYTES: ReadonlySet<number> = new Set([
  0x80,
  0x85,
  0x91,
  0x92,
  0x93,
  0x94,
  0x95,
  0x96,
  0x97,
  0xa0,
  0xa7,
  0xab,
  0xb0,
  0xbb,
  0xbd,
  ...latin1Bytes("ÀÁÂÄÅÆÇÈÉÊËÍÎÏÑÓÔÖØÚÜßàáâäåæçèéêëíîïñóôöøúüý"),
]);
/** å ä ö Å Ä Ö: a Windows-1252 file must be mostly Swedish letters to be read as Swedish text. */
const SWEDISH_LETTER_BYTES: ReadonlySet<number> = new Set(latin1Bytes("åäöÅÄÖ"));

/** Text of a file and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

/**
 * Decodes a text file by its real encoding: a byte order mark (UTF-8, UTF-16 LE/BE) decides; UTF-16
 * without one is recognised by its zero bytes; otherwise UTF-8. Older Swedish documents are often
 * Windows-1252, so a file that holds no UTF-8 at all and whose other bytes are Swedish letters is
 * read as that (and says so in `encoding`). Binary data and broken UTF-8 are refused with a Swedish
 * message naming `file`.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw unreadable(file, "filen är tom (0 byte)", "Lägg in text i den");
  const decoded = decodeBytes(bytes, file);
  const text = decoded.text.startsWith("\ufeff") ? decoded.text.slice(1) : decoded.text;
  if (controlShare(text) > MAX_CONTROL_SHARE) throw binary(file);
  return { text, encoding: decoded.encoding };
}

function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: utf8Text(bytes, file), encoding: "utf-8" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: utf16le.decode(bytes), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: utf16be.decode(bytes), encoding: "utf-16be" };
  const utf16 = guessUtf16(bytes);
  if (utf16 === "utf-16le") return { text: utf16le.decode(bytes), encoding: utf16 };
  if (utf16 === "utf-16be") return { text: utf16be.decode(bytes), encoding: utf16 };
  if (bytes.includes(0)) throw binary(file);
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    if (looksLikeWindows1252(bytes)) return { text: windows1252.decode(bytes), encoding: "windows-1252" };
    return { text: utf8Text(bytes, file), encoding: "utf-8" };
  }
}

/** UTF-16 text in the Latin script has a zero in every other byte; binary data has zeros anywhere. */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.5 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.5 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/** UTF-8, or an error that says where the first invalid byte is. */
function utf8Text(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    throw unreadable(
      file,
      `texten är inte giltig UTF-8 (första felaktiga tecknet på rad ${line})`,
      "Öppna filen i en textredigerare och spara den med teckenkodningen UTF-8",
    );
  }
}

/**
 * Whether the file reads as Swedish Windows-1252 text: no UTF-8 sequence anywhere, every high byte
 * a letter or punctuation of such text, and at least half of them å, ä or ö.
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  let swedish = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (byte < 0x80) continue;
    if (!WINDOWS_1252_TEXT_BYTES.has(byte)) return false;
    // A lead byte followed by a continuation byte is UTF-8 ("Ã¥"); the two encodings are not mixed.
    const next = bytes[index + 1] ?? 0;
    if (byte >= 0xc2 && byte <= 0xf4 && next >= 0x80 && next <= 0xbf) return false;
    high++;
    if (SWEDISH_LETTER_BYTES.has(byte)) swedish++;
  }
  return swedish * 2 >= high;
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] as number;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : 4;
    if (byte >= 0x80 && (byte < 0xc2 || byte > 0xf4)) return line;
    for (let offset = 1; offset < length; offset++) {
      const continuation = bytes[index + offset];
      if (continuation === undefined || continuation < 0x80 || continuation > 0xbf) return line;
    }
    if (byte === 0x0a) line++;
    index += length;
  }
  return line;
}

/** Share of control characters other than tab, line feed, form feed and carriage return. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f)
      controls++;
    else if (code === 0xfffd) controls++;
  }
  return controls / text.length;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function binary(file: string): SamsynError {
  return unreadable(
    file,
    "filen innehåller binära data (t.ex. ett program, en bild eller ett arkiv), inte text",
    "Spara dokumentet som text (.txt, .md) eller i sitt eget format (.pdf, .docx)",
  );
}

function unreadable(file: string, problem: string, advice: string): SamsynError {
  return new SamsynError(
    "ingest_unreadable_file",
    `${file}: ${problem}. ${advice}, eller ta bort den ur kunskapsmappen.`,
  );
}

function latin1Bytes(characters: string): number[] {
  return [...characters].map((character) => character.charCodeAt(0));
}
