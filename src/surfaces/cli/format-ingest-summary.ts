import type { IngestSummary } from "../../index/ingest-knowledge.ts";

/**
 * The ingest summary in Swedish, as printed after `npm run ingest` and at start-up, with the
 * warnings about group files (`groupWarnings`): broken files whose documents are withheld, and
 * documents a group lists that do not exist.
 */
export function formatIngestSummary(summary: IngestSummary, groupWarnings: readonly string[] = []): string {
  const seconds = summary.seconds.toLocaleString("sv-SE", { maximumFractionDigits: 1 });
  const lines = [
    `Indexering klar på ${seconds} s: ${summary.documents} dokument, ${summary.chunks} avsnitt ` +
      `(${summary.added} nya, ${summary.updated} ändrade, ${summary.removed} borttagna, ${summary.unchanged} oförändrade).`,
  ];
  if (summary.skipped.length > 0) {
    lines.push(`${summary.skipped.length} fil(er) hoppades över – rätta dem och kör indexeringen igen:`);
    for (const problem of summary.skipped) lines.push(`  • ${problem.message}`);
  }
  if (groupWarnings.length > 0) {
    lines.push(
      `${groupWarnings.length} problem i gruppfilerna (knowledge/groups/) – rätta dem och kör indexeringen eller starta Samsyn igen:`,
    );
    for (const warning of groupWarnings) lines.push(`  • ${warning}`);
  }
  return lines.join("\n");
}
