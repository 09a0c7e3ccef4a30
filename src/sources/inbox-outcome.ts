import type { Catalog } from "../index/catalog.ts";
import type { IngestSummary } from "../index/ingest-knowledge.ts";
import type { InboxOutcome, SourceItem } from "./source-port.ts";

/** What the ingest after an inbox addition did to the added file, as the thread's confirmation. */
export function inboxOutcome(
  documentId: string,
  item: SourceItem,
  summary: IngestSummary,
  catalog: Pick<Catalog, "document"> | undefined,
): InboxOutcome {
  const skipped = summary.skipped.find((problem) => problem.file === documentId);
  if (skipped) {
    return {
      documentId,
      indexed: false,
      message: `Filen ”${item.fileName}” kunde inte läsas in och lades inte till: ${skipped.message}`,
    };
  }
  const document = catalog?.document(documentId);
  const title = document?.title ?? item.title ?? item.fileName;
  const passages = document ? ` (${document.chunkCount} avsnitt)` : "";
  const warnings = summary.warnings
    .filter((warning) => warning.file === documentId)
    .map((warning) => ` Observera: ${warning.message}`)
    .join("");
  return {
    documentId,
    indexed: true,
    message: `”${title}” finns nu bland gruppens dokument${passages} och går att fråga om.${warnings}`,
  };
}
