import zlib from "node:zlib";

/** One file of a ZIP archive as its central directory describes it. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated; other methods are left to the unpacking library. */
  method: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const UNKNOWN_32 = 0xffffffff;

/**
 * Lists the entries of a ZIP archive from its central directory, without inflating anything, so
 * sizes can be checked before a library unpacks the archive. Returns null when `bytes` is not a
 * readable ZIP archive. The sizes are what the archive claims; a lying archive is caught later by
 * the reading worker's memory and time limits.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return null;
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (offset === UNKNOWN_32 || count === 0xffff) {
    const zip64 = zip64Directory(view, end);
    if (zip64 === null) return null;
    ({ count, offset } = zip64);
  }
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameStart = offset + 46;
    if (nameStart + nameLength + extraLength > view.byteLength) return null;
    const name = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + nameLength));
    let uncompressedSize = view.getUint32(offset + 24, true);
    let compressedSize = view.getUint32(offset + 20, true);
    if (uncompressedSize === UNKNOWN_32 || compressedSize === UNKNOWN_32) {
      const sizes = zip64Sizes(view, nameStart + nameLength, extraLength, uncompressedSize, compressedSize);
      uncompressedSize = sizes.uncompressedSize;
      compressedSize = sizes.compressedSize;
    }
    const method = view.getUint16(offset + 10, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset });
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The real unpacked size of an entry, by inflating it with an output cap: an archive can claim a
 * small size in its directory and still hold gigabytes. Infinity when the entry unpacks to more
 * than `cap` bytes; null when it cannot be located or is not valid deflate data.
 */
export function unpackedSize(bytes: Uint8Array, entry: ZipEntry, cap: number): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > view.byteLength || view.getUint32(header, true) !== LOCAL_HEADER) return null;
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const data = bytes.subarray(start, Math.min(view.byteLength, start + entry.compressedSize));
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) return entry.uncompressedSize;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }).length;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? Infinity : null;
  }
}

/** Position of the end-of-central-directory record, searched backwards over a possible comment. */
function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - MAX_COMMENT);
  for (let position = view.byteLength - END_RECORD_SIZE; position >= lowest; position--) {
    if (view.getUint32(position, true) === END_OF_DIRECTORY) return position;
  }
  return -1;
}

function zip64Directory(view: DataView, end: number): { count: number; offset: number } | null {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_END_LOCATOR) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) return null;
  return {
    count: Number(view.getBigUint64(record + 32, true)),
    offset: Number(view.getBigUint64(record + 48, true)),
  };
}

/** The 64-bit sizes of the ZIP64 extra field, which holds only the sizes marked unknown in the entry. */
function zip64Sizes(
  view: DataView,
  start: number,
  length: number,
  uncompressed: number,
  compressed: number,
): { uncompressedSize: number; compressedSize: number } {
  let position = start;
  while (position + 4 <= start + length) {
    const id = view.getUint16(position, true);
    const size = view.getUint16(position + 2, true);
    if (id === ZIP64_EXTRA) {
      let field = position + 4;
      const read = () => {
        const value = field + 8 <= position + 4 + size ? Number(view.getBigUint64(field, true)) : Infinity;
        field += 8;
        return value;
      };
      const uncompressedSize = uncompressed === UNKNOWN_32 ? read() : uncompressed;
      const compressedSize = compressed === UNKNOWN_32 ? read() : compressed;
      return { uncompressedSize, compressedSize };
    }
    position += 4 + size;
  }
  // Marked as unknown but not given: treat as unbounded, so the archive is refused as too large.
  return { uncompressedSize: Infinity, compressedSize: Infinity };
}
