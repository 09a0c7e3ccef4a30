import { closeSync, fsyncSync, openSync, renameSync, rmSync } from "node:fs";

/**
 * Replaces `file` as a whole or not at all: `write` fills a temporary file beside it, which is
 * flushed to disk before it is renamed over `file` (so a power cut cannot leave a renamed but empty
 * file); on any failure the temporary file is removed and the error rethrown.
 */
export function replaceFileDurably(file: string, write: (temporary: string) => void): void {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    write(temporary);
    const handle = openSync(temporary, "r+");
    try {
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
