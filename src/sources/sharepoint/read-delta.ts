import { SamsynError } from "../../errors.ts";
import { type DriveItem, deltaPageSchema } from "./drive-item.ts";
import type { GraphClient } from "./graph-client.ts";

/** Most pages one delta listing may take; a link loop must not keep a sync going for ever. */
const MAX_PAGES = 100_000;

/** Everything a delta query returned, last occurrence of each item kept, and the link for next time. */
export interface DeltaListing {
  items: Map<string, DriveItem>;
  deltaLink: string;
}

/**
 * Follows a delta query from `start` through every `@odata.nextLink` to the `@odata.deltaLink`.
 * An item can appear more than once; the docs say to use the last occurrence.
 */
export async function readDelta(
  client: GraphClient,
  start: string,
  signal: AbortSignal,
): Promise<DeltaListing> {
  const items = new Map<string, DriveItem>();
  let link = start;
  for (let page = 0; page < MAX_PAGES; page++) {
    const parsed = deltaPageSchema.safeParse(await client.getJson(link, signal));
    if (!parsed.success) {
      throw new SamsynError(
        "source_unavailable",
        `Microsoft Graph svarade med en ändringslista som Samsyn inte kan läsa (${parsed.error.issues[0]?.message ?? "okänt fel"}).`,
      );
    }
    for (const item of parsed.data.value) {
      items.delete(item.id);
      items.set(item.id, item);
    }
    const deltaLink = parsed.data["@odata.deltaLink"];
    if (deltaLink) return { items, deltaLink };
    const next = parsed.data["@odata.nextLink"];
    if (!next) {
      throw new SamsynError(
        "source_unavailable",
        "Microsoft Graph avslutade ändringslistan utan @odata.deltaLink; Samsyn försöker igen vid nästa synkning.",
      );
    }
    link = next;
  }
  throw new SamsynError(
    "source_unavailable",
    `Ändringslistan från Microsoft Graph tog inte slut efter ${MAX_PAGES} sidor.`,
  );
}
