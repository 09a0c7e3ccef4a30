const utf8 = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

/**
 * Decodes a text file. Older Swedish documents are often saved as Windows-1252 rather than
 * UTF-8, so invalid UTF-8 falls back to that instead of producing "Ã¥" for "å".
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = windows1252.decode(bytes);
  }
  return text.startsWith("\ufeff") ? text.slice(1) : text;
}
