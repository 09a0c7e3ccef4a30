import { SamsynError } from "../../errors.ts";
import type { SourceItem, SyncSink } from "../source-port.ts";
import { ContentTooLargeError, type GraphClient, GraphRequestError } from "./graph-client.ts";

/**
 * Downloads one changed file into the sink. A file that cannot be fetched becomes a Swedish
 * `problem` and keeps its earlier copy; a refused token or throttling that does not end stops the
 * whole sync instead (thrown), since every further file would fail the same way.
 */
export async function downloadInto(
  sink: SyncSink,
  client: GraphClient,
  driveId: string,
  item: SourceItem,
  size: number | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<boolean> {
  const name = `SharePoint-filen "${item.fileName}" (${item.url})`;
  const tooLarge = () =>
    `${name} är större än ${Math.round(maxBytes / 1024 / 1024)} MB och hämtas inte. Dela upp den, eller höj SAMSYN_INGEST_MAX_FILE_MB.`;
  if (size !== undefined && size > maxBytes) {
    sink.problem(tooLarge());
    return false;
  }
  let bytes: Uint8Array;
  try {
    bytes = await client.download(driveId, item.key, maxBytes, signal);
  } catch (error) {
    if (error instanceof SamsynError || signal.aborted) throw error;
    if (error instanceof ContentTooLargeError) {
      sink.problem(tooLarge());
    } else {
      const reason =
        error instanceof GraphRequestError
          ? `Microsoft Graph svarade HTTP ${error.status}${error.graphCode ? ` ${error.graphCode}` : ""}`
          : error instanceof Error && error.name === "TimeoutError"
            ? "nedladdningen tog för lång tid"
            : `nedladdningen misslyckades (${error instanceof Error ? error.message : String(error)})`;
      sink.problem(
        `${name} kunde inte hämtas: ${reason}. Den tidigare kopian behålls; Samsyn försöker igen vid nästa synkning.`,
      );
    }
    return false;
  }
  await sink.put(item, bytes);
  return true;
}
