import type { IngestSummary } from "../../index/ingest-knowledge.ts";

/**
 * The ingest summary in Swedish, as printed after `npm run ingest` and at start-up: files skipped,
 * documents indexed with metadata that did not fit, and the configuration problems — group files
 * (`groupWarnings`: broken files whose documents are withheld, listed documents that do not exist)
 * and calendars (`calendarProblems`: files and events that could not be used, naming file and line).
 */
export function formatIngestSummary(
  summary: IngestSummary,
  groupWarnings: readonly string[] = [],
  calendarProblems: readonly string[] = [],
): string {
  const seconds = summary.seconds.toLocaleString("sv-SE", { maximumFractionDigits: 1 });
  const lines = [
    `Indexering klar på ${seconds} s: ${summary.documents} dokument, ${summary.chunks} avsnitt ` +
      `(${summary.added} nya, ${summary.updated} ändrade, ${summary.removed} borttagna, ${summary.unchanged} oförändrade).`,
  ];
  const section = (items: readonly string[], heading: string) => {
    if (items.length === 0) return;
    lines.push(heading);
    for (const item of items) lines.push(`  • ${item}`);
  };
  section(
    summary.skipped.map((problem) => problem.message),
    `${summary.skipped.length} fil(er) hoppades över – rätta dem och kör indexeringen igen:`,
  );
  const warned = new Set(summary.warnings.map((warning) => warning.file)).size;
  section(
    summary.warnings.map((warning) => warning.message),
    `${warned} dokument indexerades, men uppgifter i deras inledning (front matter) passade inte och ` +
      "användes inte eller bara delvis – rätta dem och kör indexeringen igen:",
  );
  section(
    groupWarnings,
    `${groupWarnings.length} problem i gruppfilerna (knowledge/groups/) – rätta dem och kör indexeringen eller starta Samsyn igen:`,
  );
  section(
    calendarProblems,
    `${calendarProblems.length} problem i kalendrarna (knowledge/calendar/ och gruppfilernas kalenderuppgifter) – ` +
      "det som nämns används inte förrän det är rättat; resten av kalendern gäller:",
  );
  return lines.join("\n");
}
