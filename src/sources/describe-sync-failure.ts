import { SamsynError } from "../errors.ts";

/** Why a source could not be synced, in Swedish: an adapter's own message, or one naming the source. */
export function describeSyncFailure(error: unknown, sourceId: string): string {
  if (error instanceof SamsynError) return error.message;
  if (error instanceof Error && error.name === "AbortError")
    return `synkningen av ${sourceId} avbröts när Samsyn stängdes; den görs om vid nästa start`;
  const reason = error instanceof Error ? error.message : String(error);
  return `källan ${sourceId} kunde inte synkas (${reason.slice(0, 200)}); tidigare hämtade dokument finns kvar`;
}
