import { inStockholm, swedishClock, swedishDate } from "../reminders/stockholm-time.ts";
import type { SourceSyncResult } from "./source-runner.ts";
import type { SourceStatusRow } from "./source-status.ts";

const KIND_NAMES = { web: "webb", sharepoint: "SharePoint", slack: "Slack" } as const;

/** "lördag 5 december 2026 kl. 13.02", in Swedish time. */
export function swedishMoment(iso: string): string {
  const time = inStockholm(Date.parse(iso));
  return `${swedishDate(time)} kl. ${swedishClock(time)}`;
}

/** "1 dag", "6 timmar", "30 minuter". */
export function swedishInterval(minutes: number): string {
  const units: [number, string, string][] = [
    [7 * 24 * 60, "vecka", "veckor"],
    [24 * 60, "dag", "dagar"],
    [60, "timme", "timmar"],
  ];
  for (const [size, one, many] of units) {
    if (minutes % size === 0) return `${minutes / size} ${minutes === size ? one : many}`;
  }
  return `${minutes} minuter`;
}

/** "2 nya, 1 ändrat, 0 borttagna". */
export function describeCounts(counts: { added: number; changed: number; removed: number }): string {
  return `${counts.added} ${counts.added === 1 ? "nytt" : "nya"}, ${counts.changed} ${counts.changed === 1 ? "ändrat" : "ändrade"}, ${counts.removed} ${counts.removed === 1 ? "borttaget" : "borttagna"}`;
}

/** One source's status in Swedish, a few lines, for the terminal and the start log. */
export function describeSourceStatus(row: SourceStatusRow): string {
  const lines = [`${row.id} – ${row.label}`];
  const where = [
    `${KIND_NAMES[row.kind]}`,
    row.group === null ? "allmän (alla grupper)" : `grupp ${row.group}`,
    row.everyMinutes === null ? null : `synkas var ${swedishInterval(row.everyMinutes)}`,
    row.origin ?? "inte längre konfigurerad: dokumenten finns kvar i indexet",
  ].filter((part) => part !== null);
  lines.push(`  ${where.join(" · ")}`);
  const documents = `${row.documents} dokument`;
  const run = row.lastRun;
  if (row.kind === "slack") {
    const last =
      row.lastSuccessAt === null
        ? "inga filer tillagda ännu"
        : `senast tillagd fil ${swedishMoment(row.lastSuccessAt)}`;
    lines.push(`  ${last} · ${documents}`);
  } else if (run === null) {
    lines.push(`  aldrig synkad · ${documents}`);
  } else if (run.ok) {
    lines.push(`  senast synkad ${swedishMoment(run.at)} · ${documents} · ${describeCounts(run)}`);
  } else {
    const success =
      row.lastSuccessAt === null ? "aldrig lyckats" : `senast lyckad ${swedishMoment(row.lastSuccessAt)}`;
    lines.push(`  misslyckades ${swedishMoment(run.at)} (${success}) · ${documents}`);
    lines.push(`  fel: ${run.error ?? "okänt fel"}`);
  }
  for (const problem of run?.problems ?? []) lines.push(`  problem: ${problem}`);
  return lines.join("\n");
}

/** One sync's outcome for a source in Swedish, one line plus its problems. */
export function describeSyncResult(result: SourceSyncResult): string {
  const head =
    result.outcome === "synced"
      ? `${result.id}: synkad – ${describeCounts(result)}`
      : result.outcome === "busy"
        ? `${result.id}: hoppades över – ${result.error}`
        : `${result.id}: misslyckades – ${(result.error ?? "okänt fel").replace(/\.$/, "")}. Tidigare hämtade dokument finns kvar.`;
  return [head, ...result.problems.map((problem) => `  problem: ${problem}`)].join("\n");
}
