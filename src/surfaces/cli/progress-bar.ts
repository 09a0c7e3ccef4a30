import type { IngestProgress } from "../../index/ingest-knowledge.ts";

const PHASE_LABELS: Record<IngestProgress["phase"], string> = {
  reading: "Läser dokument",
  embedding: "Beräknar vektorer",
  writing: "Skriver index",
};

/** A progress bar on stderr for interactive terminals; silent when stderr is not a TTY. */
export function createProgressBar(
  stream: NodeJS.WriteStream = process.stderr,
): (progress: IngestProgress) => void {
  if (!stream.isTTY) return () => {};
  let lastDraw = 0;
  return (progress) => {
    const now = Date.now();
    const finished = progress.done >= progress.total;
    if (!finished && now - lastDraw < 80) return;
    lastDraw = now;
    const width = 28;
    const ratio = progress.total === 0 ? 1 : progress.done / progress.total;
    const filled = Math.round(ratio * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    stream.write(`\r${PHASE_LABELS[progress.phase].padEnd(18)} ${bar} ${progress.done}/${progress.total}`);
    if (finished) stream.write("\n");
  };
}
